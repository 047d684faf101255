#include "console/transcript_lines.h"

#include "core/transcript.h"

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
            line.author = core::kSystemSpeaker;
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

// Messages and internal notes in the core's order, with its speaker names.
std::vector<TranscriptLine> messages_and_notes(const core::State& state, const core::Chat& chat) {
    std::vector<TranscriptLine> lines;
    const std::vector<core::TranscriptEntry> entries = core::transcript_entries(state, chat, true);
    lines.reserve(entries.size());
    for (const core::TranscriptEntry& entry : entries) {
        TranscriptLine line;
        line.author = entry.speaker;
        line.at = entry.at;
        if (entry.note != nullptr) {
            line.kind = LineKind::note;
            line.text = entry.note->text;
        } else {
            line.kind = kind_of(entry.message->author.kind);
            line.text = entry.message->text;
            line.attachments = &entry.message->attachments;
            if (line.kind == LineKind::agent) {
                line.state = entry.message->state;
            }
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
