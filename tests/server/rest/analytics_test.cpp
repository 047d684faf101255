// GET /api/analytics against a real server: supervisors and admins get the core's figures as
// JSON or a CSV download; agents are refused by the server; bad ranges and groupings get a
// clear 400.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestAnalytics : public RestTest {
protected:
    void ok(const std::string& token, json command) {
        const HttpResult answer = send_command(port(), token, std::move(command));
        ASSERT_EQ(answer.status, 200) << answer.body;
    }

    // One chat Maria answers and closes (rated 4), one the customer leaves while queued.
    void two_chats() {
        const std::string maria = staff("maria");
        ok(maria, {{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
        const StartedChat answered = start_chat(port(), "Ann Lee", "Where is my invoice?");
        ok(maria, {{"type", "accept_chat"}, {"chat", answered.chat}});
        ok(maria, {{"type", "post_agent_message"},
                   {"chat", answered.chat},
                   {"text", "It is in your account."},
                   {"attachments", json::array()}});
        ok(maria, {{"type", "close_chat"},
                   {"chat", answered.chat},
                   {"category", "Billing question"},
                   {"notes", ""},
                   {"resolve_ticket", false}});
        ok(answered.token,
           {{"type", "submit_csat"}, {"chat", answered.chat}, {"score", 4}, {"comment", "Quick"}});
        const StartedChat left = start_chat(port(), "Bob Ray", "Hello?");
        ok(left.token, {{"type", "customer_cancel_chat"}, {"chat", left.chat}});
    }
};

TEST_F(RestAnalytics, SupervisorsGetTheCoresFiguresPerQueueAndAgent) {
    two_chats();
    const std::string sofia = staff("sofia");
    const HttpResult by_queue = api(port(), Verb::get, "/api/analytics?by=queue", nullptr, sofia);
    ASSERT_EQ(by_queue.status, 200) << by_queue.body;
    EXPECT_EQ(by_queue.json["by"], "queue");
    ASSERT_EQ(by_queue.json["rows"].size(), 1u) << by_queue.body;
    const json& general = by_queue.json["rows"][0];
    EXPECT_EQ(general["group"], "General");
    EXPECT_EQ(general["chats"], 2);
    EXPECT_EQ(general["abandoned"], 1);
    EXPECT_DOUBLE_EQ(general["abandonment_rate"].get<double>(), 0.5);
    EXPECT_EQ(general["messages"], 3) << "two questions and one answer";
    EXPECT_EQ(general["first_responses"], 1);
    EXPECT_DOUBLE_EQ(general["csat"].get<double>(), 4.0);
    EXPECT_EQ(general["csat_count"], 1);

    const HttpResult by_agent =
        api(port(), Verb::get, "/api/analytics?by=agent", nullptr, staff("admin"));
    ASSERT_EQ(by_agent.status, 200) << by_agent.body;
    ASSERT_EQ(by_agent.json["rows"].size(), 2u) << by_agent.body;
    EXPECT_EQ(by_agent.json["rows"][0]["group"], "");
    EXPECT_EQ(by_agent.json["rows"][1]["group"], "maria");
    EXPECT_EQ(by_agent.json["rows"][1]["closed"], 1);
}

TEST_F(RestAnalytics, CsvIsADownloadWithAHeaderAndARowPerGroup) {
    two_chats();
    const HttpResult csv = http_call(port(), Verb::get, "/api/analytics?by=channel&format=csv", {},
                                     bearer(staff("sofia")));
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(header(csv, "Content-Type"), "text/csv; charset=utf-8");
    EXPECT_NE(header(csv, "Content-Disposition")
                  .find("attachment; filename=\"parley-analytics-by-channel-"),
              std::string::npos);
    EXPECT_EQ(csv.body.substr(0, csv.body.find("\r\n")),
              "channel,chats,closed,abandoned,abandonment_rate,messages,messages_per_chat,"
              "first_response_s,response_s,resolution_s,wait_s,csat,csat_count");
    EXPECT_NE(csv.body.find("\r\nweb,2,"), std::string::npos) << csv.body;
}

TEST_F(RestAnalytics, AgentsAndStrangersAreRefused) {
    const HttpResult agent =
        api(port(), Verb::get, "/api/analytics?by=queue", nullptr, staff("maria"));
    EXPECT_EQ(agent.status, 403) << agent.body;
    EXPECT_EQ(agent.json["code"], "not_authorized");
    const StartedChat customer = start_chat(port(), "Ann Lee", "Hi");
    EXPECT_EQ(api(port(), Verb::get, "/api/analytics", nullptr, customer.token).status, 403);
    EXPECT_EQ(api(port(), Verb::get, "/api/analytics").status, 401);
}

TEST_F(RestAnalytics, BadQueriesSayWhatIsWrong) {
    const std::string sofia = staff("sofia");
    const auto fails = [&](const std::string& query, const std::string& message) {
        const HttpResult answer = api(port(), Verb::get, "/api/analytics?" + query, nullptr, sofia);
        EXPECT_EQ(answer.status, 400) << query;
        EXPECT_EQ(answer.json["code"], "invalid_value") << query;
        EXPECT_EQ(answer.json["message"], message) << query;
    };
    fails("by=week", "The query parameter by has no value 'week'.");
    fails("format=xlsx", "The query parameter format must be json or csv.");
    fails("from=2000&to=1000", "The range must have from before to, and span at most 367 days.");
    fails("from=0&to=40000000000",
          "The range must have from before to, and span at most 367 days.");
    fails("from=yesterday",
          "The query parameter from must be an integer from 0 to 9223372036854775807.");
}

}  // namespace
}  // namespace parley::server::testing
