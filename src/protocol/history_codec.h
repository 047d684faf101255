// A chat's audit trail on the wire, as GET /api/chats/{chat}/history answers it:
// {"chat":"cht_…","events":[{"event":{…an event…},"seq":N},…]}, the chat's events in the order
// they happened, each with its global sequence number. The server embeds the events as they
// were stored; the console decodes them with the event codec, so both read one format.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/events.h"
#include "core/ids.h"
#include "protocol/result.h"

namespace parley::protocol {

struct HistoryEntry {
    std::uint64_t seq = 0;
    core::EventEnvelope event;
};

struct ChatHistory {
    core::ChatId chat;
    std::vector<HistoryEntry> events;
};

// An event already encoded (a stored payload), embedded as it is.
struct EncodedHistoryEntry {
    std::uint64_t seq = 0;
    std::string_view event_json;
};

std::string encode_chat_history(const core::ChatId& chat,
                                const std::vector<EncodedHistoryEntry>& events);
Result<ChatHistory> decode_chat_history(std::string_view text);

}  // namespace parley::protocol
