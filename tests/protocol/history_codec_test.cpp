// A chat's history on the wire: stored event texts embedded as they are, in order, with sorted
// keys; decoded back into events by the event codec; malformed answers are errors that say
// where, never exceptions.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/events.h"
#include "protocol/codec.h"
#include "protocol/history_codec.h"

namespace parley::protocol {
namespace {

using core::Actor;
using core::EventEnvelope;

const core::ChatId kChat = "cht_5f0c2a9d41e84b7f9a3c6e1d2b7f8a90";

std::vector<EventEnvelope> two_events() {
    core::ChatStarted started;
    started.chat = kChat;
    started.customer = core::Customer{"cus_1", "Ann Lee", "ann@example.com", ""};
    return {{"c-1", Actor::customer("cus_1"), 1'700'000'000'000, started},
            {"c-2", Actor::agent("maria"), 1'700'000'001'000,
             core::ChatAssigned{kChat, "maria", core::AssignReason::accepted}}};
}

std::string encoded(const std::vector<EventEnvelope>& events) {
    std::vector<std::string> texts;
    for (const EventEnvelope& event : events) {
        texts.push_back(encode_event(event));
    }
    return encode_chat_history(kChat, {{41, texts[0]}, {44, texts[1]}});
}

TEST(HistoryCodec, EmbedsTheStoredEventsInOrderWithSortedKeys) {
    const std::vector<EventEnvelope> events = two_events();
    const std::string text = encoded(events);
    EXPECT_EQ(text, R"({"chat":")" + kChat + R"(","events":[{"event":)" + encode_event(events[0]) +
                        R"(,"seq":41},{"event":)" + encode_event(events[1]) + R"(,"seq":44}]})");
    EXPECT_EQ(encode_chat_history(kChat, {}), R"({"chat":")" + kChat + R"(","events":[]})");
}

TEST(HistoryCodec, RoundTrips) {
    const std::vector<EventEnvelope> events = two_events();
    const auto decoded = decode_chat_history(encoded(events));
    ASSERT_TRUE(decoded) << decoded.error().message;
    EXPECT_EQ(decoded.value().chat, kChat);
    ASSERT_EQ(decoded.value().events.size(), 2u);
    EXPECT_EQ(decoded.value().events[0].seq, 41u);
    EXPECT_EQ(decoded.value().events[0].event, events[0]);
    EXPECT_EQ(decoded.value().events[1].seq, 44u);
    EXPECT_EQ(decoded.value().events[1].event, events[1]);
}

TEST(HistoryCodec, MalformedAnswersSayWhatIsWrong) {
    const auto fails = [](const std::string& text, ProtocolErrorCode code,
                          const std::string& says) {
        const auto decoded = decode_chat_history(text);
        ASSERT_FALSE(decoded) << text;
        EXPECT_EQ(decoded.error().code, code) << text;
        EXPECT_NE(decoded.error().message.find(says), std::string::npos) << decoded.error().message;
    };
    fails("not json", ProtocolErrorCode::malformed_json, "");
    fails(R"({"events":[]})", ProtocolErrorCode::missing_field, "chat");
    fails(R"({"chat":7,"events":[]})", ProtocolErrorCode::wrong_type, "history.chat");
    fails(R"({"chat":"c","events":{}})", ProtocolErrorCode::missing_field, "events");
    fails(R"({"chat":"c","events":[3]})", ProtocolErrorCode::wrong_type, "history.events[0]");
    fails(R"({"chat":"c","events":[{"event":{"type":"chat_archived","chat":"c"}}]})",
          ProtocolErrorCode::missing_field, "seq");
    fails(R"({"chat":"c","events":[{"seq":1}]})", ProtocolErrorCode::missing_field, "event");
    fails(R"({"chat":"c","events":[{"seq":1,"event":{"type":"no_such_event"}}]})",
          ProtocolErrorCode::unknown_type, "history.events[0]");
}

}  // namespace
}  // namespace parley::protocol
