// The session messages after the handshake: client commands (no actor, no time) and pings;
// every server message through encode_* and decode_server_message, with exact bytes where
// the wire promises them; hello/welcome with their optional fields; and the State every actor
// starts from (core::visible_state) travelling as a snapshot inside a sync.
#include <gtest/gtest.h>

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/apply.h"
#include "core/customer_view.h"
#include "core/decide.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/command_schema.h"
#include "protocol/handshake.h"
#include "protocol/session.h"
#include "protocol/state_schema.h"
#include "sample_values.h"

namespace parley::protocol {
namespace {

using core::Actor;
using nlohmann::json;

// [SECTION] A floor built by real commands

// General (gina) and Billing (bill); a supervisor and an admin; anna's chat held by gina with
// a note and a ticket, then transferred to bill; bob's chat closed in Billing; carl waiting.
class Floor {
public:
    Floor() {
        core::QueueConfig billing_config;
        billing_config.name = "Billing";
        run(system_, core::CreateQueue{billing_config});
        billing = state.queues.back().id;
        add_agent("gina", core::Role::agent, core::kGeneralQueueId);
        add_agent("bill", core::Role::agent, billing);
        add_agent("sue", core::Role::supervisor, 0);
        add_agent("ada", core::Role::admin, 0);
        anna_chat = start("anna", core::kGeneralQueueId);
        bob_chat = start("bob", billing);
        start("carl", billing);
        run(gina, core::AcceptChat{anna_chat});
        run(bill, core::AcceptChat{bob_chat});
        run(gina, core::PostAgentMessage{anna_chat, "Hi Anna", {}});
        run(gina, core::AddNote{anna_chat, "Angry about the invoice"});
        run(gina, core::CreateTicket{anna_chat, core::TicketKind::incident, "Refund",
                                     core::Priority::high});
        run(gina, core::CreateCannedResponse{"Gina hello", "/gh", "Hello from Gina", true});
        run(sue, core::CreateCannedResponse{"Shared bye", "/bye", "Goodbye", false});
        run(gina, core::TransferToAgent{anna_chat, "bill", "Knows invoices"});
        run(bill, core::AddNote{bob_chat, "Owes two months"});
        run(bill, core::CloseChat{bob_chat, "Billing", "Paid by card", false});
    }

    void run(const Actor& actor, core::Command command) {
        at += 1000;
        const core::CommandEnvelope envelope{"c-" + std::to_string(at), actor, at,
                                             std::move(command)};
        const core::Decision decision = core::decide(state, envelope);
        ASSERT_TRUE(decision.accepted())
            << decision.rejection->code << ": " << decision.rejection->message;
        for (const core::EventEnvelope& event : decision.events) {
            core::apply(state, event);
            log.push_back(event);
        }
    }

    core::State state;
    std::vector<core::EventEnvelope> log;
    core::QueueId billing = 0;
    core::ChatId anna_chat;
    core::ChatId bob_chat;
    const Actor gina = Actor::agent("gina");
    const Actor bill = Actor::agent("bill");
    const Actor sue = Actor::agent("sue");
    const Actor ada = Actor::agent("ada");

private:
    void add_agent(const std::string& id, core::Role role, core::QueueId queue) {
        run(system_, core::CreateAgent{id, core::AgentProfile{id + " name", role, ""}, 3});
        if (queue != 0)
            run(system_, core::AddQueueMember{queue, id});
        run(Actor::agent(id), core::SetPresence{id, core::Presence::online});
    }
    core::ChatId start(const std::string& customer, core::QueueId queue) {
        const core::ChatId id = "cht_" + customer;
        run(Actor::customer(customer),
            core::StartChat{core::Customer{customer, customer + " name", customer + "@x.org", ""},
                            core::Channel::web, queue, "Hello", std::nullopt, id});
        return id;
    }

    const Actor system_ = Actor::system();
    core::Timestamp at = 1'700'000'000'000;
};

// The decoded message as a T (a copy: the Result is often a temporary), or a default T after
// a failure has been recorded.
template <class T>
T decoded_as(const Result<ServerMessage>& decoded) {
    if (!decoded.ok()) {
        ADD_FAILURE() << decoded.error().message;
        return T{};
    }
    if (!std::holds_alternative<T>(decoded.value())) {
        ADD_FAILURE() << "decoded the wrong kind of message: " << decoded.value().index();
        return T{};
    }
    return std::get<T>(decoded.value());
}

// [SECTION] Server messages

TEST(ServerMessages, WelcomeRoundTrips) {
    const std::string text = encode_welcome(Welcome{1, "0.1.0", Actor::agent("maria"), 42});
    const auto decoded = decode_server_message(text);
    ASSERT_TRUE(decoded.ok() && std::holds_alternative<Welcome>(decoded.value())) << text;
    const auto& welcome = std::get<Welcome>(decoded.value());
    EXPECT_EQ(welcome.protocol_version, 1);
    EXPECT_EQ(welcome.server_version, "0.1.0");
    EXPECT_EQ(welcome.actor, Actor::agent("maria"));
    EXPECT_EQ(welcome.seq, 42u);
}

TEST(ServerMessages, ErrorRoundTrips) {
    const std::string text = encode_error(WireError{"not_allowed", "You may not do that."});
    const auto decoded = decode_server_message(text);
    ASSERT_TRUE(decoded.ok() && std::holds_alternative<WireError>(decoded.value())) << text;
    EXPECT_EQ(std::get<WireError>(decoded.value()).code, "not_allowed");
    EXPECT_EQ(std::get<WireError>(decoded.value()).message, "You may not do that.");

    const auto from_protocol = decode_server_message(
        encode_error(ProtocolError{ProtocolErrorCode::wrong_type, "chat must be a number"}));
    ASSERT_TRUE(from_protocol.ok() && std::holds_alternative<WireError>(from_protocol.value()));
    EXPECT_EQ(std::get<WireError>(from_protocol.value()).code, "wrong_type");
}

TEST(ServerMessages, SyncCarriesAWholeStateBuiltByRealCommands) {
    const Floor floor;
    const std::string snapshot = encode_snapshot(floor.state);
    const std::string text = encode_sync(17, snapshot);
    EXPECT_NE(text.find(snapshot), std::string::npos);
    const Sync sync = decoded_as<Sync>(decode_server_message(text));
    EXPECT_EQ(sync.seq, 17u);
    EXPECT_EQ(sync.state, floor.state);
    EXPECT_EQ(sync.state.chats.size(), 3u);
    EXPECT_EQ(sync.state.chats_of("bill").transfers_in.size(), 1u);
}

TEST(ServerMessages, EveryEventOfTheFloorTravelsAsAnEventMessage) {
    const Floor floor;
    ASSERT_FALSE(floor.log.empty());
    std::uint64_t seq = 0;
    for (const core::EventEnvelope& event : floor.log) {
        ++seq;
        const std::string event_text = encode_event(event);
        const std::string text = encode_event_message(seq, event_text);
        SCOPED_TRACE(text);
        // Embedded exactly as given, so one encoding serves every recipient.
        EXPECT_EQ(text, R"({"event":)" + event_text + R"(,"seq":)" + std::to_string(seq) +
                            R"(,"type":"event"})");
        const EventMessage message = decoded_as<EventMessage>(decode_server_message(text));
        EXPECT_EQ(message.seq, seq);
        EXPECT_EQ(message.event, event);
    }
}

TEST(ServerMessages, ChatMessageRoundTrips) {
    const Floor floor;
    for (const core::Chat& chat : floor.state.chats) {
        const std::string text = encode_chat_message(9, chat);
        SCOPED_TRACE(text);
        const ChatMessage message = decoded_as<ChatMessage>(decode_server_message(text));
        EXPECT_EQ(message.seq, 9u);
        EXPECT_EQ(message.chat, chat);
    }
    core::Chat filled;
    testing::fill(filled, 3);
    const ChatMessage message =
        decoded_as<ChatMessage>(decode_server_message(encode_chat_message(4, filled)));
    EXPECT_EQ(message.chat, filled);
}

TEST(ServerMessages, AckRejectedAndPongRoundTrip) {
    for (const Ack& ack : {Ack{"c-7", 12, false}, Ack{"c-8", 0, true}}) {
        EXPECT_EQ(decoded_as<Ack>(decode_server_message(encode_ack(ack))), ack);
    }
    const Rejected rejected{"c-9", "over_capacity", "Maria has no room — Привет."};
    EXPECT_EQ(decoded_as<Rejected>(decode_server_message(encode_rejected(rejected))), rejected);
    const auto pong = decode_server_message(encode_pong());
    ASSERT_TRUE(pong.ok());
    EXPECT_TRUE(std::holds_alternative<Pong>(pong.value()));
}

TEST(ServerMessages, QueuePositionRoundTripsWithExactBytes) {
    const QueuePositionMessage position{"cht_0123456789abcdef0123456789abcdef", 2, 5, 120000};
    const std::string text = encode_queue_position(position);
    EXPECT_EQ(text, R"({"chat":"cht_0123456789abcdef0123456789abcdef","estimated_wait":120000,)"
                    R"("position":2,"type":"queue_position","waiting":5})");
    EXPECT_EQ(decoded_as<QueuePositionMessage>(decode_server_message(text)), position);
}

TEST(ServerMessages, ChatViewRoundTripsWithExactBytes) {
    core::CustomerChatView view;
    view.chat = "cht_anna";
    view.status = core::CustomerChatStatus::ended;
    view.ended = true;
    view.messages = {core::Message{4, {core::AuthorKind::agent, "Gina"}, "Bye", {}, {}, 9}};
    view.notices = {{core::CustomerNoticeKind::closed_not_responding, 1}};
    view.actions.write = {false, "chat_closed", "Chat cht_anna is already closed."};
    view.actions.rate.allowed = true;
    const ChatViewMessage message{12, "w-1", 0, view};
    const std::string text = encode_chat_view(message);
    EXPECT_EQ(
        text,
        R"({"command_id":"w-1","messages_from":0,"seq":12,"type":"chat_view","view":{"actions":{)"
        R"("attach":{"allowed":false,"code":"","reason":""},)"
        R"("download_transcript":{"allowed":false,"code":"","reason":""},)"
        R"("email_transcript":{"allowed":false,"code":"","reason":""},)"
        R"("end_chat":{"allowed":false,"code":"","reason":""},)"
        R"("rate":{"allowed":true,"code":"","reason":""},)"
        R"("write":{"allowed":false,"code":"chat_closed",)"
        R"("reason":"Chat cht_anna is already closed."}},)"
        R"("agent":"","agent_typing":false,"chat":"cht_anna","ended":true,)"
        R"("messages":[{"at":9,"attachments":[],"author":{"id":"Gina","kind":"agent"},)"
        R"("id":4,"state":"sent","text":"Bye"}],)"
        R"("notices":[{"agent":"","before":1,"kind":"closed_not_responding","queue":""}],)"
        R"("status":"ended","waiting":false}})");
    EXPECT_EQ(decoded_as<ChatViewMessage>(decode_server_message(text)), message);
}

TEST(ServerMessages, ACustomersSyncCarriesTheViewOfTheirChat) {
    const Floor floor;
    const Actor anna = Actor::customer("anna");
    const auto views = core::customer_views(floor.state, anna);
    ASSERT_EQ(views.size(), 1u);
    const std::string text =
        encode_sync(7, encode_snapshot(core::visible_state(floor.state, anna)), views);
    EXPECT_TRUE(text.starts_with(R"({"chat_views":[{"actions":)")) << text.substr(0, 80);
    const Sync sync = decoded_as<Sync>(decode_server_message(text));
    EXPECT_EQ(sync.seq, 7u);
    EXPECT_EQ(sync.chat_views, views);
    EXPECT_EQ(sync.chat_views[0].status, core::CustomerChatStatus::transferring);
}

TEST(ServerMessages, MalformedChatViewsAreRefused) {
    core::CustomerChatView view;
    view.chat = "c";
    view.notices = {{core::CustomerNoticeKind::closed, 0}};
    const json valid = json::parse(encode_chat_view(ChatViewMessage{1, std::nullopt, 0, view}));
    struct Case {
        const char* pointer;
        json value;
        ProtocolErrorCode code;
    };
    const Case cases[] = {
        {"/view/status", "lost", ProtocolErrorCode::invalid_value},
        {"/view/notices/0/kind", "vanished", ProtocolErrorCode::invalid_value},
        {"/view/notices/0/before", -1, ProtocolErrorCode::invalid_value},
        {"/view/actions/write/allowed", "no", ProtocolErrorCode::wrong_type},
        {"/view/messages", json::object(), ProtocolErrorCode::wrong_type},
    };
    for (const Case& c : cases) {
        json broken = valid;
        broken[json::json_pointer(c.pointer)] = c.value;
        const auto decoded = decode_server_message(broken.dump());
        ASSERT_FALSE(decoded.ok()) << c.pointer;
        EXPECT_EQ(decoded.error().code, c.code) << c.pointer << ": " << decoded.error().message;
    }
    json without_view = valid;
    without_view.erase("view");
    const auto decoded = decode_server_message(without_view.dump());
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ProtocolErrorCode::missing_field);
}

TEST(ServerMessages, MalformedQueuePositionsAreRefused) {
    struct Case {
        const char* text;
        ProtocolErrorCode code;
    };
    const Case cases[] = {
        {R"({"type":"queue_position","chat":"c","waiting":1,"estimated_wait":0})",
         ProtocolErrorCode::missing_field},
        {R"({"type":"queue_position","chat":"c","position":"1","waiting":1,"estimated_wait":0})",
         ProtocolErrorCode::wrong_type},
        {R"({"type":"queue_position","chat":"c","position":-1,"waiting":1,"estimated_wait":0})",
         ProtocolErrorCode::invalid_value},
        {R"({"type":"queue_position","chat":7,"position":1,"waiting":1,"estimated_wait":0})",
         ProtocolErrorCode::wrong_type},
    };
    for (const Case& c : cases) {
        const auto decoded = decode_server_message(c.text);
        ASSERT_FALSE(decoded.ok()) << c.text;
        EXPECT_EQ(decoded.error().code, c.code) << c.text << ": " << decoded.error().message;
    }
}

TEST(ServerMessages, BytesAreDeterministicWithSortedKeys) {
    EXPECT_EQ(encode_ack(Ack{"c-7", 12, false}),
              R"({"command_id":"c-7","duplicate":false,"seq":12,"type":"ack"})");
    EXPECT_EQ(encode_rejected(Rejected{"c-8", "over_capacity", "No room."}),
              R"({"code":"over_capacity","command_id":"c-8","message":"No room.",)"
              R"("type":"rejected"})");
    EXPECT_EQ(encode_sync(3, R"({"type":"snapshot"})"),
              R"({"seq":3,"snapshot":{"type":"snapshot"},"type":"sync"})");
    EXPECT_EQ(encode_pong(), R"({"type":"pong"})");
    const Floor floor;
    EXPECT_EQ(encode_chat_message(5, floor.state.chats[0]),
              encode_chat_message(5, core::Chat(floor.state.chats[0])));
    const json chat = json::parse(encode_chat_message(5, floor.state.chats[0]));
    EXPECT_EQ(chat.dump(), encode_chat_message(5, floor.state.chats[0]));
}

TEST(ServerMessages, MalformedServerMessagesAreRefused) {
    struct Case {
        const char* text;
        ProtocolErrorCode code;
    };
    const Case cases[] = {
        {"not json", ProtocolErrorCode::malformed_json},
        {"[1,2]", ProtocolErrorCode::malformed_json},
        {R"({"seq":1})", ProtocolErrorCode::missing_field},
        {R"({"type":"fireworks"})", ProtocolErrorCode::unknown_type},
        {R"({"type":"sync","seq":1})", ProtocolErrorCode::missing_field},
        {R"({"type":"sync","snapshot":{}})", ProtocolErrorCode::missing_field},
        {R"({"type":"event","seq":"1","event":{}})", ProtocolErrorCode::wrong_type},
        {R"({"type":"event","seq":1,"event":"x"})", ProtocolErrorCode::missing_field},
        {R"({"type":"event","seq":1,"event":{"type":"nope"}})", ProtocolErrorCode::unknown_type},
        {R"({"type":"chat","seq":1})", ProtocolErrorCode::missing_field},
        {R"({"type":"chat","seq":1,"chat":[]})", ProtocolErrorCode::wrong_type},
        {R"({"type":"ack","command_id":"c","duplicate":false})", ProtocolErrorCode::missing_field},
        {R"({"type":"ack","command_id":7,"seq":1,"duplicate":false})",
         ProtocolErrorCode::wrong_type},
        {R"({"type":"rejected","command_id":"c","code":"x"})", ProtocolErrorCode::missing_field},
    };
    for (const Case& c : cases) {
        const auto decoded = decode_server_message(c.text);
        ASSERT_FALSE(decoded.ok()) << c.text;
        EXPECT_EQ(decoded.error().code, c.code) << c.text << ": " << decoded.error().message;
        EXPECT_FALSE(decoded.error().message.empty()) << c.text;
    }
}

// [SECTION] Client messages

TEST(ClientMessages, EveryCommandRoundTripsWithoutActorOrTime) {
    std::size_t checked = 0;
    testing::for_each_alternative<core::Command>([&](const core::Command& payload) {
        const ClientCommand command{"c-" + std::to_string(payload.index()), payload};
        const std::string text = encode_client_command(command);
        SCOPED_TRACE(text);
        const json object = json::parse(text);
        EXPECT_FALSE(object.contains("actor"));
        EXPECT_FALSE(object.contains("at"));
        EXPECT_EQ(object.at("command_id"), command.id);
        const auto decoded = decode_client_message(text);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        ASSERT_TRUE(std::holds_alternative<ClientCommand>(decoded.value()));
        EXPECT_EQ(std::get<ClientCommand>(decoded.value()), command);
        EXPECT_EQ(encode_client_command(std::get<ClientCommand>(decoded.value())), text);
        ++checked;
    });
    EXPECT_EQ(checked, std::variant_size_v<core::Command::Variant>);
}

TEST(ClientMessages, WireShapeIsFlatWithSortedKeys) {
    EXPECT_EQ(encode_client_command(ClientCommand{"c-7", core::AcceptChat{"cht_1"}}),
              R"({"chat":"cht_1","command_id":"c-7","type":"accept_chat"})");
}

TEST(ClientMessages, AnActorOrTimeSentByTheClientIsNotTaken) {
    const auto decoded =
        decode_client_message(R"({"type":"accept_chat","command_id":"c-1","chat":"cht_4",)"
                              R"("actor":{"kind":"system","id":""},"at":5})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(std::get<ClientCommand>(decoded.value()),
              (ClientCommand{"c-1", core::AcceptChat{"cht_4"}}));
}

TEST(ClientMessages, PingIsAPing) {
    for (const std::string& text : {encode_ping(), std::string(R"({"type":"ping"})")}) {
        const auto decoded = decode_client_message(text);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_TRUE(std::holds_alternative<Ping>(decoded.value()));
    }
}

TEST(ClientMessages, BadInputGivesTheRightCode) {
    struct Case {
        const char* text;
        ProtocolErrorCode code;
    };
    const Case cases[] = {
        {R"({"type":"launch_rocket","command_id":"c-1"})", ProtocolErrorCode::unknown_type},
        {R"({"type":"chat_assigned","command_id":"c-1","chat":1,"agent":"m"})",
         ProtocolErrorCode::unknown_type},
        {R"({"type":"pong"})", ProtocolErrorCode::unknown_type},
        {R"({"type":"accept_chat","chat":"cht_7"})", ProtocolErrorCode::missing_field},
        {R"({"command_id":"c-1","chat":"cht_7"})", ProtocolErrorCode::missing_field},
        {R"({"type":"accept_chat","command_id":"c-1","chat":7})", ProtocolErrorCode::wrong_type},
        {R"({"type":"accept_chat","command_id":{"id":"c-1"},"chat":"cht_7"})",
         ProtocolErrorCode::wrong_type},
        {R"({"type":"add_note","command_id":"c-1","chat":"cht_7","text":{"a":1}})",
         ProtocolErrorCode::wrong_type},
        {R"({"type":{"name":"ping"}})", ProtocolErrorCode::wrong_type},
        {R"({"type":"set_presence","command_id":"c-1","agent":"m","presence":"asleep"})",
         ProtocolErrorCode::invalid_value},
        {"accept chat 7", ProtocolErrorCode::malformed_json},
        {R"({"type":"ping")", ProtocolErrorCode::malformed_json},
        {R"(["ping"])", ProtocolErrorCode::malformed_json},
        {"", ProtocolErrorCode::malformed_json},
    };
    for (const Case& c : cases) {
        const auto decoded = decode_client_message(c.text);
        ASSERT_FALSE(decoded.ok()) << c.text;
        EXPECT_EQ(decoded.error().code, c.code) << c.text << ": " << decoded.error().message;
        EXPECT_FALSE(decoded.error().message.empty()) << c.text;
    }
}

// [SECTION] Handshake

TEST(Handshake, HelloWithTokenAndResumeRoundTrips) {
    Hello hello;
    hello.client = "parley-console/0.1.0 (native)";
    hello.token = "secret-token";
    hello.resume_from = 1234567890123ULL;
    const std::string text = encode_hello(hello);
    const auto decoded = decode_hello(text);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value().protocol_version, kProtocolVersion);
    EXPECT_EQ(decoded.value().client, hello.client);
    EXPECT_EQ(decoded.value().token, std::optional<std::string>("secret-token"));
    EXPECT_EQ(decoded.value().resume_from, std::optional<std::uint64_t>(1234567890123ULL));
}

TEST(Handshake, HelloWithoutTokenOrResumeDecodes) {
    const auto decoded = decode_hello(R"({"type":"hello","protocol_version":1,"client":"x"})");
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_FALSE(decoded.value().token.has_value());
    EXPECT_FALSE(decoded.value().resume_from.has_value());

    Hello bare;
    bare.client = "x";
    const std::string text = encode_hello(bare);
    EXPECT_EQ(text.find("token"), std::string::npos) << text;
    EXPECT_EQ(text.find("resume_from"), std::string::npos) << text;
    EXPECT_EQ(text, R"({"client":"x","protocol_version":1,"type":"hello"})");
}

TEST(Handshake, HelloWithAWrongTypedResumeIsRefused) {
    const auto decoded =
        decode_hello(R"({"type":"hello","protocol_version":1,"client":"x","resume_from":"7"})");
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ProtocolErrorCode::wrong_type);
}

TEST(Handshake, WelcomeCarriesActorAndSeq) {
    const auto reply =
        decode_handshake_reply(encode_welcome(Welcome{1, "0.1.0", Actor::customer("anna"), 8}));
    ASSERT_TRUE(reply.ok()) << reply.error().message;
    ASSERT_TRUE(std::holds_alternative<Welcome>(reply.value()));
    EXPECT_EQ(std::get<Welcome>(reply.value()).actor, Actor::customer("anna"));
    EXPECT_EQ(std::get<Welcome>(reply.value()).seq, 8u);
}

// [SECTION] What each actor's replica starts from

TEST(VisibleState, EveryActorsViewTravelsAsASnapshotInASync) {
    const Floor floor;
    const std::vector<Actor> actors = {floor.gina,
                                       floor.bill,
                                       floor.sue,
                                       floor.ada,
                                       Actor::agent("ghost"),
                                       Actor::customer("anna"),
                                       Actor::customer("bob"),
                                       Actor::customer("carl"),
                                       Actor::customer("nobody"),
                                       Actor::system(),
                                       Actor::integration("bot")};
    for (const Actor& actor : actors) {
        SCOPED_TRACE(actor.id.empty() ? std::string("system") : actor.id);
        const core::State seen = core::visible_state(floor.state, actor);
        const std::string snapshot = encode_snapshot(seen);
        const auto decoded = decode_snapshot(snapshot);
        ASSERT_TRUE(decoded.ok()) << decoded.error().message;
        EXPECT_EQ(decoded.value(), seen);
        const Sync sync = decoded_as<Sync>(decode_server_message(encode_sync(5, snapshot)));
        EXPECT_EQ(sync.state, seen);
    }
}

TEST(VisibleState, ACustomersSnapshotHoldsNoStaffBusiness) {
    const Floor floor;
    const std::string snapshot =
        encode_snapshot(core::visible_state(floor.state, Actor::customer("anna")));
    for (const char* secret :
         {"Angry about the invoice", "Knows invoices", "Owes two months", "Paid by card", "Refund",
          "Hello from Gina", "bob@x.org", "carl name"}) {
        EXPECT_EQ(snapshot.find(secret), std::string::npos) << secret;
    }
    EXPECT_NE(snapshot.find("Hi Anna"), std::string::npos);
}

TEST(VisibleState, AnAgentsSnapshotHoldsNoOtherQueuesChats) {
    const Floor floor;
    const std::string snapshot = encode_snapshot(core::visible_state(floor.state, floor.gina));
    for (const char* secret : {"Owes two months", "Paid by card", "bob@x.org", "carl@x.org"}) {
        EXPECT_EQ(snapshot.find(secret), std::string::npos) << secret;
    }
    // The chat she answered, though transferred to Bill, is still hers to see.
    EXPECT_NE(snapshot.find("Angry about the invoice"), std::string::npos);
}

}  // namespace
}  // namespace parley::protocol
