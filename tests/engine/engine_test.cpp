// The engine: numbering, who is sent what, and how a connection opens. Every test runs the core
// fixture's commands through the engine (as the server and the console tests do) and reads what
// reached each actor's feed.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "../core/core_fixture.h"
#include "engine/client_messages.h"
#include "engine/engine.h"
#include "engine/inbox.h"
#include "protocol/codec.h"

namespace parley::engine {
namespace {

using core::Actor;

class EngineTest : public core::testing::HeldChatTest {
protected:
    void commit(const core::EventEnvelope& event) override {
        recorded.push_back(engine.record(event));
        deliver(recorded.back());
    }

    // A connection of `actor`, opened as the in-page demo and the console tests open one.
    std::shared_ptr<Inbox> connect(const Actor& actor,
                                   std::optional<std::uint64_t> resume_from = std::nullopt) {
        auto inbox = std::make_shared<Inbox>();
        engine.attach(inbox, actor, resume_from);
        return inbox;
    }

    static std::vector<protocol::ServerMessage> read(Inbox& inbox) {
        std::vector<protocol::ServerMessage> messages;
        for (const Message& message : inbox.take()) {
            auto decoded = protocol::decode_server_message(*message);
            EXPECT_TRUE(decoded) << *message;
            if (decoded) {
                messages.push_back(std::move(decoded).value());
            }
        }
        return messages;
    }

    template <typename Kind>
    static std::size_t count(const std::vector<protocol::ServerMessage>& messages) {
        return std::count_if(messages.begin(), messages.end(), [](const auto& message) {
            return std::holds_alternative<Kind>(message);
        });
    }

    Engine engine{state};
    std::vector<Numbered> recorded;
};

TEST_F(EngineTest, EventsAreNumberedInOrderAndEachChatCountsItsOwnVersions) {
    const std::uint64_t before = engine.seq();
    ok(anna, core::PostCustomerMessage{id, "Are you there?", {}});
    ok(maria, core::PostAgentMessage{id, "Yes.", {}});
    ASSERT_GE(recorded.size(), 2u);
    EXPECT_EQ(engine.seq(), before + 2);
    EXPECT_EQ(recorded[recorded.size() - 2].seq, before + 1);
    EXPECT_EQ(recorded.back().seq, before + 2);
    EXPECT_EQ(recorded.back().chat, id);
    EXPECT_EQ(recorded.back().chat_version, engine.chat_versions().at(id));
    EXPECT_EQ(recorded.back().chat_version, recorded[recorded.size() - 2].chat_version + 1);
    EXPECT_EQ(recorded.back().payload, protocol::encode_event(recorded.back().event));
}

TEST_F(EngineTest, ADuplicateOrRefusedCommandRecordsNothing) {
    const core::CommandEnvelope envelope{"once", maria, now, core::PostAgentMessage{id, "Hi", {}}};
    const Step first = engine.execute(envelope);
    ASSERT_EQ(first.events.size(), 1u);
    const std::uint64_t after_first = engine.seq();

    const Step again = engine.execute(envelope);
    EXPECT_TRUE(again.duplicate);
    EXPECT_TRUE(again.events.empty());

    const Step refused =
        engine.execute({"ivan-writes", ivan, now, core::PostAgentMessage{id, "Not mine", {}}});
    ASSERT_TRUE(refused.rejection);
    EXPECT_TRUE(refused.events.empty());
    EXPECT_EQ(engine.seq(), after_first);
    log.push_back(first.events.front().event);
}

TEST_F(EngineTest, ACustomerIsSentTheirChatWithoutTheStaffsNotes) {
    const auto customer = connect(anna);
    const auto holder = connect(maria);
    const auto colleague = connect(ivan);
    read(*customer);
    read(*holder);
    read(*colleague);

    ok(maria, core::AddNote{id, "VIP, be kind"});
    EXPECT_TRUE(read(*customer).empty()) << "notes are the staff's";
    EXPECT_EQ(count<protocol::EventMessage>(read(*holder)), 1u);
    EXPECT_TRUE(read(*colleague).empty()) << "Ivan neither holds nor can pick the chat";

    ok(maria, core::PostAgentMessage{id, "Hello Anna", {}});
    const auto seen = read(*customer);
    ASSERT_EQ(count<protocol::EventMessage>(seen), 1u);
    EXPECT_EQ(std::get<protocol::EventMessage>(seen.front()).seq, engine.seq());
}

TEST_F(EngineTest, ASupervisorSeesEveryChatAndAWaitingChatReachesItsQueue) {
    const auto supervisor = connect(boss);
    const auto colleague = connect(ivan);
    read(*supervisor);
    read(*colleague);

    ok(anna, core::PostCustomerMessage{id, "Still here", {}});
    EXPECT_EQ(count<protocol::EventMessage>(read(*supervisor)), 1u);
    EXPECT_TRUE(read(*colleague).empty());

    start_chat("olga", support);
    EXPECT_FALSE(read(*colleague).empty()) << "a member sees what waits in the queue";
}

TEST_F(EngineTest, AWaitingCustomerLearnsTheirPlaceInTheQueueAndEachChangeOfIt) {
    const core::ChatId first = start_chat("olga", support);
    const core::ChatId second = start_chat("petra", support);
    const auto petra = connect(Actor::customer("petra"));
    auto seen = read(*petra);
    ASSERT_EQ(count<protocol::QueuePositionMessage>(seen), 1u);
    EXPECT_EQ(std::get<protocol::QueuePositionMessage>(seen.back()).chat, second);
    EXPECT_EQ(std::get<protocol::QueuePositionMessage>(seen.back()).position, 2u);

    ok(ivan, core::AcceptChat{first});
    read(*petra);
    for (const Delivery& delivery : engine.queue_positions()) {
        delivery.feed->send(delivery.message);
    }
    seen = read(*petra);
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_EQ(std::get<protocol::QueuePositionMessage>(seen.front()).position, 1u);
    EXPECT_TRUE(engine.queue_positions().empty()) << "nothing changed since";
}

TEST_F(EngineTest, AnAgentWhoseSightChangesGetsAFreshSync) {
    const auto colleague = connect(ivan);
    read(*colleague);
    ok(system, core::UpdateAgent{"ivan", {"ivan name", core::Role::supervisor, ""}});
    const auto seen = read(*colleague);
    ASSERT_EQ(count<protocol::Sync>(seen), 1u);
    EXPECT_EQ(std::get<protocol::Sync>(seen.back()).state.chats.size(), state.chats.size());

    ok(anna, core::PostCustomerMessage{id, "Anyone?", {}});
    EXPECT_EQ(count<protocol::EventMessage>(read(*colleague)), 1u) << "now one of the wide feeds";
}

TEST_F(EngineTest, AReconnectResumesFromTheFeedOrStartsAgainWithASync) {
    const auto first = connect(maria);
    read(*first);
    const std::uint64_t held = engine.seq();
    engine.close(*first, maria, now);
    ok(anna, core::PostCustomerMessage{id, "one", {}});
    ok(anna, core::PostCustomerMessage{id, "two", {}});

    const auto resumed = connect(maria, held);
    const auto missed = read(*resumed);
    ASSERT_EQ(missed.size(), 2u) << "exactly the events after the resume point";
    EXPECT_EQ(std::get<protocol::EventMessage>(missed[0]).seq, held + 1);
    EXPECT_EQ(std::get<protocol::EventMessage>(missed[1]).seq, held + 2);

    const auto too_far = connect(maria, engine.seq() + 5);
    EXPECT_EQ(count<protocol::Sync>(read(*too_far)), 1u) << "a point the engine never reached";
}

TEST_F(EngineTest, AFeedThatNoLongerReachesBackAnswersWithASync) {
    Engine small(state, Feeds::Limits{2, core::kMinute});
    const auto inbox = std::make_shared<Inbox>();
    const Opening opening = small.open(maria, std::nullopt);
    opening.feed->attach(inbox);
    const std::uint64_t held = small.seq();
    small.close(*inbox, maria, now);
    for (const char* text : {"a", "b", "c"}) {
        const Step step = small.execute(
            {std::string("c-") + text, anna, now, core::PostCustomerMessage{id, text, {}}});
        for (const Numbered& numbered : step.events) {
            deliver(numbered);
            log.push_back(numbered.event);
        }
    }
    EXPECT_FALSE(small.open(maria, held).resumes);
    EXPECT_TRUE(small.open(maria, small.seq() - 1).resumes);
}

TEST(ClientMessages, AHelloOfAnotherVersionIsRefusedWithAReason) {
    const auto read = read_hello(R"({"type":"hello","protocol_version":999,"client":"x"})");
    ASSERT_TRUE(std::holds_alternative<Refusal>(read));
    EXPECT_EQ(std::get<Refusal>(read).reason, "protocol version mismatch");
    EXPECT_NE(std::get<Refusal>(read).message.find("999"), std::string::npos);
    EXPECT_TRUE(std::holds_alternative<Refusal>(read_hello("{not json")));
}

TEST(ClientMessages, PingsUnreadableMessagesAndBadCommandIdsAreAnsweredAtOnce) {
    const auto pong = read_command(protocol::encode_ping());
    ASSERT_TRUE(std::holds_alternative<std::string>(pong));
    EXPECT_TRUE(std::holds_alternative<protocol::Pong>(
        protocol::decode_server_message(std::get<std::string>(pong)).value()));

    const auto unreadable = read_command(R"({"type":"accept_chat","command_id":"c-1"})");
    ASSERT_TRUE(std::holds_alternative<std::string>(unreadable));
    const auto rejected = protocol::decode_server_message(std::get<std::string>(unreadable));
    ASSERT_TRUE(std::holds_alternative<protocol::Rejected>(rejected.value()));
    EXPECT_EQ(std::get<protocol::Rejected>(rejected.value()).command_id, "c-1");

    const std::string long_id(129, 'x');
    const auto too_long =
        read_command(protocol::encode_client_command({long_id, core::AcceptChat{"cht_1"}}));
    ASSERT_TRUE(std::holds_alternative<std::string>(too_long));
    EXPECT_NE(std::get<std::string>(too_long).find("invalid_value"), std::string::npos);

    const auto command =
        read_command(protocol::encode_client_command({"c-2", core::AcceptChat{"cht_1"}}));
    ASSERT_TRUE(std::holds_alternative<protocol::ClientCommand>(command));
    EXPECT_EQ(std::get<protocol::ClientCommand>(command).id, "c-2");
}

}  // namespace
}  // namespace parley::engine
