// A chat's audit trail for supervisors and admins: every event of the chat as it was stored,
// in the order it happened, so a console can list who did what and when and replay the chat
// to any point. Read from the event log (the truth) on the read model's threads, which also
// say whether the reader may see the chat: nothing of it runs on the authority's strand.
#include "protocol/history_codec.h"
#include "server/base/http_responses.h"
#include "server/readmodel/chat_search.h"
#include "server/rest/chat_access.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

void answer_history(const CallPtr& call, const core::ChatId& chat) {
    const std::vector<StoredEvent> stored = call->services.event_log.read_chat(chat);
    std::vector<protocol::EncodedHistoryEntry> events;
    events.reserve(stored.size());
    for (const StoredEvent& event : stored) {
        events.push_back({event.seq, event.payload});
    }
    call->reply(json_response(call->request.version(), http::status::ok,
                              protocol::encode_chat_history(chat, events)));
}

}  // namespace

void chat_history(const CallPtr& call) {
    const auto chat = chat_param(*call);
    if (!chat || !call->require_staff()) {
        return;
    }
    call->read_model([call, chat = *chat](sqlite::Connection& db, const core::State& directory) {
        if (!call->require_role(directory, core::Role::supervisor)) {
            return;
        }
        if (!readmodel::may_read_chat(db, directory, call->principal->actor, chat)) {
            fail_unknown_chat(*call, chat);
            return;
        }
        answer_history(call, chat);
    });
}

}  // namespace parley::server::rest
