// Chat JSON, list summaries and transcripts for the REST API.
#include "server/rest/chat_views.h"

#include "core/names.h"
#include "core/queries.h"
#include "core/transcript.h"
#include "core/visibility.h"

namespace parley::server::rest {
namespace {

std::string customer_name(const core::State& state, const core::CustomerId& id) {
    const auto found = state.customers.find(id);
    return found != state.customers.end() ? found->second.name : id;
}

std::string agent_name(const core::State& state, const core::AgentId& id) {
    const core::Agent* agent = state.find_agent(id);
    return agent ? agent->profile.name : id;
}

std::optional<protocol::rest::LastMessage> last_message(const core::State& state,
                                                        const core::Chat& chat) {
    if (chat.messages.empty()) {
        return std::nullopt;
    }
    const core::Message& last = chat.messages.back();
    std::string text = last.text;
    if (text.empty() && !last.attachments.empty()) {
        text = "[" + last.attachments.front().name + "]";
    }
    return protocol::rest::LastMessage{preview(text, 120), last.at, last.author.kind,
                                       std::string(core::speaker_name(state, chat, last.author))};
}

}  // namespace

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

protocol::rest::ChatAnswer chat_answer(const core::State& state, const core::Actor& actor,
                                       const core::Chat& chat) {
    protocol::rest::ChatAnswer answer;
    static_cast<core::Chat&>(answer) = core::chat_for(state, actor, chat);
    // While the chat waits: what the customer's widget shows before an agent joins.
    answer.queue_position = core::queue_position(state, chat.id);
    return answer;
}

protocol::rest::MessagesAnswer messages_after(const core::State& state, const core::Actor& actor,
                                              const core::Chat& chat, core::MessageId after) {
    core::Chat seen = core::chat_for(state, actor, chat);
    protocol::rest::MessagesAnswer answer{{}, seen.status};
    for (core::Message& message : seen.messages) {
        if (message.id > after) {
            answer.messages.push_back(std::move(message));
        }
    }
    return answer;
}

protocol::rest::ChatRow chat_row(const core::State& state, const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    const std::optional<core::AgentId> holder = chat.assignee ? chat.assignee : chat.last_assignee;
    protocol::rest::ChatRow row;
    row.id = chat.id;
    row.status = chat.status;
    row.channel = chat.channel;
    row.queue = chat.queue;
    row.queue_name = queue ? queue->config.name : "";
    row.customer = chat.customer;
    row.customer_name = customer_name(state, chat.customer);
    row.assignee = chat.assignee;
    if (holder) {
        row.operator_name = agent_name(state, *holder);
    }
    row.created_at = chat.created_at;
    row.closed_at = chat.closed_at;
    row.last_message = last_message(state, chat);
    row.message_count = chat.messages.size();
    return row;
}

protocol::rest::TranscriptAnswer transcript_answer(const core::State& state,
                                                   const core::Actor& actor,
                                                   const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    protocol::rest::TranscriptAnswer answer;
    answer.chat = core::chat_for(state, actor, chat);
    for (const core::TranscriptEntry& entry : core::transcript_entries(state, answer.chat, true)) {
        if (entry.note != nullptr) {
            answer.author_names[entry.note->author] = entry.speaker;
        } else if (!entry.message->author.id.empty()) {
            answer.author_names[entry.message->author.id] = entry.speaker;
        }
    }
    answer.customer_name = customer_name(state, chat.customer);
    answer.queue_name = queue ? queue->config.name : "";
    return answer;
}

}  // namespace parley::server::rest
