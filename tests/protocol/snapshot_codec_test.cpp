// State snapshots: a populated State survives the trip with its indexes rebuilt, and a
// snapshot whose entities do not hang together is refused with the field named, so a bad
// snapshot cannot put the core in a state its rules never produce.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/state.h"
#include "protocol/codec.h"
#include "protocol/state_schema.h"
#include "sample_values.h"

namespace parley::protocol {
namespace {

using nlohmann::json;

// Entities only snapshots carry; commands and events check theirs through testing::fill.
static_assert(testing::describes_every_member<core::Queue>());
static_assert(testing::describes_every_member<core::Agent>());
static_assert(testing::describes_every_member<core::Chat>());
static_assert(testing::describes_every_member<core::Offer>());
static_assert(testing::describes_every_member<core::PendingTransfer>());
static_assert(testing::describes_every_member<core::Resolution>());
static_assert(testing::describes_every_member<core::Csat>());
static_assert(testing::describes_every_member<core::Message>());
static_assert(testing::describes_every_member<core::Note>());
static_assert(testing::describes_every_member<core::Ticket>());
static_assert(testing::describes_every_member<core::CannedResponse>());
static_assert(testing::describes_every_member<core::Settings>());

core::Agent sample_agent(const std::string& id) {
    core::Agent agent;
    agent.id = id;
    agent.profile = {id + " Name", core::Role::agent, "Acme"};
    agent.presence = core::Presence::online;
    agent.idle_since = 10;
    agent.queues = {2};
    return agent;
}

core::Chat sample_chat(int number, core::ChatStatus status) {
    core::Chat chat;
    testing::fill(chat, number);
    chat.id = "cht_" + std::to_string(number);
    chat.customer = "cust-1";
    chat.queue = 2;
    chat.status = status;
    chat.assignee.reset();
    chat.offer.reset();
    chat.pending_transfer.reset();
    chat.ticket.reset();
    return chat;
}

core::State sample_state() {
    core::State state;
    core::Queue billing;
    billing.id = 2;
    billing.config.name = "Billing";
    billing.config.mode = core::RoutingMode::offer;
    billing.members = {"maria", "omar"};
    state.queues.push_back(billing);
    state.agents["maria"] = sample_agent("maria");
    state.agents["omar"] = sample_agent("omar");
    state.customers["cust-1"] = {"cust-1", "Ann", "ann@example.com", "Acme"};

    core::Chat active = sample_chat(1, core::ChatStatus::active);
    active.assignee = "maria";
    active.ticket = 1;
    core::Chat queued = sample_chat(2, core::ChatStatus::queued);
    core::Chat offered = sample_chat(3, core::ChatStatus::offered);
    offered.offer = core::Offer{"omar", 40000};
    state.chats = {active, queued, offered};

    core::Ticket ticket;
    testing::fill(ticket, 7);
    ticket.id = 1;
    ticket.chat = "cht_1";
    state.tickets = {ticket};
    core::CannedResponse canned;
    testing::fill(canned, 9);
    canned.id = 1;
    state.canned_responses[1] = canned;
    state.next_canned_response_id = 2;
    state.next_message_id = 1000;
    state.next_note_id = 1000;
    for (const char* id : {"c-3", "c-1", "c-2"}) {
        state.processed_commands.insert(id);
    }
    core::rebuild_indexes(state);
    return state;
}

TEST(SnapshotCodec, PopulatedStateRoundTrips) {
    const core::State state = sample_state();
    const std::string text = encode_snapshot(state);
    const auto decoded = decode_snapshot(text);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value(), state);
    EXPECT_EQ(encode_snapshot(decoded.value()), text);
}

TEST(SnapshotCodec, TheSizeBoundIsTheCallersToSet) {
    const core::State state = sample_state();
    const std::string text = encode_snapshot(state);
    const auto within = decode_snapshot(text, text.size());
    ASSERT_TRUE(within.ok()) << within.error().message;
    EXPECT_EQ(within.value(), state);
    const auto beyond = decode_snapshot(text, text.size() - 1);
    ASSERT_FALSE(beyond.ok());
    EXPECT_EQ(beyond.error().code, ProtocolErrorCode::too_large);
}

TEST(SnapshotCodec, EmptyStateRoundTrips) {
    const core::State state;
    const auto decoded = decode_snapshot(encode_snapshot(state));
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value(), state);
}

TEST(SnapshotCodec, IndexesAreRebuiltNotSent) {
    const core::State state = sample_state();
    const std::string text = encode_snapshot(state);
    EXPECT_EQ(text.find("\"index\""), std::string::npos);
    const auto decoded = decode_snapshot(text);
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(decoded.value().chats_of("omar").offered.size(), 1u);
    EXPECT_EQ(decoded.value().queue_index(2).waiting.size(), 1u);
}

TEST(SnapshotCodec, ProcessedCommandsKeepTheOrderFirstSeen) {
    const std::string text = encode_snapshot(sample_state());
    EXPECT_NE(text.find(R"("processed_commands":["c-3","c-1","c-2"])"), std::string::npos);
}

// Decodes the sample snapshot after `edit` changed its JSON.
Result<core::State> decode_edited(const std::function<void(json&)>& edit) {
    json snapshot = json::parse(encode_snapshot(sample_state()));
    edit(snapshot);
    return decode_snapshot(snapshot.dump());
}

void expect_refused(const Result<core::State>& result, ProtocolErrorCode code,
                    const std::string& field) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().code, code) << result.error().message;
    EXPECT_NE(result.error().message.find(field), std::string::npos) << result.error().message;
}

TEST(SnapshotCodec, OtherProtocolVersionIsRefused) {
    const auto result = decode_edited([](json& s) { s["protocol_version"] = 2; });
    expect_refused(result, ProtocolErrorCode::version_mismatch, "version 2");
}

// One edit of a valid snapshot and the refusal it must cause.
struct Refusal {
    std::string field;
    ProtocolErrorCode code;
    std::function<void(json&)> edit;
};

void expect_refusals(const std::vector<Refusal>& refusals) {
    for (const Refusal& refusal : refusals) {
        SCOPED_TRACE(refusal.field);
        expect_refused(decode_edited(refusal.edit), refusal.code, refusal.field);
    }
}

TEST(SnapshotCodec, InconsistentEntitiesAreRefusedNamingTheField) {
    // Each edit breaks one promise the core relies on.
    expect_refusals({
        {"snapshot.chats[1].queue", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][1]["queue"] = 9; }},
        {"snapshot.chats[1].id", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][1]["id"] = "cht_1"; }},
        {"snapshot.chats[2].id", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][2]["id"] = "not a chat id"; }},
        {"snapshot.chats[1].assignee", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][1]["assignee"] = "maria"; }},
        {"snapshot.chats[0].assignee", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][0]["assignee"] = "ghost"; }},
        {"snapshot.chats[2].offer", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][2].erase("offer"); }},
        {"snapshot.chats[0].customer", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][0]["customer"] = "nobody"; }},
        {"snapshot.chats[0].ticket", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][0]["ticket"] = 5; }},
        {"snapshot.tickets[0].chat", ProtocolErrorCode::invalid_value,
         [](json& s) { s["tickets"][0]["chat"] = "cht_99"; }},
        {"snapshot.agents[1].id", ProtocolErrorCode::invalid_value,
         [](json& s) { s["agents"][1]["id"] = "maria"; }},
        {"snapshot.agents[0].queues", ProtocolErrorCode::invalid_value,
         [](json& s) { s["agents"][0]["queues"].push_back(5); }},
        {"snapshot.queues[1].members", ProtocolErrorCode::invalid_value,
         [](json& s) { s["queues"][1]["members"].push_back("x"); }},
        {"snapshot.queues", ProtocolErrorCode::invalid_value,
         [](json& s) { s["queues"].erase(0); }},
        {"snapshot.chats[0].messages[0].id", ProtocolErrorCode::invalid_value,
         [](json& s) { s["next_message_id"] = 1; }},
        {"snapshot.canned_responses[0].id", ProtocolErrorCode::invalid_value,
         [](json& s) { s["next_canned_response_id"] = 1; }},
        {"snapshot.processed_commands[3]", ProtocolErrorCode::invalid_value,
         [](json& s) { s["processed_commands"].push_back("c-1"); }},
    });
}

TEST(SnapshotCodec, WrongShapesAreRefusedNamingTheField) {
    // Each edit breaks the shape of the JSON.
    expect_refusals({
        {"snapshot.chats[0].status", ProtocolErrorCode::invalid_value,
         [](json& s) { s["chats"][0]["status"] = "lost"; }},
        {"snapshot.chats", ProtocolErrorCode::wrong_type,
         [](json& s) { s["chats"] = json::object(); }},
        {"snapshot.settings", ProtocolErrorCode::missing_field,
         [](json& s) { s.erase("settings"); }},
        {"snapshot", ProtocolErrorCode::unknown_type, [](json& s) { s["type"] = "state"; }},
    });
}

}  // namespace
}  // namespace parley::protocol
