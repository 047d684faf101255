#include "console/archived_chat.h"

#include "console/api_bodies.h"
#include "protocol/rest/chat_bodies.h"

namespace parley::console {

std::string archived_chat_path(const core::ChatId& chat) {
    return "/api/chats/" + percent_encoded(chat) + "/transcript";
}

void ArchivedChat::take(const ApiCalls& api, const Replica& replica,
                        const std::optional<core::ChatId>& asked) {
    if (!asked) {
        return;
    }
    const ApiResult* result = api.answer_since(kArchivedChatCall, generation);
    if (!result) {
        return;
    }
    chat = *asked;
    state.reset();
    const auto answer = body_of<protocol::rest::TranscriptAnswer>(result);
    if (!answer || answer->chat.id != *asked) {
        problem = answer_problem(*result, "The chat");
        return;
    }
    problem.clear();
    const core::State& floor = replica.state();
    core::State world;
    world.settings = floor.settings;
    world.queues = floor.queues;
    world.agents = floor.agents;
    world.customers[answer->chat.customer] =
        core::Customer{answer->chat.customer, answer->customer_name, {}, {}, {}};
    world.chats.push_back(answer->chat);
    core::rebuild_indexes(world);
    state = std::move(world);
}

const core::Chat* ArchivedChat::find(const core::ChatId& id) const {
    return state ? state->find_chat(id) : nullptr;
}

}  // namespace parley::console
