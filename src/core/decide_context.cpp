// Context, refusals and the who-may-do-what checks shared by every decide_*.cpp.
// Standard library only.
#include "core/decide_context.h"

#include <algorithm>

#include "core/names.h"

namespace parley::core {

Context::Context(const State& state, const CommandEnvelope& command)
    : state_(state),
      command_(command),
      key_(command_key(command.actor, command.id)),
      next_message_(state.next_message_id),
      next_note_(state.next_note_id),
      next_ticket_(state.next_ticket_id()),
      next_queue_(state.next_queue_id()),
      next_canned_(state.next_canned_response_id) {}

void Context::emit(Event event) {
    events_.push_back(EventEnvelope{key_, command_.actor, command_.at, std::move(event)});
}

void Context::emit_as_system(Event event) {
    events_.push_back(EventEnvelope{key_, Actor::system(), command_.at, std::move(event)});
}

void Context::notify_customer(ChatId chat, std::string text) {
    emit_as_system(MessagePosted{
        chat, take_message_id(), Author{AuthorKind::system, {}}, std::move(text), {}});
}

Decision Context::finish() {
    return Decision{std::move(events_), std::nullopt, false};
}

Decision refuse(std::string_view code, std::string message) {
    return Decision{{}, Rejection{std::string(code), std::move(message)}, false};
}

// [SECTION] Who is acting

bool speaks_for_customer(const Actor& actor, const Chat& chat) {
    return (actor.kind == ActorKind::customer && actor.id == chat.customer) ||
           actor.kind == ActorKind::integration;
}

bool writes_as_staff(const Agent& agent, const Chat& chat) {
    if (chat.status != ChatStatus::active)
        return false;
    if (chat.assignee == agent.id)
        return true;
    return std::find(chat.participants.begin(), chat.participants.end(), agent.id) !=
           chat.participants.end();
}

bool sees_chat(const Agent& agent, const Chat& chat) {
    return sees_chat_as(agent, chat.status, chat.queue, names_in_sight(chat, agent.id));
}

bool sees_chat_as(const Agent& agent, ChatStatus status, QueueId queue, bool named) {
    if (is_supervisor(agent) || named)
        return true;
    return status == ChatStatus::queued && agent.queues.contains(queue);
}

// [SECTION] Sentences

std::string name_of(const State& state, const AgentId& agent) {
    const Agent* found = state.find_agent(agent);
    return found && !found->profile.name.empty() ? found->profile.name : agent;
}

std::string queue_name(const State& state, QueueId queue) {
    const Queue* found = state.find_queue(queue);
    return found ? found->config.name : "queue " + std::to_string(queue);
}

std::string chat_label(const ChatId& chat) {
    return "Chat " + chat;
}

// [SECTION] Shared checks

bool closed_or_archived(const Chat& chat) {
    return chat.status == ChatStatus::closed || chat.status == ChatStatus::archived;
}

std::optional<Decision> check_not_archived(const Chat& chat, std::string_view then) {
    if (chat.status != ChatStatus::archived)
        return std::nullopt;
    return refuse(codes::kChatClosed, chat_label(chat.id) + " is archived" +
                                          (then.empty() ? "." : ": " + std::string(then)));
}

std::optional<Decision> check_open_chat(const State& state, ChatId id, const Chat*& chat) {
    chat = state.find_chat(id);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(id) + " does not exist.");
    if (closed_or_archived(*chat)) {
        return refuse(codes::kChatClosed, chat_label(id) + " is already closed.");
    }
    return std::nullopt;
}

std::optional<Decision> check_staff(const State& state, const Actor& actor, const Agent*& agent) {
    agent = staff_of(state, actor);
    if (!agent) {
        return refuse(codes::kNotAuthorized, "Only an enabled staff account can do this.");
    }
    return std::nullopt;
}

std::optional<Decision> check_staff_on_open_chat(const State& state, const Actor& actor, ChatId id,
                                                 const Agent*& agent, const Chat*& chat) {
    if (auto refused = check_staff(state, actor, agent))
        return refused;
    return check_open_chat(state, id, chat);
}

std::optional<Decision> check_holder(const State& state, const Actor& actor, ChatId id,
                                     const Agent*& agent, const Chat*& chat) {
    if (auto refused = check_staff_on_open_chat(state, actor, id, agent, chat))
        return refused;
    return check_assignee(state, *agent, *chat);
}

std::optional<Decision> check_assignee(const State& state, const Agent& agent, const Chat& chat) {
    if (chat.assignee == agent.id)
        return std::nullopt;
    if (chat.assignee) {
        return refuse(codes::kNotAssignee, chat_label(chat.id) + " is held by " +
                                               name_of(state, *chat.assignee) + ", not you.");
    }
    return refuse(codes::kNotAssignee, "You do not hold " + chat_label(chat.id) + "; it is " +
                                           std::string(to_string(chat.status)) + ".");
}

std::optional<Decision> check_message(const Settings& settings, const std::string& text,
                                      const std::vector<Attachment>& attachments) {
    if (text.empty() && attachments.empty()) {
        return refuse(codes::kEmptyMessage, "A message needs text or an attachment.");
    }
    if (text.size() > settings.max_message_length) {
        return refuse(codes::kMessageTooLong, "The message is longer than " +
                                                  std::to_string(settings.max_message_length) +
                                                  " bytes.");
    }
    for (const Attachment& file : attachments) {
        if (file.size_bytes > settings.max_attachment_bytes) {
            return refuse(codes::kAttachmentTooLarge,
                          "The file " + file.name + " is larger than " +
                              std::to_string(settings.max_attachment_bytes) + " bytes.");
        }
        const auto& allowed = settings.allowed_attachment_types;
        if (std::find(allowed.begin(), allowed.end(), file.content_type) == allowed.end()) {
            return refuse(codes::kAttachmentTypeNotAllowed,
                          "Files of type " + file.content_type + " are not allowed.");
        }
    }
    return std::nullopt;
}

}  // namespace parley::core
