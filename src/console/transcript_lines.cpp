#include "console/transcript_lines.h"

#include "console/chat_text.h"

#include <algorithm>

namespace parley::console {

namespace {

LineKind kind_of(core::AuthorKind author) {
    switch (author) {
    case core::AuthorKind::customer:
        return LineKind::customer;
    case core::AuthorKind::agent:
        return LineKind::agent;
    case core::AuthorKind::bot:
        return LineKind::bot;
    case core::AuthorKind::system:
        return LineKind::system;
    }
    return LineKind::system;
}

// Hand-overs as system lines, each after the messages the chat had when it happened (the
// customer's "You are being transferred" notice comes before the move it announces) and before
// the notes written after it.
std::vector<TranscriptLine> with_activity(std::vector<TranscriptLine> lines, const core::Chat& chat,
                                          const std::vector<std::string>& texts) {
    if (texts.empty()) {
        return lines;
    }
    const std::size_t count = std::min(texts.size(), chat.activity.size());
    std::vector<TranscriptLine> merged;
    merged.reserve(lines.size() + count);
    std::size_t next = 0;
    std::uint64_t messages = 0;
    const auto flush = [&](const TranscriptLine* before) {
        while (next < count && chat.activity[next].messages_before <= messages &&
               (before == nullptr || before->kind != LineKind::note ||
                chat.activity[next].at <= before->at)) {
            TranscriptLine line;
            line.kind = LineKind::system;
            line.author = "Parley";
            line.at = chat.activity[next].at;
            line.text = texts[next];
            merged.push_back(line);
            ++next;
        }
    };
    for (const TranscriptLine& line : lines) {
        flush(&line);
        merged.push_back(line);
        if (line.kind != LineKind::note) {
            ++messages;
        }
    }
    flush(nullptr);
    return merged;
}

// Messages and internal notes in time order (a message before a note of the same moment).
std::vector<TranscriptLine> messages_and_notes(const core::State& state, const core::Chat& chat) {
    std::vector<TranscriptLine> lines;
    lines.reserve(chat.messages.size() + chat.notes.size());
    const std::string_view customer = customer_name(state, chat);
    auto message = chat.messages.begin();
    auto note = chat.notes.begin();
    while (message != chat.messages.end() || note != chat.notes.end()) {
        const bool take_message =
            note == chat.notes.end() || (message != chat.messages.end() && message->at <= note->at);
        TranscriptLine line;
        if (take_message) {
            line.kind = kind_of(message->author.kind);
            line.at = message->at;
            line.text = message->text;
            line.attachments = &message->attachments;
            switch (line.kind) {
            case LineKind::customer:
                line.author = customer;
                break;
            case LineKind::agent:
                line.author = agent_name(state, message->author.id);
                line.state = message->state;
                break;
            case LineKind::bot:
                line.author = "Bot";
                break;
            default:
                line.author = "Parley";
                break;
            }
            ++message;
        } else {
            line.kind = LineKind::note;
            line.at = note->at;
            line.text = note->text;
            line.author = agent_name(state, note->author);
            ++note;
        }
        lines.push_back(line);
    }
    return lines;
}
}  // namespace

std::vector<TranscriptLine> transcript_lines(const core::State& state, const core::Chat& chat,
                                             const std::vector<std::string>& activity_texts) {
    return with_activity(messages_and_notes(state, chat), chat, activity_texts);
}

}  // namespace parley::console
