// Rules for a chat's life before it ends: starting one, messages, typing, receipts, notes and
// tags. Standard library only.
#include <algorithm>

#include "core/decide_parts.h"
#include "core/routing.h"
#include "core/rules.h"

namespace parley::core {
namespace {

// A staff member who may see the chat, closed or not: notes and tags outlive the conversation.
std::optional<Decision> check_staff_seeing_chat(const State& state, const Actor& actor, ChatId id,
                                                const Agent*& agent, const Chat*& chat) {
    if (auto refused = check_staff(state, actor, agent))
        return refused;
    chat = state.find_chat(id);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(id) + " does not exist.");
    if (!sees_chat(*agent, *chat))
        return refuse(codes::kNotAuthorized, "You cannot see " + chat_label(id) + ".");
    return std::nullopt;
}

// The side an actor speaks for in this chat, if any.
std::optional<Side> side_of(const State& state, const Actor& actor, const Chat& chat) {
    if (actor.kind == ActorKind::customer) {
        return actor.id == chat.customer ? std::optional(Side::customer) : std::nullopt;
    }
    if (actor.kind == ActorKind::integration)
        return Side::customer;
    const Agent* agent = staff_of(state, actor);
    if (agent && (writes_as_staff(*agent, chat) || sees_chat(*agent, chat))) {
        return Side::staff;
    }
    return std::nullopt;
}

bool has_message(const Chat& chat, MessageId id) {
    auto found = std::lower_bound(chat.messages.begin(), chat.messages.end(), id,
                                  [](const Message& m, MessageId v) { return m.id < v; });
    return found != chat.messages.end() && found->id == id;
}

template <typename Receipt>
Decision decide_receipt(Context& ctx, ChatId id, MessageId up_to) {
    const Chat* chat = ctx.state().find_chat(id);
    if (!chat)
        return refuse(codes::kUnknownChat, chat_label(id) + " does not exist.");
    auto side = side_of(ctx.state(), ctx.actor(), *chat);
    if (!side)
        return refuse(codes::kNotAuthorized, "You cannot see " + chat_label(id) + ".");
    if (up_to == 0)
        return refuse(codes::kMissingArgument, "Say which message was reached.");
    if (!has_message(*chat, up_to)) {
        return refuse(codes::kUnknownMessage,
                      "Message " + std::to_string(up_to) + " is not in " + chat_label(id) + ".");
    }
    ctx.emit(Receipt{id, *side, up_to});
    return ctx.finish();
}

}  // namespace

Decision decide_command(Context& ctx, const StartChat& cmd) {
    const Actor& actor = ctx.actor();
    if (actor.kind == ActorKind::agent) {
        return refuse(codes::kNotAuthorized, "Chats are started by customers and integrations.");
    }
    if (!cmd.chat || cmd.chat->empty())
        return refuse(codes::kMissingArgument, "Give the new chat an id.");
    if (!is_valid_chat_id(*cmd.chat)) {
        return refuse(codes::kInvalidArgument, "A chat id is 1 to 64 letters, digits, '_' or '-'.");
    }
    if (ctx.state().find_chat(*cmd.chat))
        return refuse(codes::kChatExists, chat_label(*cmd.chat) + " already exists.");
    if (cmd.customer.id.empty())
        return refuse(codes::kMissingArgument, "Name the customer.");
    if (actor.kind == ActorKind::customer && actor.id != cmd.customer.id) {
        return refuse(codes::kNotAuthorized, "A customer can start chats only for themself.");
    }
    const QueueId queue_id = cmd.queue.value_or(kGeneralQueueId);
    const Queue* queue = ctx.state().find_queue(queue_id);
    if (!queue) {
        return refuse(codes::kUnknownQueue,
                      "Queue " + std::to_string(queue_id) + " does not exist.");
    }
    if (!queue->enabled) {
        return refuse(codes::kQueueDisabled, "Queue " + queue->config.name + " is disabled.");
    }
    if (!cmd.text.empty()) {
        if (auto refused = check_message(ctx.state().settings, cmd.text, {}))
            return *refused;
    }
    const ChatId& chat = *cmd.chat;
    ctx.emit(ChatStarted{chat, cmd.customer, cmd.channel, queue_id, cmd.bot_context});
    if (!cmd.text.empty()) {
        ctx.emit(MessagePosted{chat,
                               ctx.take_message_id(),
                               Author{AuthorKind::customer, cmd.customer.id},
                               cmd.text,
                               {}});
    }
    Router router(ctx);
    router.enqueue(chat, queue_id, ctx.at());
    return ctx.finish();
}

namespace {

// What the customer has written in the chat so far, plus `text`, against the settings' caps.
std::optional<Decision> check_customer_allowance(const Settings& settings, const Chat& chat,
                                                 const std::string& text) {
    std::uint64_t messages = 1;
    std::uint64_t bytes = text.size();
    for (const Message& message : chat.messages) {
        if (message.author.kind == AuthorKind::customer) {
            ++messages;
            bytes += message.text.size();
        }
    }
    if (messages > customer_messages_per_chat(settings) ||
        bytes > customer_bytes_per_chat(settings)) {
        return refuse(codes::kChatWritingLimit,
                      "This chat has reached the most a customer may write in one chat; "
                      "start a new chat or wait for the agent.");
    }
    return std::nullopt;
}

}  // namespace

Decision decide_command(Context& ctx, const PostCustomerMessage& cmd) {
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    if (!speaks_for_customer(ctx.actor(), *chat)) {
        return refuse(codes::kNotAuthorized, "Only the chat's customer writes as the customer.");
    }
    if (chat->customer_cancelled) {
        return refuse(codes::kAlreadyCancelled, "You cancelled " + chat_label(cmd.chat) + ".");
    }
    if (auto refused = check_message(ctx.state().settings, cmd.text, cmd.attachments)) {
        return *refused;
    }
    if (auto refused = check_customer_allowance(ctx.state().settings, *chat, cmd.text))
        return *refused;
    ctx.emit(MessagePosted{cmd.chat, ctx.take_message_id(),
                           Author{AuthorKind::customer, chat->customer}, cmd.text,
                           cmd.attachments});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const PostAgentMessage& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_staff_on_open_chat(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (!writes_as_staff(*agent, *chat)) {
        if (auto refused = check_assignee(ctx.state(), *agent, *chat))
            return *refused;
    }
    if (auto refused = check_message(ctx.state().settings, cmd.text, cmd.attachments)) {
        return *refused;
    }
    ctx.emit(MessagePosted{cmd.chat, ctx.take_message_id(), Author{AuthorKind::agent, agent->id},
                           cmd.text, cmd.attachments});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const PostSystemMessage& cmd) {
    const ActorKind kind = ctx.actor().kind;
    if (kind != ActorKind::system && kind != ActorKind::integration) {
        return refuse(codes::kNotAuthorized, "Only the system or a bot posts notices.");
    }
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    if (auto refused = check_message(ctx.state().settings, cmd.text, {}))
        return *refused;
    const Author author = kind == ActorKind::system ? Author{AuthorKind::system, {}}
                                                    : Author{AuthorKind::bot, ctx.actor().id};
    ctx.emit(MessagePosted{cmd.chat, ctx.take_message_id(), author, cmd.text, {}});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetTyping& cmd) {
    const Chat* chat = nullptr;
    if (auto refused = check_open_chat(ctx.state(), cmd.chat, chat))
        return *refused;
    std::optional<Side> side;
    if (speaks_for_customer(ctx.actor(), *chat)) {
        side = Side::customer;
    } else if (const Agent* agent = staff_of(ctx.state(), ctx.actor());
               agent && writes_as_staff(*agent, *chat)) {
        side = Side::staff;
    }
    if (!side) {
        return refuse(codes::kNotAuthorized, "Only the customer or the agent holding " +
                                                 chat_label(cmd.chat) + " types in it.");
    }
    ctx.emit(TypingChanged{cmd.chat, *side, cmd.typing});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const MarkDelivered& cmd) {
    return decide_receipt<MessagesDelivered>(ctx, cmd.chat, cmd.up_to);
}

Decision decide_command(Context& ctx, const MarkRead& cmd) {
    return decide_receipt<MessagesRead>(ctx, cmd.chat, cmd.up_to);
}

Decision decide_command(Context& ctx, const AddNote& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_staff_seeing_chat(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    if (auto refused = check_not_archived(*chat))
        return *refused;
    if (cmd.text.empty())
        return refuse(codes::kEmptyMessage, "A note needs text.");
    if (cmd.text.size() > ctx.state().settings.max_message_length) {
        return refuse(codes::kMessageTooLong, "The note is too long.");
    }
    ctx.emit(NoteAdded{cmd.chat, ctx.take_note_id(), agent->id, cmd.text});
    return ctx.finish();
}

Decision decide_command(Context& ctx, const SetChatTags& cmd) {
    const Agent* agent = nullptr;
    const Chat* chat = nullptr;
    if (auto refused = check_staff_seeing_chat(ctx.state(), ctx.actor(), cmd.chat, agent, chat))
        return *refused;
    for (const std::string& tag : cmd.tags) {
        if (tag.empty())
            return refuse(codes::kInvalidArgument, "Tags cannot be empty.");
    }
    ctx.emit(ChatTagsChanged{cmd.chat, cmd.tags});
    return ctx.finish();
}

}  // namespace parley::core
