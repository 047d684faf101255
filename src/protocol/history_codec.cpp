// The history answer: events embedded as stored text when encoding (no parse on the server),
// each decoded by the event codec when reading, so a bad entry is named by its position.
#include "protocol/history_codec.h"

#include "protocol/codec.h"
#include "protocol/json_fields.h"

namespace parley::protocol {
namespace {

using detail::Json;
using detail::Path;
using detail::Problem;

// The required member `name` of `object` (at `path`) into `out`.
template <class T>
Problem read_member(const Json& object, const char* name, T& out, const Path& path) {
    const auto found = object.find(name);
    if (found == object.end()) {
        return detail::error_at(ProtocolErrorCode::missing_field, path,
                                "has no " + std::string(name));
    }
    return detail::read(*found, out, path.member(name));
}

Result<HistoryEntry> read_entry(const Json& entry, const Path& path) {
    if (!entry.is_object()) {
        return detail::error_at(ProtocolErrorCode::wrong_type, path, "must be an object");
    }
    HistoryEntry read{};
    if (Problem problem = read_member(entry, "seq", read.seq, path)) {
        return *problem;
    }
    const auto event = entry.find("event");
    if (event == entry.end() || !event->is_object()) {
        return detail::error_at(ProtocolErrorCode::missing_field, path, "has no event object");
    }
    Result<core::EventEnvelope> decoded = decode_event(detail::dump(*event));
    if (!decoded) {
        return ProtocolError{decoded.error().code, path.render() + ": " + decoded.error().message};
    }
    read.event = std::move(decoded).value();
    return read;
}

}  // namespace

std::string encode_chat_history(const core::ChatId& chat,
                                const std::vector<EncodedHistoryEntry>& events) {
    std::string text = R"({"chat":)" + detail::dump(Json(chat)) + R"(,"events":[)";
    for (std::size_t i = 0; i < events.size(); ++i) {
        text += i == 0 ? R"({"event":)" : R"(,{"event":)";
        text += events[i].event_json;
        text += R"(,"seq":)" + std::to_string(events[i].seq) + "}";
    }
    return text + "]}";
}

Result<ChatHistory> decode_chat_history(std::string_view text) {
    // A long chat's history outgrows one session message; it is bounded like a snapshot.
    Result<Json> parsed = detail::parse_object(text, detail::kMaxSnapshotBytes);
    if (!parsed) {
        return parsed.error();
    }
    const Json& object = parsed.value();
    const Path root{nullptr, "history"};
    ChatHistory history;
    if (Problem problem = read_member(object, "chat", history.chat, root)) {
        return *problem;
    }
    const auto events = object.find("events");
    if (events == object.end() || !events->is_array()) {
        return detail::error_at(ProtocolErrorCode::missing_field, root, "has no events array");
    }
    const Path list = root.member("events");
    for (std::size_t i = 0; i < events->size(); ++i) {
        Result<HistoryEntry> entry = read_entry((*events)[i], list.element(i));
        if (!entry) {
            return entry.error();
        }
        history.events.push_back(std::move(entry).value());
    }
    return history;
}

}  // namespace parley::protocol
