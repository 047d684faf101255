#include "console/chat_text.h"

namespace parley::console {

std::string_view customer_name(const core::State& state, const core::Chat& chat) {
    const auto found = state.customers.find(chat.customer);
    return found != state.customers.end() ? std::string_view(found->second.name)
                                          : std::string_view(chat.customer);
}

std::string_view agent_name(const core::State& state, const core::AgentId& id) {
    const core::Agent* agent = state.find_agent(id);
    return agent ? std::string_view(agent->profile.name) : std::string_view(id);
}

std::string_view preview_of(const core::Chat& chat) {
    for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
        if (it->author.kind != core::AuthorKind::system && !it->text.empty()) {
            return it->text;
        }
    }
    return {};
}

}  // namespace parley::console
