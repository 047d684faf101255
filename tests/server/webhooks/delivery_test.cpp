// The service desk webhook against a real server and a real receiver: a ticket raised from a
// chat reaches the receiver signed, is retried with back-off while the receiver fails, the
// delivery log shows the attempts, pending deliveries survive a restart, and only admins
// configure it (http:// only, the secret never echoed).
#include "rest/rest_test_support.h"
#include "server/webhooks/webhook_signature.h"
#include "webhooks/webhook_receiver.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kSecret = "s3cret-signing-key-for-tests";

class Webhook : public RestTest {
protected:
    Webhook() : RestTest([](ServerConfig& config) { config.webhook_retry_ms = 100; }) {}

    void enable(const std::string& url) {
        const HttpResult put =
            api(port(), Verb::put, "/api/admin/webhook",
                {{"url", url}, {"secret", kSecret}, {"enabled", true}}, staff("admin"));
        ASSERT_EQ(put.status, 200) << put.body;
    }

    // Maria accepts a new customer chat and raises a ticket from it.
    std::string raise_ticket() {
        const StartedChat chat = start_chat(port(), "Nora Quinn", "My router keeps rebooting");
        const std::string maria = staff("maria");
        EXPECT_EQ(
            send_command(port(), maria, {{"type", "accept_chat"}, {"chat", chat.chat}}).status,
            200);
        const HttpResult created = send_command(port(), maria,
                                                {{"type", "create_ticket"},
                                                 {"chat", chat.chat},
                                                 {"kind", "incident"},
                                                 {"summary", "Router reboots every hour"},
                                                 {"priority", "high"}});
        EXPECT_EQ(created.status, 200) << created.body;
        return chat.chat;
    }

    json deliveries() {
        const HttpResult log =
            api(port(), Verb::get, "/api/admin/webhook/deliveries", nullptr, staff("admin"));
        EXPECT_EQ(log.status, 200) << log.body;
        return log.json["deliveries"];
    }

    // Waits until the newest delivery reaches `status`.
    json newest_delivery(const std::string& status) {
        for (int i = 0; i < 200; ++i) {
            json rows = deliveries();
            if (!rows.empty() && rows[0]["status"] == status)
                return rows[0];
            std::this_thread::sleep_for(20ms);
        }
        ADD_FAILURE() << "no delivery became " << status;
        return nullptr;
    }
};

TEST_F(Webhook, ATicketReachesAReceiverThatFailsTwiceSignedAndRetried) {
    WebhookReceiver receiver({500, 500, 200});
    enable(receiver.url());
    const std::string chat = raise_ticket();

    const auto received = receiver.wait_for(3, 10s);
    ASSERT_EQ(received.size(), 3u);
    for (const ReceivedRequest& request : received) {
        EXPECT_EQ(request.target, "/hook");
        EXPECT_EQ(request.headers.at("X-Parley-Event"), "ticket_created");
        EXPECT_EQ(request.headers.at("X-Parley-Delivery"),
                  received[0].headers.at("X-Parley-Delivery"));
        EXPECT_EQ(request.headers.at("X-Parley-Signature"), webhooks::sign(kSecret, request.body));
        EXPECT_EQ(request.body, received[0].body);
    }
    EXPECT_NE(received[0].headers.at("X-Parley-Signature"),
              webhooks::sign("wrong", received[0].body));
    // Back-off: 100 ms, then 200 ms.
    EXPECT_GE(received[1].at - received[0].at, 90ms);
    EXPECT_GE(received[2].at - received[1].at, 190ms);

    const json payload = json::parse(received[0].body);
    EXPECT_EQ(payload["event"], "ticket_created");
    EXPECT_EQ(payload["ticket"]["summary"], "Router reboots every hour");
    EXPECT_EQ(payload["ticket"]["priority"], "high");
    EXPECT_EQ(payload["ticket"]["status"], "open");
    EXPECT_EQ(payload["chat"]["id"], chat);
    EXPECT_EQ(payload["chat"]["operator_name"], "Maria Garcia");
    EXPECT_EQ(payload["customer"]["name"], "Nora Quinn");
    EXPECT_EQ(payload["actor"]["id"], "maria");

    const json delivery = newest_delivery("delivered");
    EXPECT_EQ(delivery["attempts"], 3);
    EXPECT_EQ(delivery["last_status_code"], 200);
    EXPECT_EQ(delivery["event"], "ticket_created");
    EXPECT_EQ(delivery["payload"], payload);
}

TEST_F(Webhook, AStatusSetByTheServiceDeskIsDeliveredToo) {
    WebhookReceiver receiver({200});
    enable(receiver.url());
    raise_ticket();
    receiver.wait_for(1, 10s);
    const HttpResult key =
        api(port(), Verb::post, "/api/admin/api-keys", {{"name", "Service desk"}}, staff("admin"));
    ASSERT_EQ(key.status, 201) << key.body;
    const HttpResult resolved =
        api(port(), Verb::post, "/api/tickets/1/status",
            {{"status", "resolved"}, {"reference", "SD-7"}}, key.json["key"].get<std::string>());
    ASSERT_EQ(resolved.status, 200) << resolved.body;
    const auto received = receiver.wait_for(2, 10s);
    ASSERT_EQ(received.size(), 2u);
    EXPECT_EQ(received[1].headers.at("X-Parley-Event"), "ticket_status_changed");
    const json payload = json::parse(received[1].body);
    EXPECT_EQ(payload["ticket"]["status"], "resolved");
    EXPECT_EQ(payload["ticket"]["reference"], "SD-7");
    EXPECT_EQ(payload["actor"]["kind"], "integration");

    // The log pages newest first.
    newest_delivery("delivered");
    const std::string admin = staff("admin");
    const HttpResult first =
        api(port(), Verb::get, "/api/admin/webhook/deliveries?limit=1", nullptr, admin);
    ASSERT_EQ(first.json["deliveries"].size(), 1u);
    EXPECT_EQ(first.json["deliveries"][0]["event"], "ticket_status_changed");
    const std::string before = std::to_string(first.json["next_before"].get<std::int64_t>());
    const HttpResult second =
        api(port(), Verb::get, "/api/admin/webhook/deliveries?limit=1&before=" + before, nullptr,
            admin);
    ASSERT_EQ(second.json["deliveries"].size(), 1u);
    EXPECT_EQ(second.json["deliveries"][0]["event"], "ticket_created");
    EXPECT_EQ(
        api(port(), Verb::get, "/api/admin/webhook/deliveries?limit=0", nullptr, admin).status,
        400);
}

TEST_F(Webhook, PendingDeliveriesResumeAfterARestart) {
    WebhookReceiver receiver({503, 200});
    enable(receiver.url());
    raise_ticket();
    ASSERT_EQ(receiver.wait_for(1, 10s).size(), 1u);
    server.restart();
    ASSERT_EQ(receiver.wait_for(2, 10s).size(), 2u);
    const json delivery = newest_delivery("delivered");
    EXPECT_EQ(delivery["attempts"], 2);
}

TEST_F(Webhook, NothingIsSentWhileDisabled) {
    WebhookReceiver receiver({200});
    raise_ticket();
    std::this_thread::sleep_for(200ms);
    EXPECT_TRUE(receiver.wait_for(1, 100ms).empty());
    EXPECT_TRUE(deliveries().empty());
}

TEST_F(Webhook, OnlyAdminsConfigureItAndTheSecretIsNeverEchoed) {
    const std::string admin = staff("admin");
    const json settings = {
        {"url", "http://127.0.0.1:9/hook"}, {"secret", kSecret}, {"enabled", true}};
    EXPECT_EQ(api(port(), Verb::put, "/api/admin/webhook", settings, staff("maria")).status, 403);
    EXPECT_EQ(
        api(port(), Verb::get, "/api/admin/webhook/deliveries", nullptr, staff("sofia")).status,
        403);

    const HttpResult saved = api(port(), Verb::put, "/api/admin/webhook", settings, admin);
    ASSERT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(saved.body.find(kSecret), std::string::npos);
    const HttpResult read = api(port(), Verb::get, "/api/admin/webhook", nullptr, admin);
    EXPECT_EQ(read.json["webhook"]["url"], "http://127.0.0.1:9/hook");
    EXPECT_EQ(read.json["webhook"]["secret_set"], true);
    EXPECT_EQ(read.body.find(kSecret), std::string::npos);

    json https = settings;
    https["url"] = "https://desk.example.com/hook";
    const HttpResult refused = api(port(), Verb::put, "/api/admin/webhook", https, admin);
    EXPECT_EQ(refused.status, 400);
    EXPECT_NE(refused.json["message"].get<std::string>().find("TLS"), std::string::npos);
    json short_secret = settings;
    short_secret["secret"] = "short";
    EXPECT_EQ(api(port(), Verb::put, "/api/admin/webhook", short_secret, admin).status, 400);
    EXPECT_EQ(api(port(), Verb::put, "/api/admin/webhook", {{"url", 5}}, admin).status, 400);
}

}  // namespace
}  // namespace parley::server::testing
