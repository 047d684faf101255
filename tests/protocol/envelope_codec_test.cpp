// Commands and events through the JSON codec: every alternative of both variants round-trips
// with every field set and with defaults (typed tests over the two), and the wire shape they
// promise holds (tests/parity/README.md documents it for people writing scenarios).
#include <gtest/gtest.h>

#include <string>
#include <type_traits>
#include <variant>

#include "core/commands.h"
#include "core/events.h"
#include "protocol/codec.h"
#include "protocol/command_schema.h"
#include "protocol/event_schema.h"
#include "sample_values.h"

namespace parley::protocol {
namespace {

using core::Actor;
using core::CommandEnvelope;
using core::EventEnvelope;

// [SECTION] Both families

struct Commands {
    using Payload = core::Command;
    static CommandEnvelope wrap(const Payload& payload, const Actor& actor) {
        return {"c-" + std::to_string(payload.index()), actor, 1700000000123, payload};
    }
    static std::string encode(const CommandEnvelope& envelope) { return encode_command(envelope); }
    static auto decode(std::string_view text) { return decode_command(text); }
};

struct Events {
    using Payload = core::Event;
    static EventEnvelope wrap(const Payload& payload, const Actor& actor) {
        return {"c-" + std::to_string(payload.index()), actor, 1700000000123, payload};
    }
    static std::string encode(const EventEnvelope& envelope) { return encode_event(envelope); }
    static auto decode(std::string_view text) { return decode_event(text); }
};

template <class Family>
class EnvelopeCodec : public ::testing::Test {
protected:
    template <class Envelope>
    static void expect_round_trip(const Envelope& original) {
        const std::string text = Family::encode(original);
        SCOPED_TRACE(text);
        const auto decoded = Family::decode(text);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_EQ(decoded.value(), original);
        EXPECT_EQ(Family::encode(decoded.value()), text);
    }
};

using Families = ::testing::Types<Commands, Events>;
TYPED_TEST_SUITE(EnvelopeCodec, Families);

TYPED_TEST(EnvelopeCodec, EveryAlternativeRoundTripsWithEveryFieldSet) {
    using Payload = typename TypeParam::Payload;
    std::size_t checked = 0;
    testing::for_each_alternative<Payload>([&](const Payload& payload) {
        this->expect_round_trip(TypeParam::wrap(payload, Actor::agent("maria")));
        ++checked;
    });
    EXPECT_EQ(checked, std::variant_size_v<typename Payload::Variant>);
}

TYPED_TEST(EnvelopeCodec, EveryAlternativeRoundTripsWithDefaults) {
    using Payload = typename TypeParam::Payload;
    testing::for_each_alternative<Payload>([&](const Payload& filled) {
        Payload defaults = filled;
        std::visit([](auto& payload) { payload = std::remove_cvref_t<decltype(payload)>{}; },
                   defaults);
        this->expect_round_trip(TypeParam::wrap(defaults, Actor::system()));
    });
}

TYPED_TEST(EnvelopeCodec, EncodingIsDeterministic) {
    using Payload = typename TypeParam::Payload;
    testing::for_each_alternative<Payload>([](const Payload& payload) {
        const auto envelope = TypeParam::wrap(payload, Actor::integration("bot"));
        const auto copy = envelope;
        EXPECT_EQ(TypeParam::encode(envelope), TypeParam::encode(copy));
    });
}

// [SECTION] Commands

TEST(CommandCodec, WireShapeIsFlatWithSortedKeys) {
    const CommandEnvelope accept{"c-7", Actor::agent("maria"), 1700000000000,
                                 core::AcceptChat{"cht_12"}};
    EXPECT_EQ(encode_command(accept),
              R"({"actor":{"id":"maria","kind":"agent"},"at":1700000000000,"chat":"cht_12",)"
              R"("command_id":"c-7","type":"accept_chat"})");
}

TEST(CommandCodec, EnumsUseTheCoreNames) {
    core::CreateQueue create;
    create.config.name = "Billing";
    create.config.mode = core::RoutingMode::automatic;
    const std::string queue = encode_command({"c-1", Actor::system(), 1, create});
    EXPECT_NE(queue.find(R"("mode":"auto")"), std::string::npos) << queue;

    const core::CreateTicket create_ticket{.chat = "cht_3", .summary = "Refund"};
    const std::string ticket = encode_command({"c-2", Actor::agent("maria"), 2, create_ticket});
    EXPECT_NE(ticket.find(R"("kind":"case")"), std::string::npos) << ticket;
    EXPECT_NE(ticket.find(R"("priority":"normal")"), std::string::npos) << ticket;
}

TEST(CommandCodec, EmptyOptionalsAreLeftOutAndReadBackEmpty) {
    core::StartChat start;
    start.customer = {"cust-1", "Ann", "ann@example.com", "Acme"};
    const std::string text = encode_command({"c-1", Actor::customer("cust-1"), 5, start});
    EXPECT_EQ(text.find("bot_context"), std::string::npos) << text;
    EXPECT_EQ(text.find(R"("queue")"), std::string::npos) << text;
    const auto decoded = decode_command(text);
    ASSERT_TRUE(decoded.ok());
    const auto& read = std::get<core::StartChat>(decoded.value().command);
    EXPECT_FALSE(read.queue.has_value());
    EXPECT_FALSE(read.bot_context.has_value());
}

TEST(CommandCodec, ExplicitNullReadsAsAnEmptyOptional) {
    const auto decoded = decode_command(
        R"({"type":"start_chat","command_id":"c-1","actor":{"kind":"system","id":""},"at":1,)"
        R"("customer":{"id":"k","name":"K","contact":"","company":""},"channel":"web",)"
        R"("queue":null,"text":"hi"})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_FALSE(std::get<core::StartChat>(decoded.value().command).queue.has_value());
}

TEST(CommandCodec, UnknownFieldsAreIgnored) {
    const auto decoded = decode_command(
        R"({"type":"accept_chat","command_id":"c-1","actor":{"kind":"agent","id":"m"},)"
        R"("at":1,"chat":"cht_4","added_in_a_later_version":[1,2,3]})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(std::get<core::AcceptChat>(decoded.value().command).chat, "cht_4");
}

// [SECTION] Events

TEST(EventCodec, WireShapeIsFlatWithSortedKeys) {
    const EventEnvelope assigned{
        "c-7", Actor::agent("maria"), 1700000000000,
        core::ChatAssigned{"cht_12", "maria", core::AssignReason::accepted}};
    EXPECT_EQ(encode_event(assigned),
              R"({"actor":{"id":"maria","kind":"agent"},"agent":"maria","at":1700000000000,)"
              R"("chat":"cht_12","command_id":"c-7","reason":"accepted","type":"chat_assigned"})");
}

TEST(EventCodec, ACommandIsNotAnEvent) {
    const auto decoded = decode_event(
        R"({"type":"accept_chat","command_id":"c-1","actor":{"kind":"agent","id":"m"},)"
        R"("at":1,"chat":4})");
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ProtocolErrorCode::unknown_type);
    EXPECT_EQ(decoded.error().message, "There is no event of type 'accept_chat'.");
}

TEST(EventCodec, InvalidUtf8FromTheCoreIsReplacedNotThrown) {
    core::MessagePosted posted;
    posted.chat = 1;
    posted.text = std::string("caf\xC3", 4);
    std::string text;
    EXPECT_NO_THROW(text = encode_event({"c-1", Actor::customer("k"), 1, posted}));
    EXPECT_TRUE(decode_event(text).ok()) << text;
}

}  // namespace
}  // namespace parley::protocol
