#include "console/announcer.h"

#include "console/chat_text.h"

namespace parley::console {

std::vector<Notice> Announcer::update(const ConsoleViewModel& model, const core::State& state,
                                      std::uint64_t version) {
    if (model.screen != Screen::desk) {
        waiting_.clear();
        primed_ = false;
        version_.reset();
        return {};
    }
    if (version_ == version) {
        return {};
    }
    version_ = version;
    std::vector<Notice> notices;
    std::set<core::ChatId> waiting;
    const auto collect = [&](const ChatList& list, const char* what) {
        if (list.ids == nullptr) {
            return;
        }
        for (const core::ChatId& id : *list.ids) {
            waiting.insert(id);
            if (!primed_ || waiting_.contains(id)) {
                continue;
            }
            if (const core::Chat* chat = state.find_chat(id)) {
                notices.push_back({what + std::string(customer_name(state, *chat)),
                                   std::string(preview_of(*chat))});
            }
        }
    };
    collect(model.queue, "New chat: ");
    collect(model.transferred, "Transferred to you: ");
    waiting_ = std::move(waiting);
    primed_ = true;
    return notices;
}

}  // namespace parley::console
