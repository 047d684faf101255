// Chat JSON, list summaries and transcripts for the REST API.
#include "server/rest/chat_views.h"

#include "core/names.h"
#include "core/transcript.h"
#include "core/visibility.h"
#include "protocol/session.h"

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

nlohmann::json optional_json(const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json last_message(const core::State& state, const core::Chat& chat) {
    if (chat.messages.empty()) {
        return nullptr;
    }
    const core::Message& last = chat.messages.back();
    std::string text = last.text;
    if (text.empty() && !last.attachments.empty()) {
        text = "[" + last.attachments.front().name + "]";
    }
    return {{"text", preview(text, 120)},
            {"at", last.at},
            {"author", core::to_string(last.author.kind)},
            {"author_name", core::speaker_name(state, chat, last.author)}};
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

nlohmann::json chat_json(const core::State& state, const core::Actor& actor,
                         const core::Chat& chat) {
    return nlohmann::json::parse(protocol::encode_chat(core::chat_for(state, actor, chat)));
}

nlohmann::json messages_json(const core::Chat& chat, core::MessageId after) {
    core::Chat only_messages;
    only_messages.id = chat.id;
    for (const core::Message& message : chat.messages) {
        if (message.id > after) {
            only_messages.messages.push_back(message);
        }
    }
    return nlohmann::json::parse(protocol::encode_chat(only_messages))["messages"];
}

nlohmann::json chat_summary(const core::State& state, const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    const std::optional<core::AgentId> holder = chat.assignee ? chat.assignee : chat.last_assignee;
    return {{"id", chat.id},
            {"status", core::to_string(chat.status)},
            {"channel", core::to_string(chat.channel)},
            {"queue", chat.queue},
            {"queue_name", queue ? queue->config.name : ""},
            {"customer", chat.customer},
            {"customer_name", customer_name(state, chat.customer)},
            {"assignee", optional_json(chat.assignee)},
            {"operator_name", holder ? nlohmann::json(agent_name(state, *holder)) : nullptr},
            {"created_at", chat.created_at},
            {"closed_at", optional_json(chat.closed_at)},
            {"last_message", last_message(state, chat)},
            {"message_count", chat.messages.size()}};
}

nlohmann::json transcript_json(const core::State& state, const core::Actor& actor,
                               const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    nlohmann::json names = nlohmann::json::object();
    const core::Chat seen = core::chat_for(state, actor, chat);
    for (const core::TranscriptEntry& entry : core::transcript_entries(state, seen, true)) {
        if (entry.note != nullptr) {
            names[entry.note->author] = entry.speaker;
        } else if (!entry.message->author.id.empty()) {
            names[entry.message->author.id] = entry.speaker;
        }
    }
    return {{"chat", nlohmann::json::parse(protocol::encode_chat(seen))},
            {"customer_name", customer_name(state, chat.customer)},
            {"queue_name", queue ? queue->config.name : ""},
            {"author_names", names}};
}

}  // namespace parley::server::rest
