// Chats over REST against a real server: customers start chats and talk, tokens reach only
// their own chat, notes never reach customers, queue membership limits what staff see, the
// staff chat list filters and pages, transcripts, and Idempotency-Key retries.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestChats : public RestTest {
protected:
    void accept(const std::string& token, const std::string& chat) {
        const HttpResult accepted =
            send_command(port(), token, {{"type", "accept_chat"}, {"chat", chat}});
        ASSERT_EQ(accepted.status, 200) << accepted.body;
    }
};

TEST_F(RestChats, CustomerStartsAChatAndTalks) {
    const HttpResult started = api(port(), Verb::post, "/api/chats",
                                   {{"name", "Ann Lee"},
                                    {"email", "ann@example.com"},
                                    {"company", "Acme"},
                                    {"queue", "Billing"},
                                    {"topic", "Invoices"},
                                    {"question", "Where is my invoice?"}});
    ASSERT_EQ(started.status, 201) << started.body;
    const std::string chat = started.json["chat"];
    const std::string token = started.json["token"];
    EXPECT_TRUE(started.json["customer"].get<std::string>().starts_with("cus_"));
    EXPECT_GT(started.json["expires_at"].get<std::int64_t>(), 0);

    const HttpResult seen = api(port(), Verb::get, chat_path(chat), nullptr, token);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.json["queue"], 2);
    EXPECT_EQ(seen.json["status"], "queued");
    EXPECT_EQ(seen.json["bot_context"]["attributes"]["topic"], "Invoices");
    ASSERT_EQ(seen.json["messages"].size(), 1u);
    const std::uint64_t first = seen.json["messages"][0]["id"];
    EXPECT_EQ(seen.json["messages"][0]["text"], "Where is my invoice?");

    const HttpResult posted = api(port(), Verb::post, chat_path(chat, "/messages"),
                                  {{"text", "It was due last week."}}, token);
    ASSERT_EQ(posted.status, 201) << posted.body;
    EXPECT_GT(posted.json["seq"].get<std::uint64_t>(), 0u);
    EXPECT_EQ(posted.json["duplicate"], false);

    const HttpResult after =
        api(port(), Verb::get, chat_path(chat, "/messages?after=" + std::to_string(first)), nullptr,
            token);
    ASSERT_EQ(after.status, 200) << after.body;
    ASSERT_EQ(after.json["messages"].size(), 1u);
    EXPECT_EQ(after.json["messages"][0]["text"], "It was due last week.");
    EXPECT_EQ(after.json["messages"][0]["author"]["kind"], "customer");
    EXPECT_EQ(after.json["chat_status"], "queued");
}

TEST_F(RestChats, StartingAChatChecksItsFields) {
    const HttpResult missing = api(port(), Verb::post, "/api/chats", {{"email", "a@b.c"}});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json["code"], "missing_field");
    const HttpResult object =
        api(port(), Verb::post, "/api/chats", {{"name", {{"first", "Ann"}}}, {"email", "a@b.c"}});
    EXPECT_EQ(object.status, 400);
    EXPECT_EQ(object.json["code"], "wrong_type");
    EXPECT_NE(object.json["message"].get<std::string>().find("name"), std::string::npos);
    const HttpResult array =
        api(port(), Verb::post, "/api/chats", {{"name", "Ann"}, {"email", json::array()}});
    EXPECT_EQ(array.status, 400);
    EXPECT_EQ(array.json["code"], "wrong_type");
    const HttpResult bad_email =
        api(port(), Verb::post, "/api/chats", {{"name", "Ann"}, {"email", "no address"}});
    EXPECT_EQ(bad_email.status, 400);
    const HttpResult unknown_queue = api(port(), Verb::post, "/api/chats",
                                         {{"name", "Ann"}, {"email", "a@b.c"}, {"queue", "Sales"}});
    EXPECT_EQ(unknown_queue.status, 404);
    EXPECT_EQ(unknown_queue.json["code"], "unknown_queue");
    const HttpResult by_id =
        api(port(), Verb::post, "/api/chats", {{"name", "Ann"}, {"email", "a@b.c"}, {"queue", 3}});
    ASSERT_EQ(by_id.status, 201) << by_id.body;
    const HttpResult not_json = http_call(port(), Verb::post, "/api/chats", "name=Ann");
    EXPECT_EQ(not_json.status, 400);
    EXPECT_EQ(not_json.json["code"], "malformed_json");
}

TEST_F(RestChats, ACustomerReachesOnlyTheirOwnChat) {
    const StartedChat ann = start_chat(port(), "Ann", "Hello");
    const StartedChat bob = start_chat(port(), "Bob", "Hi there");
    for (const std::string suffix : {"", "/messages", "/transcript", "/transcript?format=text"}) {
        const HttpResult result =
            api(port(), Verb::get, chat_path(bob.chat, suffix), nullptr, ann.token);
        EXPECT_EQ(result.status, 404) << suffix;
        EXPECT_EQ(result.json["code"], "unknown_chat");
    }
    const HttpResult write = api(port(), Verb::post, chat_path(bob.chat, "/messages"),
                                 {{"text", "Intrusion"}}, ann.token);
    EXPECT_EQ(write.status, 404);
    // A chat that does not exist looks the same.
    const HttpResult nowhere = api(
        port(), Verb::get, chat_path("cht_00000000000000000000000000000999"), nullptr, ann.token);
    EXPECT_EQ(nowhere.status, 404);
    EXPECT_EQ(api(port(), Verb::get, "/api/chats/abc", nullptr, ann.token).status, 404);
    EXPECT_EQ(api(port(), Verb::get, "/api/chats", nullptr, ann.token).status, 403);
}

TEST_F(RestChats, CustomersNeverSeeInternalNotes) {
    const StartedChat ann = start_chat(port(), "Ann", "My order is late");
    const std::string maria = staff("maria");
    accept(maria, ann.chat);
    const HttpResult noted = send_command(
        port(), maria,
        {{"type", "add_note"}, {"chat", ann.chat}, {"text", "VIP customer, refund quietly"}});
    ASSERT_EQ(noted.status, 200) << noted.body;
    const HttpResult answer = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                  {{"text", "Sorry! Checking now."}}, maria);
    ASSERT_EQ(answer.status, 201) << answer.body;

    const HttpResult for_maria = api(port(), Verb::get, chat_path(ann.chat), nullptr, maria);
    ASSERT_EQ(for_maria.status, 200);
    EXPECT_EQ(for_maria.json["notes"].size(), 1u);
    const HttpResult for_ann = api(port(), Verb::get, chat_path(ann.chat), nullptr, ann.token);
    ASSERT_EQ(for_ann.status, 200);
    EXPECT_EQ(for_ann.body.find("VIP customer"), std::string::npos);
    EXPECT_EQ(for_ann.json["status"], "active");
    EXPECT_EQ(for_ann.json["messages"][1]["author"]["kind"], "agent");
    const HttpResult transcript =
        api(port(), Verb::get, chat_path(ann.chat, "/transcript?format=text"), nullptr, ann.token);
    ASSERT_EQ(transcript.status, 200);
    EXPECT_EQ(transcript.body.find("VIP customer"), std::string::npos);
    EXPECT_NE(transcript.body.find("Sorry! Checking now."), std::string::npos);
    const HttpResult as_json =
        api(port(), Verb::get, chat_path(ann.chat, "/transcript"), nullptr, ann.token);
    EXPECT_EQ(as_json.body.find("VIP customer"), std::string::npos);
}

TEST_F(RestChats, AnAgentOutsideTheQueueCannotSeeItsChats) {
    const StartedChat billing = start_chat(port(), "Ann", "Refund please", "Billing");
    const std::string ivan = staff("ivan");
    const HttpResult refused = api(port(), Verb::get, chat_path(billing.chat), nullptr, ivan);
    EXPECT_EQ(refused.status, 404);
    const HttpResult write =
        api(port(), Verb::post, chat_path(billing.chat, "/messages"), {{"text", "hello"}}, ivan);
    EXPECT_EQ(write.status, 404);
    const HttpResult listed = api(port(), Verb::get, "/api/chats", nullptr, ivan);
    ASSERT_EQ(listed.status, 200);
    EXPECT_TRUE(listed.json["chats"].empty());
    const HttpResult maria =
        api(port(), Verb::get, chat_path(billing.chat), nullptr, staff("maria"));
    EXPECT_EQ(maria.status, 200);
}

TEST_F(RestChats, StaffWriteOnlyWhenHoldingTheChat) {
    const StartedChat ann = start_chat(port(), "Ann", "Question");
    const std::string maria = staff("maria");
    const HttpResult early =
        api(port(), Verb::post, chat_path(ann.chat, "/messages"), {{"text", "Hi"}}, maria);
    EXPECT_EQ(early.status, 403) << early.body;
    const HttpResult system = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                  {{"text", "I am the system"}, {"as", "system"}}, ann.token);
    EXPECT_EQ(system.status, 403);
    const HttpResult empty =
        api(port(), Verb::post, chat_path(ann.chat, "/messages"), json::object(), ann.token);
    EXPECT_EQ(empty.status, 400);
    EXPECT_EQ(empty.json["code"], "empty_message");
    const HttpResult wrong = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                 {{"text", json::array({"a"})}}, ann.token);
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(wrong.json["code"], "wrong_type");
}

TEST_F(RestChats, TheChatListFiltersAndPages) {
    start_chat(port(), "Alice Archer", "printer is on fire");
    start_chat(port(), "Bruno Baker", "invoice question", "Billing");
    start_chat(port(), "Carla Cruz", "password reset", "Technical");
    start_chat(port(), "Dmitri Dorn", "printer jam");
    start_chat(port(), "Erin Evans", "hello");
    const std::string sofia = staff("sofia");

    std::vector<std::string> names;
    std::string target = "/api/chats?limit=2";
    for (int page = 0; page < 5; ++page) {
        const HttpResult listed = api(port(), Verb::get, target, nullptr, sofia);
        ASSERT_EQ(listed.status, 200) << listed.body;
        EXPECT_LE(listed.json["chats"].size(), 2u);
        for (const json& row : listed.json["chats"]) {
            names.push_back(row["customer_name"]);
        }
        if (!listed.json.contains("next_cursor")) {
            break;
        }
        target = "/api/chats?limit=2&cursor=" + listed.json["next_cursor"].get<std::string>();
    }
    EXPECT_EQ(names, (std::vector<std::string>{"Erin Evans", "Dmitri Dorn", "Carla Cruz",
                                               "Bruno Baker", "Alice Archer"}));

    const auto count = [&](const std::string& query, const std::string& token) {
        const HttpResult listed = api(port(), Verb::get, "/api/chats?" + query, nullptr, token);
        EXPECT_EQ(listed.status, 200) << query << ": " << listed.body;
        return listed.json["chats"].size();
    };
    EXPECT_EQ(count("q=PRINTER", sofia), 2u);
    EXPECT_EQ(count("customer=bruno", sofia), 1u);
    EXPECT_EQ(count("customer=carla.cruz%40example.com", sofia), 1u);
    EXPECT_EQ(count("queue=2", sofia), 1u);
    EXPECT_EQ(count("status=queued", sofia), 5u);
    EXPECT_EQ(count("status=closed", sofia), 0u);
    EXPECT_EQ(count("from=0&to=1", sofia), 0u);
    // Maria is in General and Billing: the Technical chat is not hers to see.
    EXPECT_EQ(count("limit=200", staff("maria")), 4u);

    const HttpResult row = api(port(), Verb::get, "/api/chats?customer=alice", nullptr, sofia);
    const json& summary = row.json["chats"][0];
    EXPECT_EQ(summary["status"], "queued");
    EXPECT_EQ(summary["queue_name"], "General");
    EXPECT_EQ(summary["message_count"], 1);
    EXPECT_EQ(summary["last_message"]["text"], "printer is on fire");
    EXPECT_FALSE(summary.contains("closed_at")) << "left out while the chat is open";
    EXPECT_FALSE(summary.contains("assignee"));

    EXPECT_EQ(api(port(), Verb::get, "/api/chats?status=lost", nullptr, sofia).status, 400);
    EXPECT_EQ(api(port(), Verb::get, "/api/chats?limit=0", nullptr, sofia).status, 400);
    EXPECT_EQ(api(port(), Verb::get, "/api/chats?cursor=x", nullptr, sofia).status, 400);
}

// `search` is the console's one box: a chat is found by its customer, its operator or its
// messages, newest first, a page at a time.
TEST_F(RestChats, SearchFindsTheCustomerTheOperatorOrTheMessages) {
    const StartedChat alice = start_chat(port(), "Alice Archer", "printer is on fire");
    const StartedChat bob = start_chat(port(), "Bob Ray", "help");
    const StartedChat petra = start_chat(port(), "Petra Printer", "hello");
    const std::string maria = staff("maria");
    for (const json& command :
         {json{{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}},
          json{{"type", "accept_chat"}, {"chat", bob.chat}}}) {
        const HttpResult done = send_command(port(), maria, command);
        ASSERT_EQ(done.status, 200) << done.body;
    }
    const std::string sofia = staff("sofia");
    const auto found = [&](const std::string& query) {
        std::vector<std::string> ids;
        std::string target = "/api/chats?limit=1&" + query;
        for (int page = 0; page < 5; ++page) {
            const HttpResult listed = api(port(), Verb::get, target, nullptr, sofia);
            EXPECT_EQ(listed.status, 200) << query << ": " << listed.body;
            for (const json& row : listed.json["chats"]) {
                ids.push_back(row["id"]);
            }
            if (!listed.json.contains("next_cursor")) {
                break;
            }
            target = "/api/chats?limit=1&" + query +
                     "&cursor=" + listed.json["next_cursor"].get<std::string>();
        }
        return ids;
    };
    EXPECT_EQ(found("search=printer"), (std::vector<std::string>{petra.chat, alice.chat}));
    EXPECT_EQ(found("search=maria"), std::vector<std::string>{bob.chat});
    EXPECT_EQ(found("search=printer&status=queued"),
              (std::vector<std::string>{petra.chat, alice.chat}));
    EXPECT_EQ(found("search=printer&status=active"), std::vector<std::string>{});
    EXPECT_EQ(found("search=nothing-like-it"), std::vector<std::string>{});
}

TEST_F(RestChats, TranscriptsAsTextAndJson) {
    const StartedChat ann = start_chat(port(), "Ann Lee", "My parcel is lost", "Billing");
    const std::string maria = staff("maria");
    accept(maria, ann.chat);
    api(port(), Verb::post, chat_path(ann.chat, "/messages"), {{"text", "Let me look."}}, maria);
    send_command(port(), maria,
                 {{"type", "add_note"}, {"chat", ann.chat}, {"text", "courier claim filed"}});
    const HttpResult closed = send_command(port(), maria,
                                           {{"type", "close_chat"},
                                            {"chat", ann.chat},
                                            {"category", "delivery"},
                                            {"notes", "refund sent"},
                                            {"resolve_ticket", false}});
    ASSERT_EQ(closed.status, 200) << closed.body;

    const HttpResult text =
        api(port(), Verb::get, chat_path(ann.chat, "/transcript?format=text"), nullptr, maria);
    ASSERT_EQ(text.status, 200) << text.body;
    EXPECT_EQ(header(text, "Content-Type"), "text/plain; charset=utf-8");
    EXPECT_TRUE(header(text, "Content-Disposition").starts_with("attachment"));
    EXPECT_NE(text.body.find("Ann Lee: My parcel is lost"), std::string::npos);
    EXPECT_NE(text.body.find("Maria Garcia: Let me look."), std::string::npos);
    EXPECT_NE(text.body.find("courier claim filed"), std::string::npos);
    EXPECT_NE(text.body.find("Resolution: closed (delivery)"), std::string::npos);
    EXPECT_NE(text.body.find("refund sent"), std::string::npos);
    EXPECT_NE(text.body.find("Z] "), std::string::npos);

    const HttpResult customer_text =
        api(port(), Verb::get, chat_path(ann.chat, "/transcript?format=text"), nullptr, ann.token);
    ASSERT_EQ(customer_text.status, 200);
    EXPECT_EQ(customer_text.body.find("Resolution:"), std::string::npos);
    EXPECT_EQ(customer_text.body.find("refund sent"), std::string::npos);
    EXPECT_NE(customer_text.body.find("Closed: "), std::string::npos);

    const HttpResult as_json =
        api(port(), Verb::get, chat_path(ann.chat, "/transcript?format=json"), nullptr, maria);
    ASSERT_EQ(as_json.status, 200);
    EXPECT_EQ(as_json.json["customer_name"], "Ann Lee");
    EXPECT_EQ(as_json.json["queue_name"], "Billing");
    EXPECT_EQ(as_json.json["chat"]["status"], "closed");
    EXPECT_EQ(as_json.json["author_names"]["maria"], "Maria Garcia");
    EXPECT_EQ(api(port(), Verb::get, chat_path(ann.chat, "/transcript?format=pdf"), nullptr, maria)
                  .status,
              400);
}

TEST_F(RestChats, AnIdempotencyKeyRepeatChangesNothing) {
    const StartedChat ann = start_chat(port(), "Ann", "Hello");
    const std::map<std::string, std::string> key = {{"Idempotency-Key", "msg-7f3a"}};
    const HttpResult first = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                 {{"text", "Only once"}}, ann.token, key);
    const HttpResult again = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                 {{"text", "Only once"}}, ann.token, key);
    ASSERT_EQ(first.status, 201) << first.body;
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(first.json["seq"], again.json["seq"]);
    EXPECT_EQ(first.json["duplicate"], false);
    EXPECT_EQ(again.json["duplicate"], true);
    const HttpResult seen = api(port(), Verb::get, chat_path(ann.chat), nullptr, ann.token);
    EXPECT_EQ(seen.json["messages"].size(), 2u);

    // A repeated start never hands out a second token for the same chat.
    const std::map<std::string, std::string> start_key = {{"Idempotency-Key", "start-1"}};
    const json body = {{"name", "Zoe"}, {"email", "zoe@example.com"}};
    EXPECT_EQ(api(port(), Verb::post, "/api/chats", body, {}, start_key).status, 201);
    EXPECT_EQ(api(port(), Verb::post, "/api/chats", body, {}, start_key).status, 409);
}

}  // namespace
}  // namespace parley::server::testing
