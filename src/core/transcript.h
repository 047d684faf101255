// A chat's transcript as every rendering shows it: the lines in one order and each line's
// speaker in one set of names. The console draws these entries, the REST export and the
// widget's download print them (transcript_text), and the transcript email lays them out for
// the customer (email.cpp). Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/state.h"

namespace parley::core {

// The speaker of a bot's lines, of the system's (routing, timers, notices) and of a customer
// who gave no name.
inline constexpr std::string_view kBotSpeaker = "Bot";
inline constexpr std::string_view kSystemSpeaker = "Parley";
inline constexpr std::string_view kNamelessCustomer = "Customer";

// The customer's name, the agent's display name (their id once they are gone), or one of the
// names above. Refers into `state` or `author`.
std::string_view speaker_name(const State& state, const Chat& chat, const Author& author);

// A message or, for staff, an internal note; refers into the chat and the state it came from.
struct TranscriptEntry {
    const Message* message = nullptr;
    const Note* note = nullptr;
    std::string_view speaker;
    Timestamp at = 0;
};

// Messages and, `with_notes`, internal notes in time order (a message before a note written
// at the same moment).
std::vector<TranscriptEntry> transcript_entries(const State& state, const Chat& chat,
                                                bool with_notes);

// The chat as plain text for a download: a heading, every entry with its attachments beneath
// it, and when it closed. `staff` also prints internal notes and the resolution. Continuation
// lines are indented, so a message can never pass for a line of its own.
std::string transcript_text(const State& state, const Chat& chat, bool staff);

}  // namespace parley::core
