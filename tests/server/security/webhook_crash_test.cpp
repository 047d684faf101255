// Issue 16 (found by reading): webhook deliveries were written to webhooks.db after the ticket
// event committed, so a crash between the two lost them. Agents raise tickets in bursts while
// parley-server is killed with SIGKILL at a different point of each burst; after the last
// restart every ticket event in the log has exactly one delivery, and no delivery lacks one.
#include <gtest/gtest.h>

#include <map>

#include "rest/rest_test_support.h"
#include "server/store/sqlite_db.h"
#include "support/server_process.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

constexpr int kRounds = 8;
constexpr int kChatsPerRound = 15;

// Ticket events in the event log, by sequence number.
std::vector<std::uint64_t> ticket_events(const std::filesystem::path& data) {
    auto db = sqlite::Connection::open(data / "parley.db", sqlite::Connection::Mode::existing);
    sqlite::Query query(db,
                        "SELECT seq FROM events WHERE payload LIKE '%\"type\":\"ticket_created\"%' "
                        "OR payload LIKE '%\"type\":\"ticket_linked\"%' "
                        "OR payload LIKE '%\"type\":\"ticket_status_changed\"%' ORDER BY seq");
    std::vector<std::uint64_t> seqs;
    while (query.next_row()) {
        seqs.push_back(query.uint_at(0));
    }
    return seqs;
}

// How many deliveries each event has.
std::map<std::uint64_t, std::int64_t> deliveries_by_event(const std::filesystem::path& data) {
    auto db = sqlite::Connection::open(data / "webhooks.db", sqlite::Connection::Mode::existing);
    sqlite::Query query(db, "SELECT seq, count(*) FROM webhook_deliveries GROUP BY seq");
    std::map<std::uint64_t, std::int64_t> counts;
    while (query.next_row()) {
        counts[query.uint_at(0)] = query.int_at(1);
    }
    return counts;
}

// Starts customer chats, then has Sofia (a supervisor) raise a ticket from each in one burst;
// returns once `acks` replies came back, leaving the rest in flight.
void raise_tickets(unsigned short port, int round, int acks) {
    const std::string sofia = demo_staff(port, "sofia");
    std::vector<std::string> chats;
    for (int i = 0; i < kChatsPerRound; ++i) {
        chats.push_back(start_chat(port, "Crash " + std::to_string(round) + "-" + std::to_string(i),
                                   "printer on fire")
                            .chat);
    }
    WsClient agent(port);
    ASSERT_EQ(agent.hello(sofia)["type"], "welcome");
    agent.expect("sync");
    for (const std::string& chat : chats) {
        agent.send({{"type", "create_ticket"},
                    {"command_id", "ticket-" + chat},
                    {"chat", chat},
                    {"kind", "incident"},
                    {"summary", "Printer caught fire"},
                    {"priority", "high"}});
    }
    for (int seen = 0; seen < acks;) {
        const auto message = agent.next();
        ASSERT_TRUE(message) << "the burst went unanswered";
        seen += (*message)["type"] == "ack" ? 1 : 0;
    }
}

TEST(Webhooks_DerivedFromTheLog, EveryTicketEventHasExactlyOneDeliveryAfterSigkills) {
    const auto dir = fresh_temp_dir("parley-webhook-crash-");
    for (int round = 0; round < kRounds; ++round) {
        ServerProcess server(PARLEY_SERVER_BINARY, dir, round == 0);
        ASSERT_NE(server.port(), 0);
        if (round == 0) {
            // Nothing listens on the discard port: deliveries stay pending, which is enough.
            const HttpResult enabled = api(server.port(), Verb::put, "/api/admin/webhook",
                                           {{"url", "http://127.0.0.1:9/hook"},
                                            {"secret", "crash-test-secret"},
                                            {"enabled", true}},
                                           demo_staff(server.port(), "admin"));
            ASSERT_EQ(enabled.status, 200) << enabled.body;
        }
        // A different point of the burst each round, from before the first reply to its end.
        raise_tickets(server.port(), round, round * kChatsPerRound / (kRounds - 1));
        server.kill_hard();
    }
    {
        ServerProcess last(PARLEY_SERVER_BINARY, dir, false);
        ASSERT_NE(last.port(), 0);
        EXPECT_EQ(last.terminate(), 0);
    }
    const auto data = dir / "data";
    const std::vector<std::uint64_t> tickets = ticket_events(data);
    ASSERT_GE(tickets.size(), static_cast<std::size_t>(kChatsPerRound))
        << "too few tickets were committed to test anything";
    std::map<std::uint64_t, std::int64_t> deliveries = deliveries_by_event(data);
    for (const std::uint64_t seq : tickets) {
        EXPECT_EQ(deliveries[seq], 1) << "ticket event " << seq;
        deliveries.erase(seq);
    }
    EXPECT_TRUE(deliveries.empty()) << deliveries.size() << " deliveries have no ticket event";
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace parley::server::testing
