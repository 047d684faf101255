// Tickets over REST, for the external service desk (integration API key) and staff: read one
// ticket, and set its status with the service desk's reference (a ticket resolved outside
// shows resolved in the console through the same event). Who may see a ticket is
// core::may_see_ticket; a ticket the caller may not see is answered like one that does not
// exist.
#include <string>

#include "core/visibility.h"
#include "server/rest/chat_access.h"
#include "server/rest/routes.h"
#include "server/rest/ticket_views.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

void fail_unknown_ticket(Call& call) {
    call.fail(http::status::not_found, "unknown_ticket",
              "There is no such ticket that you can see.");
}

// The {ticket} path segment, or a 404 answer and nothing.
std::optional<core::TicketId> ticket_param(Call& call) {
    const std::string& text = call.params["ticket"];
    // 18 digits always fit a TicketId, and no floor comes near that many tickets.
    const bool digits = !text.empty() && text.size() <= 18 &&
                        text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoull(text) == 0) {
        fail_unknown_ticket(call);
        return std::nullopt;
    }
    return static_cast<core::TicketId>(std::stoull(text));
}

// Answers with the ticket if the caller may see it.
void reply_ticket(const CallPtr& call, core::TicketId id, http::status status) {
    read_state(call, [call, id, status](const core::State& state) {
        const core::Ticket* ticket = state.find_ticket(id);
        if (!ticket || !core::may_see_ticket(state, call->principal->actor, *ticket)) {
            fail_unknown_ticket(*call);
            return;
        }
        call->reply(status, protocol::rest::TicketAnswer{ticket_view(state, *ticket)});
    });
}

}  // namespace

void get_ticket(const CallPtr& call) {
    if (!call->require_signed_in()) {
        return;
    }
    if (const auto id = ticket_param(*call)) {
        reply_ticket(call, *id, http::status::ok);
    }
}

void set_ticket_status(const CallPtr& call) {
    if (!call->require_signed_in()) {
        return;
    }
    const auto id = ticket_param(*call);
    if (!id) {
        return;
    }
    const auto request = call->body_as<protocol::rest::SetTicketStatus>();
    if (!request) {
        return;
    }
    call->command(
        core::SetTicketStatus{*id, request->status, request->reference},
        [call, id = *id](const protocol::Ack&) { reply_ticket(call, id, http::status::ok); });
}

}  // namespace parley::server::rest
