// Administration over REST against a real server: staff accounts, API keys from creation to
// revocation (an integration starting a chat in between), the organisation's reads, and
// POST /api/commands with its duplicates and rejections.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestAdmin : public RestTest {
protected:
    json new_agent(const std::string& id) {
        return {{"id", id},          {"name", "Lena Novak"}, {"role", "agent"},
                {"company", "Acme"}, {"capacity", 5},        {"password", "lena-secret-1"},
                {"queues", {1, 2}}};
    }
};

TEST_F(RestAdmin, AnAdminCreatesAnAgentWhoCanSignIn) {
    const std::string admin = staff("admin");
    const HttpResult created =
        api(port(), Verb::post, "/api/admin/agents", new_agent("lena"), admin);
    ASSERT_EQ(created.status, 201) << created.body;
    EXPECT_EQ(created.json["id"], "lena");
    EXPECT_EQ(created.json["queues"], json({1, 2}));

    const std::string lena = sign_in(port(), "lena", "lena-secret-1");
    ASSERT_FALSE(lena.empty());
    const HttpResult agents = api(port(), Verb::get, "/api/agents", nullptr, lena);
    ASSERT_EQ(agents.status, 200);
    bool found = false;
    for (const json& agent : agents.json["agents"]) {
        if (agent["id"] == "lena") {
            found = true;
            EXPECT_EQ(agent["name"], "Lena Novak");
            EXPECT_EQ(agent["capacity"], 5);
            EXPECT_EQ(agent["queues"], json({1, 2}));
            EXPECT_EQ(agent["presence"], "offline");
            EXPECT_EQ(agent["load"], 0);
        }
    }
    EXPECT_TRUE(found);

    const HttpResult again = api(port(), Verb::post, "/api/admin/agents", new_agent("lena"), admin);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json["code"], "agent_exists");
}

TEST_F(RestAdmin, CreatingAnAgentChecksEverythingFirst) {
    const std::string admin = staff("admin");
    json weak = new_agent("weak");
    weak["password"] = "short";
    EXPECT_EQ(api(port(), Verb::post, "/api/admin/agents", weak, admin).json["code"],
              "weak_password");
    json queue = new_agent("lost");
    queue["queues"] = {1, 42};
    const HttpResult unknown = api(port(), Verb::post, "/api/admin/agents", queue, admin);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.json["code"], "unknown_queue");
    // Nothing was half made: the id is still free.
    EXPECT_EQ(api(port(), Verb::post, "/api/admin/agents", new_agent("lost"), admin).status, 201);
    json role = new_agent("odd");
    role["role"] = "king";
    EXPECT_EQ(api(port(), Verb::post, "/api/admin/agents", role, admin).status, 400);
    json typed = new_agent("typed");
    typed["capacity"] = "five";
    const HttpResult wrong = api(port(), Verb::post, "/api/admin/agents", typed, admin);
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(wrong.json["code"], "wrong_type");
}

TEST_F(RestAdmin, OnlyAdminsAdminister) {
    for (const std::string who : {"maria", "sofia"}) {
        const std::string token = staff(who);
        const HttpResult refused =
            api(port(), Verb::post, "/api/admin/agents", new_agent("x" + who), token);
        EXPECT_EQ(refused.status, 403) << who;
        EXPECT_EQ(refused.json["code"], "not_authorized");
        EXPECT_EQ(api(port(), Verb::get, "/api/admin/api-keys", nullptr, token).status, 403);
        EXPECT_EQ(api(port(), Verb::put, "/api/admin/agents/ivan/password",
                      {{"password", "a new password"}}, token)
                      .status,
                  403);
    }
    const StartedChat ann = start_chat(port(), "Ann", "Hi");
    EXPECT_EQ(api(port(), Verb::get, "/api/queues", nullptr, ann.token).status, 403);
    EXPECT_EQ(api(port(), Verb::post, "/api/admin/api-keys", {{"name", "x"}}, ann.token).status,
              403);
}

TEST_F(RestAdmin, AnAdminResetsAPasswordAndEndsTheSessions) {
    const std::string ivan = staff("ivan");
    const std::string admin = staff("admin");
    const HttpResult reset = api(port(), Verb::put, "/api/admin/agents/ivan/password",
                                 {{"password", "ivan-new-secret"}}, admin);
    ASSERT_EQ(reset.status, 200) << reset.body;
    EXPECT_EQ(api(port(), Verb::get, "/api/session", nullptr, ivan).status, 401);
    EXPECT_FALSE(sign_in(port(), "ivan", "ivan-new-secret").empty());
    const HttpResult nobody = api(port(), Verb::put, "/api/admin/agents/nobody/password",
                                  {{"password", "whatever-123"}}, admin);
    EXPECT_EQ(nobody.status, 404);
}

TEST_F(RestAdmin, ApiKeysFromCreationToRevocation) {
    const std::string admin = staff("admin");
    const HttpResult created =
        api(port(), Verb::post, "/api/admin/api-keys", {{"name", "Telegram gateway"}}, admin);
    ASSERT_EQ(created.status, 201) << created.body;
    const std::string key = created.json["key"];
    const std::string id = created.json["id"];
    ASSERT_TRUE(key.starts_with(id + "."));
    const std::string secret = key.substr(id.size() + 1);

    const HttpResult listed = api(port(), Verb::get, "/api/admin/api-keys", nullptr, admin);
    ASSERT_EQ(listed.status, 200);
    ASSERT_EQ(listed.json["api_keys"].size(), 1u);
    EXPECT_EQ(listed.json["api_keys"][0]["name"], "Telegram gateway");
    EXPECT_EQ(listed.json["api_keys"][0]["created_by"], "admin");
    EXPECT_EQ(listed.json["api_keys"][0]["revoked"], false);
    EXPECT_FALSE(listed.json["api_keys"][0].contains("key"));
    EXPECT_EQ(listed.body.find(secret), std::string::npos);

    const json start = {
        {"customer",
         {{"name", "Olga"}, {"contact", "@olga"}, {"company", "Acme"}, {"external_id", "tg-42"}}},
        {"channel", "telegram"},
        {"queue", "Technical"},
        {"question", "The bot could not help me"},
        {"bot_transcript",
         {{{"speaker", "customer"}, {"text", "router broken"}},
          {{"speaker", "bot"}, {"text", "Did you restart it?"}}}},
        {"intent", "router_issue"},
        {"context", {{"plan", "pro"}}},
        {"external_ids", {{"crm", "C-7"}}}};
    const HttpResult chat = api(port(), Verb::post, "/api/chats", start, key);
    ASSERT_EQ(chat.status, 201) << chat.body;
    EXPECT_FALSE(chat.json["token"].get<std::string>().empty());
    const std::string chat_id = chat.json["chat"];

    const HttpResult seen = api(port(), Verb::get, chat_path(chat_id), nullptr, key);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.json["channel"], "telegram");
    EXPECT_EQ(seen.json["queue"], 3);
    EXPECT_EQ(seen.json["bot_context"]["intent"], "router_issue");
    EXPECT_EQ(seen.json["bot_context"]["transcript"].size(), 2u);
    EXPECT_EQ(seen.json["bot_context"]["attributes"]["plan"], "pro");
    EXPECT_EQ(seen.json["bot_context"]["attributes"]["external_id.crm"], "C-7");
    EXPECT_EQ(seen.json["bot_context"]["attributes"]["external_id"], "tg-42");

    const HttpResult relayed =
        api(port(), Verb::post, chat_path(chat_id, "/messages"), {{"text", "Still broken"}}, key);
    EXPECT_EQ(relayed.status, 201) << relayed.body;
    const HttpResult notice =
        api(port(), Verb::post, chat_path(chat_id, "/messages"),
            {{"text", "Customer switched to WhatsApp"}, {"as", "system"}}, key);
    EXPECT_EQ(notice.status, 201) << notice.body;
    const HttpResult customer_view =
        api(port(), Verb::get, chat_path(chat_id), nullptr, chat.json["token"]);
    EXPECT_EQ(customer_view.status, 200);
    EXPECT_EQ(customer_view.json["messages"].size(), 3u);

    const HttpResult revoked =
        api(port(), Verb::delete_, "/api/admin/api-keys/" + id, nullptr, admin);
    ASSERT_EQ(revoked.status, 200) << revoked.body;
    const HttpResult after = api(port(), Verb::get, chat_path(chat_id), nullptr, key);
    EXPECT_EQ(after.status, 401);
    EXPECT_EQ(after.json["code"], "invalid_api_key");
    // Starting a chat is open to customers, but a revoked key is refused, not taken for one.
    const HttpResult handoff_after =
        api(port(), Verb::post, "/api/chats",
            {{"customer", {{"name", "Olga"}}}, {"question", "help"}}, key);
    EXPECT_EQ(handoff_after.status, 401) << handoff_after.body;
    EXPECT_EQ(handoff_after.json["code"], "invalid_api_key");
    EXPECT_EQ(api(port(), Verb::get, "/api/admin/api-keys", nullptr, admin)
                  .json["api_keys"][0]["revoked"],
              true);
    EXPECT_EQ(api(port(), Verb::delete_, "/api/admin/api-keys/key_nope", nullptr, admin).status,
              404);
}

TEST_F(RestAdmin, AnIntegrationRetryGetsTheSameChat) {
    const std::string admin = staff("admin");
    const std::string key =
        api(port(), Verb::post, "/api/admin/api-keys", {{"name", "bot"}}, admin).json["key"];
    const json start = {{"customer", {{"name", "Olga"}}}, {"question", "help"}};
    const std::map<std::string, std::string> retry = {{"Idempotency-Key", "handoff-991"}};
    const HttpResult first = api(port(), Verb::post, "/api/chats", start, key, retry);
    const HttpResult second = api(port(), Verb::post, "/api/chats", start, key, retry);
    ASSERT_EQ(first.status, 201) << first.body;
    ASSERT_EQ(second.status, 201) << second.body;
    EXPECT_EQ(first.json["chat"], second.json["chat"]);
    EXPECT_EQ(first.json["customer"], second.json["customer"]);
    const HttpResult missing = api(port(), Verb::post, "/api/chats", {{"question", "x"}}, key);
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(missing.json["code"], "missing_field");
}

TEST_F(RestAdmin, StaffReadTheOrganisation) {
    const std::string maria = staff("maria");
    const HttpResult queues = api(port(), Verb::get, "/api/queues", nullptr, maria);
    ASSERT_EQ(queues.status, 200);
    ASSERT_EQ(queues.json["queues"].size(), 3u);
    EXPECT_EQ(queues.json["queues"][1]["name"], "Billing");
    EXPECT_EQ(queues.json["queues"][2]["mode"], "auto");
    EXPECT_EQ(queues.json["queues"][0]["waiting"], 0);

    start_chat(port(), "Ann", "Waiting");
    EXPECT_EQ(api(port(), Verb::get, "/api/queues", nullptr, maria).json["queues"][0]["waiting"],
              1);

    const HttpResult canned = api(port(), Verb::get, "/api/canned-responses", nullptr, maria);
    ASSERT_EQ(canned.status, 200);
    EXPECT_EQ(canned.json["canned_responses"].size(), 4u);
    const HttpResult mine = send_command(port(), maria,
                                         {{"type", "create_canned_response"},
                                          {"title", "Mine"},
                                          {"shortcut", "m"},
                                          {"text", "Personal text"},
                                          {"personal", true}});
    ASSERT_EQ(mine.status, 200) << mine.body;
    EXPECT_EQ(api(port(), Verb::get, "/api/canned-responses", nullptr, maria)
                  .json["canned_responses"]
                  .size(),
              5u);
    EXPECT_EQ(api(port(), Verb::get, "/api/canned-responses", nullptr, staff("ivan"))
                  .json["canned_responses"]
                  .size(),
              4u);

    const HttpResult settings = api(port(), Verb::get, "/api/settings", nullptr, maria);
    ASSERT_EQ(settings.status, 200);
    EXPECT_EQ(settings.json["settings"]["max_message_length"], 4000);
}

TEST_F(RestAdmin, CommandsRunAsTheCaller) {
    const std::string admin = staff("admin");
    const json create = {{"type", "create_queue"},
                         {"command_id", "cq-1"},
                         {"config",
                          {{"name", "Sales"},
                           {"mode", "offer"},
                           {"reminder_delay", 900000},
                           {"auto_close_delay", 1800000},
                           {"offer_timeout", 30000},
                           {"transfer_timeout", 120000},
                           {"target_wait", 60000},
                           {"accepts_transfers", true}}}};
    const HttpResult first = send_command(port(), admin, create);
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_EQ(first.json["duplicate"], false);
    const HttpResult again = send_command(port(), admin, create);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(again.json["duplicate"], true);
    EXPECT_EQ(again.json["seq"], first.json["seq"]);
    EXPECT_EQ(api(port(), Verb::get, "/api/queues", nullptr, admin).json["queues"].size(), 4u);

    json clash = create;
    clash["command_id"] = "cq-2";
    const HttpResult taken = send_command(port(), admin, clash);
    EXPECT_EQ(taken.status, 409);
    EXPECT_EQ(taken.json["code"], "queue_name_taken");

    const HttpResult member = send_command(
        port(), admin, {{"type", "add_queue_member"}, {"queue", 4}, {"agent", "chen"}});
    EXPECT_EQ(member.status, 200) << member.body;

    clash["command_id"] = "cq-3";
    clash["config"]["name"] = "Sales 2";
    EXPECT_EQ(send_command(port(), staff("maria"), clash).status, 403);

    const HttpResult malformed =
        http_call(port(), Verb::post, "/api/commands", "{nope", bearer(admin));
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(malformed.json["code"], "malformed_json");
    const HttpResult unknown = send_command(port(), admin, {{"type", "launch_rocket"}});
    EXPECT_EQ(unknown.status, 400);
    EXPECT_EQ(unknown.json["code"], "unknown_type");
    const HttpResult wrong =
        send_command(port(), admin, {{"type", "accept_chat"}, {"chat", {{"id", 1}}}});
    EXPECT_EQ(wrong.status, 400);
    EXPECT_EQ(wrong.json["code"], "wrong_type");
    const HttpResult no_id = http_call(port(), Verb::post, "/api/commands",
                                       R"({"type":"accept_next_chat"})", bearer(admin));
    EXPECT_EQ(no_id.status, 400);
}

}  // namespace
}  // namespace parley::server::testing
