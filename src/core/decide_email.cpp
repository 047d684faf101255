// Rules for email to customers: the transcript they ask for, "continue by email" from staff,
// and the system recording what the mail relay did. Standard library only.
#include <algorithm>

#include "core/decide_parts.h"
#include "core/email.h"

namespace parley::core {
namespace {

Email queued_email(const Chat& chat, EmailKind kind, std::string to, std::string subject,
                   std::string body, std::string by, Timestamp at) {
    Email email;
    email.number = chat.emails.size() + 1;
    email.kind = kind;
    email.to = std::move(to);
    email.subject = std::move(subject);
    email.body = std::move(body);
    email.by = std::move(by);
    email.queued_at = at;
    return email;
}

}  // namespace

void queue_transcript(Context& ctx, const Chat& chat, const std::string& address) {
    ctx.emit_as_system(EmailQueued{
        chat.id, queued_email(chat, EmailKind::transcript, address,
                              transcript_subject(ctx.state(), chat), {}, chat.customer, ctx.at())});
}

namespace {

std::optional<Decision> check_email_text(const EmailCustomer& cmd) {
    if (cmd.subject.empty())
        return refuse(codes::kMissingArgument, "Write a subject.");
    if (cmd.body.empty())
        return refuse(codes::kEmptyMessage, "Write the email.");
    if (cmd.subject.size() > kMaxEmailSubject ||
        cmd.subject.find_first_of("\r\n") != std::string::npos) {
        return refuse(codes::kInvalidArgument, "Keep the subject to one line of at most " +
                                                   std::to_string(kMaxEmailSubject) +
                                                   " characters.");
    }
    if (cmd.body.size() > kMaxEmailBody) {
        return refuse(codes::kMessageTooLong,
                      "Keep the email under " + std::to_string(kMaxEmailBody) + " characters.");
    }
    return std::nullopt;
}

// While the chat is open, whoever writes in it; once it has ended, its last agent or a
// supervisor, so a follow-up does not need the chat reopened.
std::optional<Decision> check_emailer(const State& state, const Agent& agent, const Chat& chat) {
    if (auto refused =
            check_not_archived(chat, "write to its customer from a ticket or a new chat."))
        return refused;
    if (!closed_or_archived(chat)) {
        if (writes_as_staff(agent, chat))
            return std::nullopt;
        return check_assignee(state, agent, chat);
    }
    if (is_supervisor(agent) || chat.last_assignee == agent.id)
        return std::nullopt;
    return refuse(codes::kNotAuthorized, "Only the agent who last held " + chat_label(chat.id) +
                                             " or a supervisor can email its customer.");
}

// One transcript per chat, and a customer's only to their address on record: otherwise the
// widget, open to anyone, would mail any text to any address. An integration (a bot or channel
// gateway relaying the customer) has verified the address itself.
std::optional<Decision> check_transcript_request(const Context& ctx, const Chat& chat,
                                                 const std::string& address) {
    const bool sent = std::any_of(chat.emails.begin(), chat.emails.end(), [](const Email& email) {
        return email.kind == EmailKind::transcript;
    });
    if (sent) {
        return refuse(codes::kTranscriptAlreadySent,
                      "The transcript of " + chat_label(chat.id) + " has already been emailed.");
    }
    if (ctx.actor().kind == ActorKind::customer &&
        address != address_on_record(ctx.state(), chat)) {
        return refuse(codes::kTranscriptAddressNotOnRecord,
                      "The transcript can only go to the email address given when the chat "
                      "started.");
    }
    return std::nullopt;
}

}  // namespace

Decision decide_command(Context& ctx, const RequestTranscript& cmd) {
    const Chat* chat = ctx.state().find_chat(cmd.chat);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(cmd.chat) + " does not exist.");
    if (!speaks_for_customer(ctx.actor(), *chat)) {
        return refuse(codes::kNotAuthorized, "Only the chat's customer asks for its transcript.");
    }
    if (auto refused = check_not_archived(*chat))
        return *refused;
    const bool ended = closed_or_archived(*chat);
    if (cmd.address.empty()) {
        if (ended) {
            return refuse(codes::kChatClosed,
                          chat_label(cmd.chat) + " has ended; there is no request to withdraw.");
        }
        ctx.emit(TranscriptRequested{cmd.chat, {}});
        return ctx.finish();
    }
    if (!is_email_address(cmd.address)) {
        return refuse(codes::kInvalidArgument,
                      "'" + cmd.address + "' is not an email address such as name@example.com.");
    }
    if (auto refused = check_transcript_request(ctx, *chat, cmd.address))
        return *refused;
    ctx.emit(TranscriptRequested{cmd.chat, cmd.address});
    if (ended)
        queue_transcript(ctx, *chat, cmd.address);
    return ctx.finish();
}

Decision decide_command(Context& ctx, const EmailCustomer& cmd) {
    const Agent* agent = nullptr;
    if (auto refused = check_staff(ctx.state(), ctx.actor(), agent))
        return *refused;
    const Chat* chat = ctx.state().find_chat(cmd.chat);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(cmd.chat) + " does not exist.");
    if (auto refused = check_emailer(ctx.state(), *agent, *chat))
        return *refused;
    const std::string to = customer_email(ctx.state(), *chat);
    if (to.empty()) {
        return refuse(codes::kNoCustomerEmail,
                      "The customer of " + chat_label(cmd.chat) + " has left no email address.");
    }
    if (auto refused = check_email_text(cmd))
        return *refused;
    ctx.emit(EmailQueued{cmd.chat, queued_email(*chat, EmailKind::message, to, cmd.subject,
                                                cmd.body, agent->id, ctx.at())});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const RecordEmailDelivery& cmd) {
    if (ctx.actor().kind != ActorKind::system) {
        return refuse(codes::kNotAuthorized, "Only the server's mailer records deliveries.");
    }
    const Chat* chat = ctx.state().find_chat(cmd.chat);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(cmd.chat) + " does not exist.");
    if (cmd.email == 0 || cmd.email > chat->emails.size()) {
        return refuse(codes::kUnknownEmail,
                      chat_label(cmd.chat) + " has no email " + std::to_string(cmd.email) + ".");
    }
    if (chat->emails[position_of(cmd.email)].status != EmailStatus::queued) {
        return refuse(codes::kEmailAlreadyRecorded,
                      "Email " + std::to_string(cmd.email) + " is already recorded.");
    }
    if (cmd.status == EmailStatus::queued) {
        return refuse(codes::kInvalidArgument, "Record an email as sent or failed.");
    }
    ctx.emit(EmailDelivered{cmd.chat, cmd.email, cmd.status, cmd.detail});
    return ctx.finish();
}

}  // namespace parley::core
