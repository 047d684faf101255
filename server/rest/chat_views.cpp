// Chat JSON, list summaries and transcripts for the REST API.
#include "server/rest/chat_views.h"

#include <chrono>
#include <cstdio>

#include "core/names.h"
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

std::string author_name(const core::State& state, const core::Author& author) {
    switch (author.kind) {
    case core::AuthorKind::customer:
        return customer_name(state, author.id);
    case core::AuthorKind::agent:
        return agent_name(state, author.id);
    case core::AuthorKind::bot:
        return "Bot";
    case core::AuthorKind::system:
        break;
    }
    return "Parley";
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
            {"author_name", author_name(state, last.author)}};
}

// Continuation lines are indented so a message can never pass for a line of its own.
void append_entry(std::string& out, core::Timestamp at, const std::string& who,
                  const std::string& text) {
    out += "[" + iso_time(at) + "] " + who + ": ";
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += "    ";
        }
    }
    out += '\n';
}

void append_message(std::string& out, const core::State& state, const core::Message& message) {
    append_entry(out, message.at, author_name(state, message.author), message.text);
    for (const core::Attachment& file : message.attachments) {
        out += "    attachment: " + file.name + " (" + file.content_type + ", " +
               std::to_string(file.size_bytes) + " bytes)\n";
    }
}

void append_resolution(std::string& out, const core::State& state, const core::Chat& chat) {
    if (!chat.resolution) {
        return;
    }
    const core::Resolution& resolution = *chat.resolution;
    out += "Resolution: " + std::string(core::to_string(resolution.outcome));
    if (!resolution.category.empty()) {
        out += " (" + resolution.category + ")";
    }
    if (!resolution.closed_by.empty()) {
        const bool by_staff = state.find_agent(resolution.closed_by) != nullptr;
        out += ", by " + (by_staff ? agent_name(state, resolution.closed_by)
                                   : customer_name(state, resolution.closed_by));
    }
    out += '\n';
    if (!resolution.notes.empty()) {
        append_entry(out, chat.closed_at.value_or(0), "Resolution notes", resolution.notes);
    }
}

}  // namespace

std::string iso_time(core::Timestamp at) {
    using namespace std::chrono;
    const sys_time<milliseconds> time{milliseconds(at)};
    const auto day = floor<days>(time);
    const year_month_day date{day};
    const hh_mm_ss clock{floor<seconds>(time - day)};
    char text[32];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02dZ",
                  static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()), static_cast<int>(clock.hours().count()),
                  static_cast<int>(clock.minutes().count()),
                  static_cast<int>(clock.seconds().count()));
    return text;
}

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

std::string transcript_text(const core::State& state, const core::Chat& seen, bool staff) {
    const core::Queue* queue = state.find_queue(seen.queue);
    const auto customer = state.customers.find(seen.customer);
    std::string out = "Chat " + seen.id + " transcript\n";
    if (customer != state.customers.end()) {
        out += "Customer: " + customer->second.name;
        if (!customer->second.contact.empty()) {
            out += " <" + customer->second.contact + ">";
        }
        out += '\n';
    }
    out += "Queue: " + (queue ? queue->config.name : std::to_string(seen.queue)) + "\n";
    out += "Started: " + iso_time(seen.created_at) + "\n\n";
    std::size_t note = 0;
    for (const core::Message& message : seen.messages) {
        for (; staff && note < seen.notes.size() && seen.notes[note].at < message.at; ++note) {
            append_entry(out, seen.notes[note].at,
                         "Internal note by " + agent_name(state, seen.notes[note].author),
                         seen.notes[note].text);
        }
        append_message(out, state, message);
    }
    for (; staff && note < seen.notes.size(); ++note) {
        append_entry(out, seen.notes[note].at,
                     "Internal note by " + agent_name(state, seen.notes[note].author),
                     seen.notes[note].text);
    }
    if (seen.closed_at) {
        out += "\nClosed: " + iso_time(*seen.closed_at) + "\n";
        if (staff) {
            append_resolution(out, state, seen);
        }
    }
    return out;
}

nlohmann::json transcript_json(const core::State& state, const core::Actor& actor,
                               const core::Chat& chat) {
    const core::Queue* queue = state.find_queue(chat.queue);
    nlohmann::json names = nlohmann::json::object();
    const core::Chat seen = core::chat_for(state, actor, chat);
    for (const core::Message& message : seen.messages) {
        if (!message.author.id.empty()) {
            names[message.author.id] = author_name(state, message.author);
        }
    }
    for (const core::Note& note : seen.notes) {
        names[note.author] = agent_name(state, note.author);
    }
    return {{"chat", nlohmann::json::parse(protocol::encode_chat(seen))},
            {"customer_name", customer_name(state, chat.customer)},
            {"queue_name", queue ? queue->config.name : ""},
            {"author_names", names}};
}

}  // namespace parley::server::rest
