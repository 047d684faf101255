// The Admin workspace inside the whole console: opened from the top bar, its commands reach the
// miniature server and come back as events, and its REST work (accounts, API keys) goes out as
// calls the shell carries out, whose answers the screens then show.
#include "console/admin_model.h"
#include "console/api_calls.h"
#include "console_fixture.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::console::testing {
namespace {

class AdminConsoleTest : public ConsoleTest {
protected:
    void SetUp() override {
        ConsoleTest::SetUp();
        billing = add_queue("Billing");
        add_agent("maria", {billing}, 2);
        add_agent("ada", {}, 3, core::Role::admin);
    }

    void open_admin(const std::string& tab) {
        sign_in("ada");
        click("nav.admin");
        frame();  // a new tab bar lays its tabs out at the end of its first frame
        click("admin.tab." + tab);
    }

    core::QueueId billing = 0;
};

TEST_F(AdminConsoleTest, AQueueChangedInTheWorkspaceReachesTheServerAndTheReplica) {
    open_admin("queues");
    click("admin.queue/" + std::to_string(billing));
    click("admin.queue.mode.auto");
    click("admin.queue.save");
    frames(2);
    EXPECT_EQ(state.find_queue(billing)->config.mode, core::RoutingMode::automatic);
    EXPECT_EQ(app->session().replica().state().find_queue(billing)->config.mode,
              core::RoutingMode::automatic);
}

TEST_F(AdminConsoleTest, AnAgentIsOfferedNoAdminWorkspace) {
    sign_in("maria");
    EXPECT_EQ(item("nav.admin"), nullptr);
}

TEST_F(AdminConsoleTest, ANewAccountGoesToTheServerOverRestAndItsRefusalIsShown) {
    open_admin("agents");
    app->take_api_requests();
    click("admin.agent.new");
    EXPECT_FALSE(item("admin.new_agent.create")->enabled);
    EXPECT_EQ(item("admin.new_agent.create")->reason, "Give the account an id.");
    click("admin.new_agent.id");
    type("lena");
    click("admin.new_agent.name");
    type("Lena Novak");
    click("admin.new_agent.password");
    type("short");
    click("admin.new_agent.queue/" + std::to_string(billing));
    click("admin.new_agent.create");
    const std::vector<ApiRequest> requests = app->take_api_requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].path, "/api/admin/agents");
    EXPECT_EQ(requests[0].body,
              R"({"capacity":3,"company":"","id":"lena","name":"Lena Novak","password":"short",)"
              R"("queues":[2],"role":"agent"})");

    app->api_answered(
        {requests[0].id, 400,
         R"({"code":"weak_password","message":"A password needs at least 8 characters."})"});
    frames(2);
    EXPECT_EQ(model().admin->create_agent_answer.problem,
              "A password needs at least 8 characters.");
}

TEST_F(AdminConsoleTest, ANewApiKeysSecretIsShownOnceAndTheListIsFetchedAgain) {
    open_admin("api_keys");
    std::vector<ApiRequest> requests = app->take_api_requests();
    ASSERT_EQ(requests.size(), 1u) << "the list is asked for once";
    EXPECT_EQ(requests[0].path, "/api/admin/api-keys");
    app->api_answered({requests[0].id, 200, R"({"api_keys":[]})"});
    frames(2);

    click("admin.api_key.name");
    type("Telegram gateway");
    click("admin.api_key.create");
    requests = app->take_api_requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_EQ(requests[0].method, "POST");
    EXPECT_EQ(requests[0].body, R"({"name":"Telegram gateway"})");
    app->api_answered({requests[0].id, 201,
                       R"({"id":"key_1","name":"Telegram gateway","created_by":"ada",)"
                       R"("created_at":1700000000000,"key":"key_1.s3cret"})"});
    frames(2);
    ASSERT_NE(item("admin.api_key.secret"), nullptr);
    EXPECT_EQ(item("admin.api_key.secret")->label, "key_1.s3cret");
    requests = app->take_api_requests();
    ASSERT_EQ(requests.size(), 1u) << "the list again, with the new key";
    EXPECT_EQ(requests[0].method, "GET");

    click("admin.api_key.dismiss");
    EXPECT_EQ(item("admin.api_key.secret"), nullptr);
}

}  // namespace
}  // namespace parley::console::testing
