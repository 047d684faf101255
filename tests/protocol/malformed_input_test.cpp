// Bad input never escapes as an exception and never crashes: every decoder returns a
// ProtocolError with a stable code and a sentence naming the field. Table cases first, then
// mutations of valid messages (every prefix, every byte flipped) and seeded random bytes.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "protocol/codec.h"

namespace parley::protocol {
namespace {

struct MalformedCase {
    const char* name;
    std::string input;
    ProtocolErrorCode code;
    // A piece of the message: the field it must name, or the gist of the sentence.
    std::string message_part;
};

const std::string kActor = R"("actor":{"kind":"agent","id":"maria"})";
const std::string kEnvelope = R"("command_id":"c-1",)" + kActor + R"(,"at":1700000000000)";

std::string accept_with(const std::string& extra) {
    return R"({"type":"accept_chat",)" + kEnvelope + extra + "}";
}

// Queue ids are numbers, so number checks use a queue command.
std::string enable_queue_with(const std::string& extra) {
    return R"({"type":"set_queue_enabled",)" + kEnvelope + R"(,"enabled":true)" + extra + "}";
}

std::vector<MalformedCase> command_cases() {
    using enum ProtocolErrorCode;
    return {
        {"empty", "", malformed_json, "not valid JSON"},
        {"truncated", R"({"type":"accept_chat")", malformed_json, "not valid JSON"},
        {"trailing garbage", accept_with(R"(,"chat":"cht_1")") + "x", malformed_json, "not valid"},
        {"array", "[1,2]", malformed_json, "must be a JSON object, not array"},
        {"number", "42", malformed_json, "not number"},
        {"null", "null", malformed_json, "not null"},
        {"string", R"("accept_chat")", malformed_json, "not string"},
        {"invalid utf-8", "{\"type\":\"accept_chat\xff\"}", malformed_json, "not valid JSON"},
        {"no type", "{}", missing_field, "Field 'command.type' is missing."},
        {"type not a string", R"({"type":7})", wrong_type, "'command.type' must be a string"},
        {"unknown type", R"({"type":"launch_rockets"})", unknown_type,
         "There is no command of type 'launch_rockets'."},
        {"event as command", R"({"type":"chat_assigned"})", unknown_type, "'chat_assigned'"},
        {"missing envelope id", R"({"type":"accept_chat",)" + kActor + R"(,"at":1,"chat":"cht_1"})",
         missing_field, "Field 'accept_chat.command_id' is missing."},
        {"missing actor", R"({"type":"accept_chat","command_id":"c","at":1,"chat":"cht_1"})",
         missing_field, "'accept_chat.actor'"},
        {"actor not an object",
         R"({"type":"accept_chat","command_id":"c","actor":"maria","at":1,"chat":"cht_1"})",
         wrong_type, "'accept_chat.actor' must be an object, not string"},
        {"unknown actor kind",
         R"({"type":"accept_chat","command_id":"c","actor":{"kind":"robot","id":"r"},)"
         R"("at":1,"chat":"cht_1"})",
         invalid_value,
         "'accept_chat.actor.kind' must be one of customer, agent, integration, system, not "
         "'robot'"},
        {"missing field", accept_with(""), missing_field, "Field 'accept_chat.chat' is missing."},
        {"number for chat id", accept_with(R"(,"chat":12)"), wrong_type,
         "'accept_chat.chat' must be a string, not number"},
        {"null for chat id", accept_with(R"(,"chat":null)"), wrong_type, "not null"},
        {"string for number", enable_queue_with(R"(,"queue":"12")"), wrong_type,
         "'set_queue_enabled.queue' must be an integer, not string"},
        {"fraction", enable_queue_with(R"(,"queue":1.5)"), wrong_type,
         "'set_queue_enabled.queue' must be an integer, not a fraction"},
        {"negative id", enable_queue_with(R"(,"queue":-1)"), invalid_value,
         "'set_queue_enabled.queue' is out of range"},
        {"id beyond 64 bits", enable_queue_with(R"(,"queue":18446744073709551616)"), wrong_type,
         "'set_queue_enabled.queue' must be an integer"},
        {"null for number", enable_queue_with(R"(,"queue":null)"), wrong_type, "not null"},
        {"capacity beyond int",
         R"({"type":"set_capacity",)" + kEnvelope + R"(,"agent":"m","capacity":4294967296})",
         invalid_value, "'set_capacity.capacity' is out of range"},
        {"bool as number",
         R"({"type":"set_typing",)" + kEnvelope + R"(,"chat":"cht_1","typing":1})", wrong_type,
         "'set_typing.typing' must be true or false, not number"},
        {"unknown enum name",
         R"({"type":"set_presence",)" + kEnvelope + R"(,"agent":"m","presence":"busy"})",
         invalid_value, "must be one of online, away, offline, not 'busy'"},
        {"enum in wrong case",
         R"({"type":"set_presence",)" + kEnvelope + R"(,"agent":"m","presence":"Online"})",
         invalid_value, "'set_presence.presence'"},
        {"nested element",
         R"({"type":"post_customer_message",)" + kEnvelope +
             R"(,"chat":"cht_1","text":"hi","attachments":[{"name":"a","content_type":"text/plain",)"
             R"("size_bytes":1,"ref":"r"},{"name":"b","content_type":"text/plain","ref":"r"}]})",
         missing_field, "Field 'post_customer_message.attachments[1].size_bytes' is missing."},
        {"list not an array",
         R"({"type":"set_chat_tags",)" + kEnvelope + R"(,"chat":"cht_1","tags":"vip"})", wrong_type,
         "'set_chat_tags.tags' must be an array, not string"},
        {"map value not a string",
         R"({"type":"start_chat",)" + kEnvelope +
             R"(,"customer":{"id":"k","name":"K","contact":"","company":""},"channel":"web",)"
             R"("text":"","bot_context":{"transcript":[],"intent":"","attributes":{"plan":3}}})",
         wrong_type, "'start_chat.bot_context.attributes.plan' must be a string"},
        {"too large", accept_with(R"(,"chat":"cht_1","pad":")" + std::string(2 << 20, 'x') + "\""),
         too_large, "the limit is"},
    };
}

TEST(MalformedInput, CommandCasesGiveTheirErrors) {
    for (const MalformedCase& c : command_cases()) {
        SCOPED_TRACE(c.name);
        const auto result = decode_command(c.input);
        ASSERT_FALSE(result.ok());
        EXPECT_EQ(error_code_name(result.error().code), error_code_name(c.code))
            << result.error().message;
        EXPECT_NE(result.error().message.find(c.message_part), std::string::npos)
            << result.error().message;
    }
}

TEST(MalformedInput, LongForeignTypeNamesAreCutShortInMessages) {
    const auto result = decode_command(R"({"type":")" + std::string(500, 'q') + R"("})");
    ASSERT_FALSE(result.ok());
    EXPECT_LT(result.error().message.size(), 120u);
}

TEST(MalformedInput, DeepNestingIsAnErrorNotACrash) {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    EXPECT_FALSE(decode_command(deep).ok());
    const std::string deep_field = accept_with(R"(,"chat":"cht_1","extra":)" +
                                               std::string(100000, '[') + std::string(100000, ']'));
    EXPECT_TRUE(decode_command(deep_field).ok());
    EXPECT_FALSE(decode_event(deep_field).ok());
}

// Runs every decoder on `input`; none may throw.
void decode_everything(const std::string& input) {
    EXPECT_NO_THROW({
        (void)decode_command(input);
        (void)decode_event(input);
        (void)decode_rejection(input);
        (void)decode_snapshot(input);
    }) << input;
}

std::vector<std::string> valid_messages() {
    core::StartChat start;
    start.customer = {"k", "Käthe", "k@example.com", "Acme"};
    start.queue = 2;
    start.bot_context = core::BotContext{{{"bot", "Hello", 5}}, "refund", {{"plan", "pro"}}};
    core::State state;
    state.customers["k"] = start.customer;
    return {
        encode_command({"c-1", core::Actor::customer("k"), 1, start}),
        encode_event({"c-1", core::Actor::agent("m"), 2,
                      core::ChatClosed{"cht_3", core::ResolutionOutcome::solved, "billing", "ok"}}),
        encode_rejection({"over_capacity", "Maria is at capacity."}),
        encode_snapshot(state),
    };
}

TEST(MalformedInput, EveryPrefixOfAValidMessageIsHandled) {
    for (const std::string& message : valid_messages()) {
        for (std::size_t length = 0; length < message.size(); ++length) {
            decode_everything(message.substr(0, length));
        }
    }
}

TEST(MalformedInput, EveryByteFlippedIsHandled) {
    for (const std::string& message : valid_messages()) {
        for (std::size_t at = 0; at < message.size(); ++at) {
            for (const char replacement : {'\0', '"', '{', ']', '9', '\xff', 'x'}) {
                std::string mutated = message;
                mutated[at] = replacement;
                decode_everything(mutated);
            }
        }
    }
}

TEST(MalformedInput, SeededRandomBytesAreHandled) {
    std::mt19937 random(20261121);
    const std::string alphabet = R"({}[]":,0123456789-.eEtrufalsn \abcdxyz_)";
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<std::size_t> length(0, 80);
    for (int i = 0; i < 5000; ++i) {
        std::string input;
        const std::size_t size = length(random);
        for (std::size_t j = 0; j < size; ++j) {
            input += alphabet[pick(random)];
        }
        decode_everything("{\"type\":\"start_chat\"," + input);
        decode_everything(input);
    }
}

}  // namespace
}  // namespace parley::protocol
