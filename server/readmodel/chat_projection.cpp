// Chat projections: list columns and search text from the State.
#include "server/readmodel/chat_projection.h"

#include <algorithm>

#include "core/calendar.h"
#include "core/knowledge.h"
#include "core/transcript.h"
#include "core/visibility.h"

namespace parley::server::readmodel {

std::string preview(const std::string& text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool starts_char = (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (starts_char && ++chars == max_chars) {
            // Room for the ellipsis only if something follows this character.
            std::size_t next = i + 1;
            while (next < text.size() && (static_cast<unsigned char>(text[next]) & 0xC0) == 0x80) {
                ++next;
            }
            return next == text.size() ? text : text.substr(0, i) + "…";
        }
    }
    return text;
}

std::string customer_name(const core::State& state, const core::CustomerId& customer) {
    const auto found = state.customers.find(customer);
    return found != state.customers.end() ? found->second.name : customer;
}

ChatProjection project_chat(const core::State& state, const core::Chat& chat) {
    ChatProjection row;
    row.chat = chat.id;
    row.status = chat.status;
    row.channel = chat.channel;
    row.queue = chat.queue;
    row.customer = chat.customer;
    row.customer_name = customer_name(state, chat.customer);
    row.assignee = chat.assignee;
    row.last_assignee = chat.last_assignee;
    row.sight = " ";
    core::each_agent_in_sight(chat, [&](const core::AgentId& agent) {
        if (row.sight.find(" " + agent + " ") == std::string::npos) {
            row.sight += agent + " ";
        }
    });
    row.created_at = chat.created_at;
    row.closed_at = chat.closed_at;
    if (!chat.messages.empty()) {
        const core::Message& last = chat.messages.back();
        row.last_at = last.at;
        row.last_text = last.text.empty() && !last.attachments.empty()
                            ? "[" + last.attachments.front().name + "]"
                            : preview(last.text, 120);
        row.last_author_kind = last.author.kind;
        row.last_author_name = std::string(core::speaker_name(state, chat, last.author));
    }
    row.message_count = chat.messages.size();
    row.day = core::day_of(chat.created_at);
    row.metrics = core::chat_metrics(chat);
    return row;
}

protocol::rest::ChatRow list_row(const ChatProjection& chat, const core::State& directory) {
    protocol::rest::ChatRow row;
    row.id = chat.chat;
    row.status = chat.status;
    row.channel = chat.channel;
    row.queue = chat.queue;
    const core::Queue* queue = directory.find_queue(chat.queue);
    row.queue_name = queue ? queue->config.name : "";
    row.customer = chat.customer;
    row.customer_name = chat.customer_name;
    row.assignee = chat.assignee;
    if (const auto holder = chat.assignee ? chat.assignee : chat.last_assignee) {
        const core::Agent* agent = directory.find_agent(*holder);
        row.operator_name = agent ? agent->profile.name : *holder;
    }
    row.created_at = chat.created_at;
    row.closed_at = chat.closed_at;
    if (chat.last_at) {
        row.last_message = protocol::rest::LastMessage{
            chat.last_text, *chat.last_at, chat.last_author_kind, chat.last_author_name};
    }
    row.message_count = chat.message_count;
    return row;
}

std::string customer_search_text(const core::State& state, const core::Chat& chat) {
    std::string text = chat.customer;
    const auto customer = state.customers.find(chat.customer);
    if (customer != state.customers.end()) {
        text = customer->second.name + " " + customer->second.contact + " " + text;
    }
    return core::fold_for_search(text);
}

std::optional<MessageText> message_text(const core::Chat& chat, core::MessageId message) {
    // Message ids only grow, so a chat's messages are in id order.
    const auto found =
        std::lower_bound(chat.messages.begin(), chat.messages.end(), message,
                         [](const core::Message& m, core::MessageId id) { return m.id < id; });
    if (found == chat.messages.end() || found->id != message ||
        found->author.kind == core::AuthorKind::system || found->text.empty()) {
        return std::nullopt;
    }
    return MessageText{static_cast<std::uint64_t>(found - chat.messages.begin()),
                       core::fold_for_search(found->text)};
}

}  // namespace parley::server::readmodel
