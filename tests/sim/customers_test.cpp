// Simulated customers against a real parley-server over real sockets: their chats arrive in
// the demo queues where agents see them, Russian text arrives byte for byte, and a customer
// who cancels while waiting leaves a chat closed as cancelled by the customer.
#include <algorithm>
#include <set>

#include "sim/script/corpus.h"
#include "sim_test_support.h"

namespace parley::sim {
namespace {

using namespace testing;

bool in_corpus(const std::string& text, const Phrasebook& book) {
    for (const Topic topic : kTopics) {
        const auto& questions = book.questions[topic];
        if (std::find(questions.begin(), questions.end(), text) != questions.end()) {
            return true;
        }
    }
    return false;
}

TEST(SimulatedCustomers, ChatsArriveInTheDemoQueuesAndAgentsSeeThem) {
    SimRun run([](SimOptions& options) {
        options.behaviour.cancel_while_waiting = 0;
        options.behaviour.cancel_mid_chat = 0;
    });
    ASSERT_TRUE(run.started);
    // Read while the customers are still there: a customer leaving cancels a waiting chat.
    ASSERT_TRUE(run.reaches([](const StatsSnapshot& now) { return now.chats_started >= 8; }))
        << run.report();
    const TestServer& server = run.server;

    const std::string sofia = sign_in(server.port(), "sofia", "sofia-demo");
    const auto listed = get_as(server.port(), sofia, "/api/chats?limit=200");
    std::set<std::string> queues;
    for (const auto& chat : listed.at("chats")) {
        queues.insert(chat.at("queue_name").get<std::string>());
    }
    EXPECT_GE(listed.at("chats").size(), 8u);
    EXPECT_GE(queues.size(), 2u) << "customers came to only one queue";
    for (const std::string& queue : queues) {
        EXPECT_TRUE(queue == "General" || queue == "Billing" || queue == "Technical") << queue;
    }

    // An agent's own view over the WebSocket holds the chats waiting in her queues.
    const std::string maria = sign_in(server.port(), "maria", "maria-demo");
    parley::server::testing::WsClient agent(server.port());
    ASSERT_EQ(agent.hello(maria).value("type", ""), "welcome");
    const auto sync = agent.expect("sync");
    std::size_t waiting_for_maria = 0;
    for (const auto& chat : sync.at("snapshot").at("chats")) {
        if (chat.at("status") == "queued") {
            ++waiting_for_maria;
            ASSERT_FALSE(chat.at("messages").empty());
            const std::string question = chat.at("messages").at(0).at("text");
            const bool known =
                std::any_of(phrasebooks().begin(), phrasebooks().end(),
                            [&](const Phrasebook& book) { return in_corpus(question, book); });
            EXPECT_TRUE(known) << question;
        }
    }
    EXPECT_GE(waiting_for_maria, 1u);
    EXPECT_EQ(run.simulation->stats().unexpected_refusals, 0u) << run.report();
}

TEST(SimulatedCustomers, RussianArrivesIntact) {
    SimRun run([](SimOptions& options) { options.languages = {"ru"}; });
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.until([](const StatsSnapshot& now) { return now.chats_started >= 3; }))
        << run.report();
    const TestServer& server = run.server;

    const std::string sofia = sign_in(server.port(), "sofia", "sofia-demo");
    const auto chats = chats_in_full(server.port(), sofia);
    ASSERT_GE(chats.size(), 3u);
    const Phrasebook& russian = *phrasebook("ru");
    for (const auto& chat : chats) {
        const std::string question = chat.at("messages").at(0).at("text");
        EXPECT_TRUE(in_corpus(question, russian)) << question;
        // Cyrillic letters are two bytes each in UTF-8: the text was not narrowed anywhere.
        EXPECT_NE(question.find("\xD0"), std::string::npos) << question;
    }
    const auto listed = get_as(server.port(), sofia, "/api/chats?limit=200");
    const std::string name = listed.at("chats").at(0).at("customer_name");
    const auto first = name.substr(0, name.find(' '));
    EXPECT_NE(std::find(russian.first_names.begin(), russian.first_names.end(), first),
              russian.first_names.end())
        << name;
}

TEST(SimulatedCustomers, ACustomerWhoCancelsLeavesACancelledChat) {
    SimRun run([](SimOptions& options) { options.behaviour.cancel_while_waiting = 1; });
    ASSERT_TRUE(run.started);
    ASSERT_TRUE(run.until([](const StatsSnapshot& now) { return now.cancelled >= 2; }))
        << run.report();
    const TestServer& server = run.server;

    const std::string sofia = sign_in(server.port(), "sofia", "sofia-demo");
    const auto closed = chats_in_full(server.port(), sofia, "&status=closed");
    ASSERT_GE(closed.size(), 2u);
    for (const auto& chat : closed) {
        EXPECT_EQ(chat.at("resolution").at("outcome"), "cancelled_by_customer") << chat.dump();
    }
    EXPECT_EQ(run.simulation->stats().unexpected_refusals, 0u) << run.report();
}

}  // namespace
}  // namespace parley::sim
