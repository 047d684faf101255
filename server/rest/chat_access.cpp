// REST reach of chats: the customer's token scope plus core visibility.
#include "server/rest/chat_access.h"

#include "core/replay.h"
#include "core/rules.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "server/base/log.h"
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

namespace {

void read_archived_chat(const CallPtr& call, const core::State& directory, const core::ChatId& id,
                        const ChatRead& read, const std::function<void()>& unreachable) {
    core::ChatReplay replay(directory, id);
    for (const StoredEvent& stored : call->services.event_log.read_chat(id)) {
        auto event = protocol::decode_event(stored.payload);
        const auto fault =
            event ? replay.step(event.value()) : std::optional<std::string>(event.error().message);
        if (fault) {
            log_error("chat " + id + " cannot be read from the event log: event " +
                      std::to_string(stored.seq) + ": " + *fault);
            call->fail(http::status::internal_server_error, "store_failure",
                       "The chat's history cannot be read; the server's log says why.");
            return;
        }
    }
    const core::Chat* chat = replay.chat();
    if (!chat || !call->principal || !may_reach(*call->principal, replay.state(), *chat)) {
        unreachable();
        return;
    }
    read(replay.state(), *chat);
}

}  // namespace

void read_reachable_chat(const CallPtr& call, const core::ChatId& id, ChatRead read,
                         std::function<void()> unreachable) {
    if (!unreachable) {
        unreachable = [call, id] { fail_unknown_chat(*call, id); };
    }
    read_state(call, [call, id, read = std::move(read),
                      unreachable = std::move(unreachable)](const core::State& state) mutable {
        if (const core::Chat* chat = state.find_chat(id)) {
            if (call->principal && may_reach(*call->principal, state, *chat)) {
                read(state, *chat);
            } else {
                unreachable();
            }
            return;
        }
        call->read_model([call, id, read = std::move(read), unreachable = std::move(unreachable)](
                             sqlite::Connection&, const core::State& directory) {
            read_archived_chat(call, directory, id, read, unreachable);
        });
    });
}

}  // namespace parley::server::rest
