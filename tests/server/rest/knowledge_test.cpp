// The knowledge base and outage notices over REST against a real server with the demo
// organisation (maria: General and Billing; ivan: General and Technical) and its knowledge
// base: who reads which article, admin-only writes, input errors, a chat's suggestions, and
// the outage greeting.
#include <chrono>
#include <thread>

#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

std::vector<std::string> titles(const HttpResult& answer) {
    std::vector<std::string> out;
    for (const json& article : answer.json["articles"]) {
        out.push_back(article["title"]);
    }
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

class RestKnowledge : public RestTest {
protected:
    HttpResult get(const std::string& target, const std::string& token) {
        return api(server.port(), Verb::get, target, nullptr, token);
    }
    HttpResult send(Verb verb, const std::string& target, const json& body,
                    const std::string& token) {
        return api(server.port(), verb, target, body, token);
    }
    // The id of the demo article with this title, as the admin finds it.
    std::uint64_t article_id(const std::string& title) {
        const HttpResult listed = get("/api/knowledge/articles", staff("admin"));
        for (const json& article : listed.json["articles"]) {
            if (article["title"] == title) {
                return article["id"];
            }
        }
        ADD_FAILURE() << "no article " << title;
        return 0;
    }
    static json article(const std::string& title) {
        return {{"title", title},        {"body", "Steps to follow."},
                {"tags", {"steps"}},     {"queues", {3}},
                {"status", "published"}, {"link", "https://help.example/steps"}};
    }
};

TEST_F(RestKnowledge, SearchRanksAndSnippets) {
    const HttpResult found =
        get("/api/knowledge/articles?q=refund%20money&limit=3", staff("maria"));
    ASSERT_EQ(found.status, 200) << found.body;
    ASSERT_FALSE(found.json["articles"].empty());
    const json& first = found.json["articles"][0];
    EXPECT_EQ(first["title"], "How refunds work");
    EXPECT_EQ(first["status"], "published");
    EXPECT_EQ(first["queues"], json::array({2}));
    EXPECT_NE(first["snippet"].get<std::string>().find("money back"), std::string::npos);
    EXPECT_LE(found.json["articles"].size(), 3u);

    const HttpResult russian =
        get("/api/knowledge/articles?q=%D0%BF%D0%BB%D0%B0%D1%82%D0%B5%D0%B6%D0%B8", staff("maria"));
    ASSERT_EQ(russian.status, 200) << russian.body;
    EXPECT_EQ(titles(russian).front(), "Как вернуть деньги за платёж");
}

TEST_F(RestKnowledge, AgentsReadOnlyPublishedArticlesOfTheirQueues) {
    const std::uint64_t refunds = article_id("How refunds work");
    const std::uint64_t draft = article_id("New billing portal (draft)");
    const std::string path = "/api/knowledge/articles/" + std::to_string(refunds);
    EXPECT_EQ(get(path, staff("maria")).status, 200);
    const HttpResult ivan = get(path, staff("ivan"));
    EXPECT_EQ(ivan.status, 404) << ivan.body;
    EXPECT_EQ(ivan.json["code"], "unknown_article");
    EXPECT_FALSE(
        has(titles(get("/api/knowledge/articles?q=refund", staff("ivan"))), "How refunds work"));
    EXPECT_TRUE(
        has(titles(get("/api/knowledge/articles", staff("ivan"))), "Resetting your password"));

    const std::string draft_path = "/api/knowledge/articles/" + std::to_string(draft);
    EXPECT_EQ(get(draft_path, staff("maria")).status, 404);
    EXPECT_EQ(get(draft_path, staff("sofia")).status, 404);
    EXPECT_EQ(get(draft_path, staff("admin")).json["status"], "draft");
    EXPECT_FALSE(has(titles(get("/api/knowledge/articles?q=portal", staff("maria"))),
                     "New billing portal (draft)"));
    EXPECT_TRUE(has(titles(get("/api/knowledge/articles?q=portal", staff("admin"))),
                    "New billing portal (draft)"));
}

TEST_F(RestKnowledge, CustomersAndStrangersAreRefused) {
    const StartedChat chat = start_chat(server.port(), "Ann Lee", "refund?", "Billing");
    const HttpResult customer = get("/api/knowledge/articles?q=refund", chat.token);
    EXPECT_EQ(customer.status, 403) << customer.body;
    EXPECT_EQ(customer.json["code"], "not_authorized");
    EXPECT_EQ(get("/api/knowledge/suggestions?chat=" + chat.chat, chat.token).status, 403);
    EXPECT_EQ(get("/api/outages", chat.token).status, 403);
    const HttpResult nobody = get("/api/knowledge/articles", "");
    EXPECT_EQ(nobody.status, 401) << nobody.body;
    EXPECT_EQ(nobody.json["code"], "not_signed_in");
}

TEST_F(RestKnowledge, OnlyAdminsWrite) {
    const HttpResult agent =
        send(Verb::post, "/api/knowledge/articles", article("Steps"), staff("maria"));
    EXPECT_EQ(agent.status, 403) << agent.body;
    EXPECT_EQ(agent.json["code"], "not_authorized");
    EXPECT_EQ(send(Verb::post, "/api/knowledge/articles", article("Steps"), staff("sofia")).status,
              403);

    const std::string admin = staff("admin");
    const HttpResult created = send(Verb::post, "/api/knowledge/articles", article("Steps"), admin);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string path = "/api/knowledge/articles/" + created.json["id"].dump();
    EXPECT_EQ(created.json["link"], "https://help.example/steps");
    EXPECT_GT(created.json["updated_at"].get<std::int64_t>(), 0);
    EXPECT_EQ(get(path, staff("ivan")).json["title"], "Steps");
    EXPECT_EQ(get(path, staff("maria")).status, 404);

    json changed = article("Steps, revised");
    changed["status"] = "draft";
    EXPECT_EQ(send(Verb::put, path, changed, staff("maria")).status, 403);
    const HttpResult updated = send(Verb::put, path, changed, admin);
    ASSERT_EQ(updated.status, 200) << updated.body;
    EXPECT_EQ(updated.json["title"], "Steps, revised");
    EXPECT_EQ(get(path, staff("ivan")).status, 404);

    EXPECT_EQ(send(Verb::delete_, path, nullptr, staff("maria")).status, 403);
    EXPECT_EQ(send(Verb::delete_, path, nullptr, admin).json["deleted"], true);
    EXPECT_EQ(send(Verb::delete_, path, nullptr, admin).status, 404);
    EXPECT_EQ(send(Verb::put, path, changed, admin).json["code"], "unknown_article");
}

TEST_F(RestKnowledge, BadInputGetsAClearError) {
    const std::string admin = staff("admin");
    const auto refused = [&](json body, int status, const std::string& code) {
        const HttpResult answer = send(Verb::post, "/api/knowledge/articles", body, admin);
        EXPECT_EQ(answer.status, status) << body.dump() << " → " << answer.body;
        EXPECT_EQ(answer.json["code"], code) << body.dump();
        EXPECT_FALSE(answer.json.value("message", "").empty());
    };
    json no_title = article("x");
    no_title.erase("title");
    refused(no_title, 400, "missing_field");
    json blank = article("   ");
    refused(blank, 400, "missing_argument");
    json long_body = article("Long");
    long_body["body"] = std::string(30000, 'x');
    refused(long_body, 400, "invalid_value");
    json wrong_queues = article("Queues");
    wrong_queues["queues"] = "Billing";
    refused(wrong_queues, 400, "wrong_type");
    json unknown_queue = article("Queues");
    unknown_queue["queues"] = {42};
    refused(unknown_queue, 404, "unknown_queue");
    json bad_status = article("Status");
    bad_status["status"] = "hidden";
    refused(bad_status, 400, "invalid_value");
    json bad_link = article("Link");
    bad_link["link"] = "javascript:alert(1)";
    refused(bad_link, 400, "invalid_argument");
    const HttpResult not_json =
        http_call(server.port(), Verb::post, "/api/knowledge/articles", "[1,2]", bearer(admin));
    EXPECT_EQ(not_json.status, 400);
    EXPECT_EQ(get("/api/knowledge/articles/abc", admin).json["code"], "unknown_article");
    EXPECT_EQ(get("/api/knowledge/articles?limit=0", admin).json["code"], "invalid_value");
    EXPECT_EQ(get("/api/knowledge/suggestions", admin).json["code"], "missing_field");
    EXPECT_EQ(get("/api/knowledge/suggestions?chat=nope", admin).json["code"], "unknown_chat");
}

TEST_F(RestKnowledge, SuggestionsFollowTheCustomer) {
    const StartedChat chat = start_chat(server.port(), "Ann Lee",
                                        "Hello, I'd like my money back for last month", "Billing");
    const std::string path = "/api/knowledge/suggestions?chat=" + chat.chat;
    const HttpResult first = get(path, staff("maria"));
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json["chat"], chat.chat);
    EXPECT_EQ(titles(first).front(), "How refunds work");

    const HttpResult ivan = get(path, staff("ivan"));
    EXPECT_EQ(ivan.status, 404) << ivan.body;
    EXPECT_EQ(ivan.json["code"], "unknown_chat");

    const HttpResult posted = api(server.port(), Verb::post, chat_path(chat.chat, "/messages"),
                                  {{"text", "Also I cannot reset my password"}}, chat.token);
    ASSERT_EQ(posted.status, 201) << posted.body;
    const HttpResult later = get(path, staff("maria"));
    EXPECT_GT(later.json["message"].get<std::uint64_t>(),
              first.json["message"].get<std::uint64_t>());
    EXPECT_TRUE(has(titles(later), "Resetting your password"));
}

TEST_F(RestKnowledge, OutagesAreListedAndGreetNewChats) {
    const std::string admin = staff("admin");
    const HttpResult listed = get("/api/outages", staff("maria"));
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json["outages"].size(), 1u);
    EXPECT_EQ(listed.json["outages"][0]["service"], "Card payments");
    EXPECT_EQ(listed.json["outages"][0]["current"], true);

    const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 std::chrono::system_clock::now().time_since_epoch())
                                 .count();
    const json outage = {{"title", "Login is slow"},
                         {"service", "Sign-in"},
                         {"starts_at", now - 60000},
                         {"expected_end", now + 3600000},
                         {"greet_queues", {3}}};
    EXPECT_EQ(send(Verb::post, "/api/outages", outage, staff("maria")).status, 403);
    json backwards = outage;
    backwards["expected_end"] = now - 120000;
    EXPECT_EQ(send(Verb::post, "/api/outages", backwards, admin).json["code"], "invalid_argument");
    const HttpResult created = send(Verb::post, "/api/outages", outage, admin);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(get("/api/outages", staff("ivan")).json["outages"].size(), 2u);

    const StartedChat technical = start_chat(server.port(), "Olga", "cannot sign in", "Technical");
    const StartedChat billing = start_chat(server.port(), "Bob", "invoice?", "Billing");
    const auto notices = [&](const StartedChat& chat) {
        std::vector<std::string> out;
        const HttpResult read = get(chat_path(chat.chat, "/messages"), chat.token);
        for (const json& message : read.json["messages"]) {
            if (message["author"]["kind"] == "system") {
                out.push_back(message["text"]);
            }
        }
        return out;
    };
    for (int i = 0; i < 50 && notices(technical).empty(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_EQ(notices(technical).size(), 1u);
    EXPECT_NE(notices(technical).front().find("Sign-in"), std::string::npos);
    EXPECT_TRUE(notices(billing).empty());

    const std::string path = "/api/outages/" + created.json["id"].dump();
    EXPECT_EQ(send(Verb::delete_, path, nullptr, admin).json["deleted"], true);
    EXPECT_EQ(get("/api/outages", staff("ivan")).json["outages"].size(), 1u);
    EXPECT_EQ(send(Verb::put, path, outage, admin).json["code"], "unknown_outage");
}

}  // namespace
}  // namespace parley::server::testing
