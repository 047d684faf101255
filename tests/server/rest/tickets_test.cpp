// Tickets and customer profiles over REST against a real server: the service desk (an API key)
// resolves a ticket and the State and GET /api/tickets show it; an agent who may not see a chat
// gets neither its ticket nor it in the customer's list; profiles are attached by API key only
// and bad input is refused with a clear error.
#include <future>

#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

class RestTickets : public RestTest {
protected:
    void SetUp() override {
        chen = staff("chen");
        ivan = staff("ivan");
        // Billing: chen's queue, not ivan's.
        chat = start_chat(port(), "Olga Berg", "I was charged twice", "Billing");
        ASSERT_EQ(send_command(port(), chen, {{"type", "accept_chat"}, {"chat", chat.chat}}).status,
                  200);
        const HttpResult created = send_command(port(), chen,
                                                {{"type", "create_ticket"},
                                                 {"chat", chat.chat},
                                                 {"kind", "case"},
                                                 {"summary", "Refund the double charge"},
                                                 {"priority", "normal"}});
        ASSERT_EQ(created.status, 200) << created.body;
        const HttpResult made = api(port(), Verb::post, "/api/admin/api-keys",
                                    {{"name", "Service desk"}}, staff("admin"));
        ASSERT_EQ(made.status, 201) << made.body;
        key = made.json["key"];
    }
    core::TicketStatus status_in_state(core::TicketId id) {
        std::promise<core::TicketStatus> status;
        server.server().services().authority.read([&](const core::State& state, std::uint64_t) {
            status.set_value(state.find_ticket(id)->status);
        });
        return status.get_future().get();
    }
    std::string customer_path(const std::string& rest) {
        return "/api/customers/" + chat.customer + rest;
    }

    std::string chen;
    std::string ivan;
    std::string key;
    StartedChat chat;
};

TEST_F(RestTickets, TheServiceDeskResolvesATicketAndTheConsoleSeesIt) {
    const HttpResult before = api(port(), Verb::get, "/api/tickets/1", nullptr, key);
    ASSERT_EQ(before.status, 200) << before.body;
    EXPECT_EQ(before.json["ticket"]["status"], "open");
    EXPECT_EQ(before.json["ticket"]["chat"], chat.chat);
    EXPECT_EQ(before.json["ticket"]["created_by_name"], "Chen Wei");

    const HttpResult resolved = api(port(), Verb::post, "/api/tickets/1/status",
                                    {{"status", "resolved"}, {"reference", "SD-1042"}}, key);
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    EXPECT_EQ(resolved.json["ticket"]["status"], "resolved");
    EXPECT_EQ(status_in_state(1), core::TicketStatus::resolved);
    const HttpResult seen = api(port(), Verb::get, "/api/tickets/1", nullptr, chen);
    ASSERT_EQ(seen.status, 200) << seen.body;
    EXPECT_EQ(seen.json["ticket"]["status"], "resolved");
    EXPECT_EQ(seen.json["ticket"]["reference"], "SD-1042");

    const HttpResult again =
        api(port(), Verb::post, "/api/tickets/1/status", {{"status", "resolved"}}, key);
    EXPECT_EQ(again.status, 409);
    EXPECT_EQ(again.json["code"], "ticket_unchanged");
    EXPECT_EQ(api(port(), Verb::post, "/api/tickets/1/status", {{"status", "open"}}, chen).status,
              200);
}

TEST_F(RestTickets, AnAgentWhoMayNotSeeTheChatGetsNeitherItsTicketNorIt) {
    EXPECT_EQ(api(port(), Verb::get, "/api/tickets/1", nullptr, ivan).status, 404);
    const HttpResult change =
        api(port(), Verb::post, "/api/tickets/1/status", {{"status", "resolved"}}, ivan);
    EXPECT_EQ(change.status, 404);
    EXPECT_EQ(change.json["code"], "unknown_ticket");
    EXPECT_EQ(status_in_state(1), core::TicketStatus::open);

    const HttpResult hidden = api(port(), Verb::get, customer_path("/tickets"), nullptr, ivan);
    ASSERT_EQ(hidden.status, 200) << hidden.body;
    EXPECT_TRUE(hidden.json["tickets"].empty());
    EXPECT_TRUE(hidden.json["chats"].empty());
    EXPECT_FALSE(hidden.json.contains("customer"));

    const HttpResult listed = api(port(), Verb::get, customer_path("/tickets"), nullptr, chen);
    ASSERT_EQ(listed.status, 200) << listed.body;
    ASSERT_EQ(listed.json["tickets"].size(), 1u);
    EXPECT_EQ(listed.json["tickets"][0]["summary"], "Refund the double charge");
    ASSERT_EQ(listed.json["chats"].size(), 1u);
    EXPECT_EQ(listed.json["customer"]["name"], "Olga Berg");
}

TEST_F(RestTickets, CustomersNeverReadOrChangeTickets) {
    EXPECT_EQ(api(port(), Verb::get, "/api/tickets/1", nullptr, chat.token).status, 404);
    EXPECT_EQ(api(port(), Verb::post, "/api/tickets/1/status", {{"status", "resolved"}}, chat.token)
                  .status,
              403);
    EXPECT_EQ(api(port(), Verb::get, customer_path("/tickets"), nullptr, chat.token).status, 403);
    EXPECT_EQ(api(port(), Verb::get, "/api/tickets/1").status, 401);
}

TEST_F(RestTickets, BadStatusRequestsGetClearErrors) {
    const HttpResult unknown_status =
        api(port(), Verb::post, "/api/tickets/1/status", {{"status", "done"}}, key);
    EXPECT_EQ(unknown_status.status, 400);
    EXPECT_EQ(unknown_status.json["code"], "invalid_value");
    EXPECT_EQ(api(port(), Verb::post, "/api/tickets/1/status", {{"reference", "x"}}, key).status,
              400);
    EXPECT_EQ(api(port(), Verb::post, "/api/tickets/99/status", {{"status", "open"}}, key).status,
              404);
    EXPECT_EQ(api(port(), Verb::get, "/api/tickets/abc", nullptr, key).status, 404);
    EXPECT_EQ(api(port(), Verb::get, "/api/tickets/0", nullptr, key).status, 404);
}

TEST_F(RestTickets, AnIntegrationAttachesAssetsThatStaffSee) {
    const json profile = {
        {"phone", "+44 20 7946 0018"},
        {"email", "olga@example.com"},
        {"company", "Berg & Sons"},
        {"assets",
         {{{"name", "Fibre 500"}, {"type", "subscription"}, {"identifier", "SUB-88812"}},
          {{"name", "Home router"}, {"type", "device"}, {"identifier", "SN-4471-A"}}}}};
    const HttpResult saved = api(port(), Verb::put, customer_path("/profile"), profile, key);
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.json["customer"]["assets"].size(), 2u);

    const HttpResult listed = api(port(), Verb::get, customer_path("/tickets"), nullptr, chen);
    const json customer = listed.json["customer"];
    EXPECT_EQ(customer["phone"], "+44 20 7946 0018");
    EXPECT_EQ(customer["company"], "Berg & Sons");
    EXPECT_EQ(customer["assets"][1]["identifier"], "SN-4471-A");
}

TEST_F(RestTickets, OnlyAnIntegrationSetsAProfileAndBadInputIsRefused) {
    const json profile = {{"phone", "1"}};
    const HttpResult by_staff = api(port(), Verb::put, customer_path("/profile"), profile, chen);
    EXPECT_EQ(by_staff.status, 403);
    EXPECT_EQ(by_staff.json["code"], "not_authorized");
    EXPECT_EQ(api(port(), Verb::put, customer_path("/profile"), profile, chat.token).status, 403);
    EXPECT_EQ(api(port(), Verb::put, customer_path("/profile"), profile).status, 401);

    const HttpResult not_a_list =
        api(port(), Verb::put, customer_path("/profile"), {{"assets", "router"}}, key);
    EXPECT_EQ(not_a_list.status, 400);
    EXPECT_EQ(not_a_list.json["code"], "wrong_type");
    const HttpResult nameless = api(port(), Verb::put, customer_path("/profile"),
                                    {{"assets", {{{"type", "device"}}}}}, key);
    EXPECT_EQ(nameless.status, 400);
    json many = {{"assets", json::array()}};
    for (int i = 0; i < 51; ++i)
        many["assets"].push_back({{"name", "Phone " + std::to_string(i)}});
    const HttpResult too_many = api(port(), Verb::put, customer_path("/profile"), many, key);
    EXPECT_EQ(too_many.status, 400);
    EXPECT_EQ(too_many.json["code"], "invalid_argument");
}

// Sofia links a ticket raised in Chen's Billing chat to the customer's new chat with Ivan, who
// cannot see Chen's chat: Ivan's console still gets the ticket and hears when the service desk
// resolves it.
TEST(TicketFanout, TheHolderOfALinkedChatHearsOfTheStatus) {
    TestServer server;
    Server& parley = server.server();
    const core::CustomerId lena = "cus_lena_linked";
    const auto ok = [&](const core::Actor& actor, core::Command command) {
        const Outcome outcome = run_command(parley, actor, std::move(command));
        const auto* refused = std::get_if<protocol::Rejected>(&outcome);
        EXPECT_EQ(refused, nullptr) << (refused ? refused->message : "");
    };
    const auto start = [&](core::QueueId queue) {
        core::StartChat command;
        command.customer = core::Customer{lena, "Lena", "lena@example.com", ""};
        command.queue = queue;
        command.text = "The line is down again";
        ok(core::Actor::customer(lena), std::move(command));
        std::promise<core::ChatId> found;
        parley.services().authority.read([&](const core::State& state, std::uint64_t) {
            found.set_value(state.index.customer_chats.at(lena).back());
        });
        return found.get_future().get();
    };
    const core::Actor chen = core::Actor::agent("chen");
    const core::Actor ivan = core::Actor::agent("ivan");
    ok(chen, core::SetPresence{"chen", core::Presence::online});
    const core::ChatId billing = start(2);
    ok(chen, core::AcceptChat{billing});
    ok(chen,
       core::CreateTicket{billing, core::TicketKind::incident, "Line down", core::Priority::high});
    ok(ivan, core::SetPresence{"ivan", core::Presence::online});
    const core::ChatId general = start(1);
    ok(ivan, core::AcceptChat{general});
    ok(core::Actor::agent("sofia"), core::LinkTicket{general, 1});

    WsClient console(server.port());
    console.hello(sign_in(server.port(), "ivan", "ivan-demo"));
    const json sync = console.expect("sync");
    EXPECT_TRUE(chat_in_sync(sync, billing).is_null());
    EXPECT_EQ(sync["snapshot"]["tickets"][0]["summary"], "Line down");
    ok(core::Actor::integration("desk"),
       core::SetTicketStatus{1, core::TicketStatus::resolved, "SD-5"});
    bool heard = false;
    while (const auto message = console.next(std::chrono::milliseconds(3000))) {
        if (message->dump().find("ticket_status_changed") != std::string::npos) {
            heard = true;
            EXPECT_NE(message->dump().find("SD-5"), std::string::npos);
            break;
        }
    }
    EXPECT_TRUE(heard);
}

}  // namespace
}  // namespace parley::server::testing
