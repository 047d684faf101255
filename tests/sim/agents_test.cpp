// Simulated agents on a real parley-server: accounts created through the admin API, chats
// accepted, answered, handed over (to a colleague, another queue, or back to the queue) and
// closed with a resolution, as the server's own records show to an admin.
#include <algorithm>
#include <set>

#include "sim_test_support.h"

namespace parley::sim {
namespace {

using namespace testing;

TEST(SimulatedAgents, AcceptAnswerHandOverAndCloseWithResolutions) {
    SimRun run([](SimOptions& options) {
        options.customers_per_minute = 90;
        options.agents = 3;
        options.behaviour.cancel_while_waiting = 0;
        options.behaviour.transfer_to_agent = 0.3;
        options.behaviour.transfer_to_queue = 0.2;
        options.behaviour.release = 0.2;
    });
    ASSERT_TRUE(run.started);
    const auto agents = run.simulation->agent_ids();
    ASSERT_EQ(agents.size(), 3u);
    ASSERT_TRUE(run.until(
        [](const StatsSnapshot& now) {
            return now.resolutions >= 6 && now.transfers >= 1 && now.releases >= 1;
        },
        std::chrono::seconds(180)))
        << run.report();
    const TestServer& server = run.server;

    const std::string admin = sign_in(server.port(), "admin", "admin-demo");
    const auto staff = get_as(server.port(), admin, "/api/agents").at("agents");
    for (const std::string& id : agents) {
        EXPECT_TRUE(std::any_of(staff.begin(), staff.end(), [&](const auto& agent) {
            return agent.at("id") == id;
        })) << id;
    }

    const auto closed = chats_in_full(server.port(), admin, "&status=closed");
    std::size_t closed_by_sim = 0;
    std::size_t answered_by_sim = 0;
    for (const auto& chat : closed) {
        const auto& resolution = chat.at("resolution");
        const std::string by = resolution.at("closed_by");
        if (std::find(agents.begin(), agents.end(), by) == agents.end()) {
            continue;
        }
        ++closed_by_sim;
        EXPECT_FALSE(resolution.at("category").get<std::string>().empty() &&
                     resolution.at("outcome") != "abandoned")
            << chat.dump();
        const auto& messages = chat.at("messages");
        answered_by_sim += std::count_if(messages.begin(), messages.end(), [&](const auto& m) {
                               return m.at("author").at("kind") == "agent";
                           }) > 0;
    }
    EXPECT_GE(closed_by_sim, 5u);

    // Hand-overs as the server recorded them: a chat answered first by one agent that is now
    // back in a queue, waiting for a transfer to be taken, or held or closed by someone else.
    std::size_t changed_hands = 0;
    const nlohmann::json none;
    for (const auto& chat : chats_in_full(server.port(), admin)) {
        const auto first = chat.value("first_responder", none);
        if (first.is_null()) {
            continue;
        }
        const std::string status = chat.at("status");
        const auto holder = status == "active"   ? chat.value("assignee", none)
                            : status == "closed" ? chat.at("resolution").value("closed_by", none)
                                                 : none;
        changed_hands += holder != first;
    }
    EXPECT_GE(changed_hands, 1u);
    EXPECT_GE(answered_by_sim, 5u);
    EXPECT_EQ(run.simulation->stats().unexpected_refusals, 0u) << run.report();
}

}  // namespace
}  // namespace parley::sim
