// REST reach of chats: the customer's token scope plus core visibility.
#include "server/rest/chat_access.h"

#include "core/rules.h"
#include "core/visibility.h"
#include "server/rest/request_fields.h"

namespace parley::server::rest {
namespace http = boost::beast::http;

void read_state(const CallPtr& call, std::function<void(const core::State&)> read) {
    call->services.authority.read(
        [call, read = std::move(read)](const core::State& state, std::uint64_t) {
            call->guarded([&] { read(state); });
        });
}

void fail_unknown_chat(Call& call, const core::ChatId& id) {
    call.fail(http::status::not_found, "unknown_chat",
              "There is no chat " + id + " that you can see.");
}

std::optional<core::ChatId> chat_param(Call& call) {
    core::ChatId id = call.params["chat"];
    if (!core::is_valid_chat_id(id)) {
        call.fail(http::status::not_found, "unknown_chat", "There is no such chat.");
        return std::nullopt;
    }
    return id;
}

bool may_reach(const Principal& principal, const core::State& state, const core::Chat& chat) {
    if (principal.actor.kind == core::ActorKind::customer && principal.chat != chat.id) {
        return false;
    }
    return core::may_see_chat(state, principal.actor, chat);
}

const core::Chat* reachable_chat(Call& call, const core::State& state, const core::ChatId& id) {
    const core::Chat* chat = state.find_chat(id);
    if (!chat || !call.principal || !may_reach(*call.principal, state, *chat)) {
        fail_unknown_chat(call, id);
        return nullptr;
    }
    return chat;
}

}  // namespace parley::server::rest
