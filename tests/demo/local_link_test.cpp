// The LocalLink answers the console's frames exactly as the server would for the one agent:
// a welcome and a sync on hello, an ack or the core's own rejection for each command, the
// events the agent may see and no others; and the whole console connects through it.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include "console/console_app.h"
#include "core/decide.h"
#include "demo_clock.h"
#include "in_page_demo.h"
#include "protocol/session.h"

namespace parley::demo {
namespace {

class LocalLinkTest : public ::testing::Test {
protected:
    // Frames until `seconds`, ten a second.
    void run_until(double seconds) {
        for (; now_ < seconds; now_ += 0.1) {
            demo_.advance(at(now_));
        }
    }

    std::vector<protocol::ServerMessage> received() {
        std::vector<protocol::ServerMessage> messages;
        for (const console::LinkEvent& event : demo_.link().drain()) {
            if (const auto* message = std::get_if<console::LinkMessage>(&event)) {
                auto decoded = protocol::decode_server_message(message->text);
                EXPECT_TRUE(decoded) << message->text;
                if (decoded) {
                    messages.push_back(std::move(decoded.value()));
                }
            }
        }
        return messages;
    }

    void say_hello() {
        demo_.link().open();
        protocol::Hello hello;
        hello.client = "test";
        demo_.link().send(protocol::encode_hello(hello));
    }

    // Maria's console, welcomed and synced, once the first customers are in.
    void connect() {
        run_until(5);
        say_hello();
        received();
    }

    // The first chat waiting in one of Maria's queues.
    core::ChatId waiting_chat() {
        for (const core::Chat& chat : demo_.stage().state().chats) {
            if (chat.status == core::ChatStatus::queued && chat.queue != 3) {
                return chat.id;
            }
        }
        ADD_FAILURE() << "no chat waits in General or Billing";
        return {};
    }

    template <typename M>
    static std::vector<M> only(const std::vector<protocol::ServerMessage>& messages) {
        std::vector<M> found;
        for (const auto& message : messages) {
            if (const auto* wanted = std::get_if<M>(&message)) {
                found.push_back(*wanted);
            }
        }
        return found;
    }

    InPageDemo demo_{21, at(0)};
    double now_ = 0;
};

TEST_F(LocalLinkTest, HelloGetsAWelcomeAndASyncOfWhatMariaMaySee) {
    run_until(5);
    say_hello();
    const auto messages = received();
    ASSERT_EQ(messages.size(), 2u);
    const auto& welcome = std::get<protocol::Welcome>(messages[0]);
    EXPECT_EQ(welcome.actor, core::Actor::agent("maria"));
    EXPECT_EQ(welcome.seq, demo_.stage().seq());
    const auto& sync = std::get<protocol::Sync>(messages[1]);
    EXPECT_FALSE(sync.state.chats.empty());
    for (const core::Chat& chat : sync.state.chats) {
        EXPECT_NE(chat.queue, 3u) << "Maria is not in Technical";
    }
}

TEST_F(LocalLinkTest, NobodySignedInIsRefusedAsTheServerRefusesIt) {
    demo_.sign_in().sign_out();
    say_hello();
    const auto events = demo_.link().drain();
    ASSERT_EQ(events.size(), 3u);
    const auto error =
        protocol::decode_handshake_reply(std::get<console::LinkMessage>(events[1]).text);
    ASSERT_TRUE(error);
    EXPECT_EQ(std::get<protocol::WireError>(error.value()).code, "not_signed_in");
    EXPECT_TRUE(std::get<console::LinkClosed>(events[2]).by_policy);
}

TEST_F(LocalLinkTest, ACommandIsAckedAndItsEventsArriveBeforeTheAck) {
    connect();
    const core::ChatId chat = waiting_chat();
    demo_.link().send(protocol::encode_client_command({"c-1", core::AcceptChat{chat}}));
    const auto messages = received();
    ASSERT_GE(messages.size(), 2u);
    const auto events = only<protocol::EventMessage>(messages);
    ASSERT_FALSE(events.empty());
    EXPECT_TRUE(std::holds_alternative<core::ChatAssigned>(events.front().event.event));
    const auto& ack = std::get<protocol::Ack>(messages.back());
    EXPECT_EQ(ack.command_id, "c-1");
    EXPECT_EQ(ack.seq, events.front().seq);
    EXPECT_EQ(demo_.stage().state().find_chat(chat)->assignee, "maria");

    demo_.link().send(protocol::encode_client_command({"c-1", core::AcceptChat{chat}}));
    const auto again = only<protocol::Ack>(received());
    ASSERT_EQ(again.size(), 1u);
    EXPECT_TRUE(again.front().duplicate);
    EXPECT_EQ(again.front().seq, ack.seq);
}

TEST_F(LocalLinkTest, ARefusedCommandCarriesTheCoresCodeAndSentence) {
    connect();
    const core::ChatId chat = waiting_chat();
    const core::Command command = core::PostAgentMessage{chat, "Hello!", {}};
    const core::Decision expected =
        core::evaluate(demo_.stage().state(),
                       {"probe", core::Actor::agent("maria"), demo_.stage().now(), command});
    ASSERT_TRUE(expected.rejection);
    demo_.link().send(protocol::encode_client_command({"c-2", command}));
    const auto refused = only<protocol::Rejected>(received());
    ASSERT_EQ(refused.size(), 1u);
    EXPECT_EQ(refused.front().command_id, "c-2");
    EXPECT_EQ(refused.front().code, expected.rejection->code);
    EXPECT_EQ(refused.front().message, expected.rejection->message);
}

TEST_F(LocalLinkTest, TheCustomerAnswersMariaAndMariaSeesIt) {
    connect();
    const core::ChatId chat = waiting_chat();
    demo_.link().send(protocol::encode_client_command({"c-1", core::AcceptChat{chat}}));
    demo_.link().send(protocol::encode_client_command(
        {"c-2", core::PostAgentMessage{chat, "Hello, I'm Maria. Let me look.", {}}}));
    received();
    run_until(60);
    bool customer_wrote = false;
    for (const auto& event : only<protocol::EventMessage>(received())) {
        if (const auto* posted = std::get_if<core::MessagePosted>(&event.event.event)) {
            customer_wrote |=
                posted->chat == chat && posted->author.kind == core::AuthorKind::customer;
        }
    }
    const core::Chat* after = demo_.stage().state().find_chat(chat);
    const bool customer_left = after->customer_cancelled;
    EXPECT_TRUE(customer_wrote || customer_left);
}

TEST_F(LocalLinkTest, NoEventOfAChatMariaCannotSeeReachesHer) {
    connect();
    run_until(120);
    const core::State& state = demo_.stage().state();
    for (const auto& event : only<protocol::EventMessage>(received())) {
        const core::Chat* chat = nullptr;
        std::visit(
            [&](const auto& ev) {
                if constexpr (requires { ev.chat; }) {
                    chat = state.find_chat(ev.chat);
                }
            },
            event.event.event);
        if (chat != nullptr && chat->queue == 3 && chat->assignee != "maria") {
            ADD_FAILURE() << "Maria was told about a Technical chat " << chat->id;
        }
    }
}

TEST(DemoConsole, TheConsoleConnectsThroughTheLocalLinkAndSeesTheQueue) {
    InPageDemo demo(8, at(0));
    console::ConsoleApp app(demo.link(), demo.sign_in(), "demo", "t");
    for (double now = 0; now < 10; now += 0.1) {
        demo.advance(at(now));
        app.update(at(now));
    }
    EXPECT_EQ(app.view_model().connection.status, console::ConnectionStatus::connected);
    EXPECT_EQ(app.session().actor(), core::Actor::agent("maria"));
    EXPECT_FALSE(app.session().replica().state().chats.empty());
}

}  // namespace
}  // namespace parley::demo
