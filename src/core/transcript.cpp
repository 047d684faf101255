#include "core/transcript.h"

#include "core/calendar.h"
#include "core/names.h"

namespace parley::core {
namespace {

std::string_view agent_speaker(const State& state, const AgentId& id) {
    const Agent* agent = state.find_agent(id);
    return agent != nullptr && !agent->profile.name.empty() ? std::string_view(agent->profile.name)
                                                            : std::string_view(id);
}

std::string_view customer_speaker(const State& state, const CustomerId& id) {
    const auto found = state.customers.find(id);
    return found != state.customers.end() && !found->second.name.empty()
               ? std::string_view(found->second.name)
               : kNamelessCustomer;
}

void append_entry(std::string& out, Timestamp at, std::string_view who, const std::string& text) {
    out += "[" + iso_time(at) + "] ";
    out += who;
    out += ": ";
    for (const char c : text) {
        out += c;
        if (c == '\n') {
            out += "    ";
        }
    }
    out += '\n';
}

void append_resolution(std::string& out, const State& state, const Chat& chat) {
    const Resolution& resolution = *chat.resolution;
    out += "Resolution: " + std::string(to_string(resolution.outcome));
    if (!resolution.category.empty()) {
        out += " (" + resolution.category + ")";
    }
    if (!resolution.closed_by.empty()) {
        const bool by_staff = state.find_agent(resolution.closed_by) != nullptr;
        out += ", by ";
        out += by_staff ? agent_speaker(state, resolution.closed_by)
                        : customer_speaker(state, resolution.closed_by);
    }
    out += '\n';
    if (!resolution.notes.empty()) {
        append_entry(out, chat.closed_at.value_or(0), "Resolution notes", resolution.notes);
    }
}

}  // namespace

std::string_view speaker_name(const State& state, const Chat& chat, const Author& author) {
    switch (author.kind) {
    case AuthorKind::customer:
        return customer_speaker(state, chat.customer);
    case AuthorKind::agent:
        return agent_speaker(state, author.id);
    case AuthorKind::bot:
        return kBotSpeaker;
    case AuthorKind::system:
        break;
    }
    return kSystemSpeaker;
}

std::vector<TranscriptEntry> transcript_entries(const State& state, const Chat& chat,
                                                bool with_notes) {
    std::vector<TranscriptEntry> entries;
    entries.reserve(chat.messages.size() + (with_notes ? chat.notes.size() : 0));
    auto message = chat.messages.begin();
    auto note = with_notes ? chat.notes.begin() : chat.notes.end();
    while (message != chat.messages.end() || note != chat.notes.end()) {
        const bool take_message =
            note == chat.notes.end() || (message != chat.messages.end() && message->at <= note->at);
        if (take_message) {
            entries.push_back(
                {&*message, nullptr, speaker_name(state, chat, message->author), message->at});
            ++message;
        } else {
            entries.push_back({nullptr, &*note, agent_speaker(state, note->author), note->at});
            ++note;
        }
    }
    return entries;
}

std::string transcript_text(const State& state, const Chat& chat, bool staff) {
    const Queue* queue = state.find_queue(chat.queue);
    const auto customer = state.customers.find(chat.customer);
    std::string out = "Chat " + chat.id + " transcript\n";
    if (customer != state.customers.end()) {
        out += "Customer: ";
        out += customer_speaker(state, chat.customer);
        if (!customer->second.contact.empty()) {
            out += " <" + customer->second.contact + ">";
        }
        out += '\n';
    }
    out += "Queue: " + (queue ? queue->config.name : std::to_string(chat.queue)) + "\n";
    out += "Started: " + iso_time(chat.created_at) + "\n\n";
    for (const TranscriptEntry& entry : transcript_entries(state, chat, staff)) {
        if (entry.note != nullptr) {
            append_entry(out, entry.at, "Internal note by " + std::string(entry.speaker),
                         entry.note->text);
            continue;
        }
        append_entry(out, entry.at, entry.speaker, entry.message->text);
        for (const Attachment& file : entry.message->attachments) {
            out += "    attachment: " + file.name + " (" + file.content_type + ", " +
                   std::to_string(file.size_bytes) + " bytes)\n";
        }
    }
    if (chat.closed_at) {
        out += "\nClosed: " + iso_time(*chat.closed_at) + "\n";
        if (staff && chat.resolution) {
            append_resolution(out, state, chat);
        }
    }
    return out;
}

}  // namespace parley::core
