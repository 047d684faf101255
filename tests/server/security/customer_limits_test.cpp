// Issue 16, what an anonymous address may set off: item 9 (chat floods over REST and over the
// WebSocket with many tokens) and item 3 (the transcript email as an open relay).
#include <gtest/gtest.h>

#include <vector>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using Verb = boost::beast::http::verb;
using nlohmann::json;

HttpResult start_over_rest(unsigned short port, const std::string& address, int n) {
    const json body = {{"name", "Flood " + std::to_string(n)},
                       {"email", "flood@example.com"},
                       {"question", "spam " + std::to_string(n)}};
    return http_call_from(address, port, Verb::post, "/api/chats", body.dump());
}

json start_over_ws(WsClient& ws, const CustomerChat& customer) {
    const json reply = ws.command(
        {{"type", "start_chat"},
         {"customer",
          {{"id", customer.customer}, {"name", "Flood"}, {"contact", ""}, {"company", ""}}},
         {"channel", "web"},
         {"text", "spam"}});
    EXPECT_TRUE(reply["type"] == "ack" || reply["code"] == "rate_limited") << reply.dump();
    return reply;
}

// Item 9, over REST: chats from one address are limited, and answered 429 with Retry-After.
TEST(Item9_ChatFlood, RestStartsArePerAddress) {
    TestServer server([](ServerConfig& config) { config.chat_starts_per_address = 5; });
    for (int n = 0; n < 5; ++n) {
        EXPECT_EQ(start_over_rest(server.port(), "127.0.0.2", n).status, 201);
    }
    HttpResult refused = start_over_rest(server.port(), "127.0.0.2", 5);
    EXPECT_EQ(refused.status, 429) << refused.body;
    EXPECT_EQ(refused.json["code"], "rate_limited");
    EXPECT_EQ(refused.headers["Retry-After"], "12");
    // Another address has its own budget.
    EXPECT_EQ(start_over_rest(server.port(), "127.0.0.3", 0).status, 201);
}

// Item 9, over the WebSocket: the limit used to be per token, so one address with ten tokens
// started ten times as many chats. Now the address has one budget, whatever the tokens.
TEST(Item9_ChatFlood, ManyTokensOfOneAddressShareOneBudget) {
    TestServer server([](ServerConfig& config) { config.chat_starts_per_address = 5; });
    int accepted = 0;
    int limited = 0;
    for (int n = 0; n < 10; ++n) {
        const CustomerChat customer = start_chat_directly(server.server(), "Tok", "hi");
        WsClient ws(server.port());
        ASSERT_EQ(ws.hello(customer.token)["type"], "welcome");
        const json reply = start_over_ws(ws, customer);
        if (reply["type"] == "ack") {
            ++accepted;
        } else if (reply["code"] == "rate_limited") {
            ++limited;
        }
    }
    EXPECT_EQ(accepted, 5);
    EXPECT_EQ(limited, 5);
}

// Item 9: REST and WebSocket starts from one address draw on the same budget.
TEST(Item9_ChatFlood, RestAndWebSocketShareOneLimiter) {
    TestServer server([](ServerConfig& config) { config.chat_starts_per_address = 3; });
    for (int n = 0; n < 3; ++n) {
        EXPECT_EQ(start_over_rest(server.port(), "127.0.0.1", n).status, 201);
    }
    const CustomerChat customer = start_chat_directly(server.server(), "Both", "hi");
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(customer.token)["type"], "welcome");
    const json reply = start_over_ws(ws, customer);
    EXPECT_EQ(reply["type"], "rejected") << reply.dump();
    EXPECT_EQ(reply["code"], "rate_limited");
}

json request_transcript(WsClient& ws, const CustomerChat& customer, const std::string& to) {
    return ws.command({{"type", "request_transcript"}, {"chat", customer.chat}, {"address", to}});
}

// Item 3: after cancelling their chat a customer sent 30 transcripts to 30 recipients. The
// address may now ask for a few per hour; whatever the core says of the first ones, the rest
// are refused before anything is queued for mail.
TEST(Item3_TranscriptRelay, OneAddressMayAskForFewTranscripts) {
    TestServer server([](ServerConfig& config) {
        config.transcripts_per_address = 5;
        config.transcripts_per_recipient = 3;
    });
    const CustomerChat customer = start_chat_directly(server.server(), "Spammer", "hi");
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(customer.token)["type"], "welcome");
    ASSERT_EQ(ws.command({{"type", "customer_cancel_chat"}, {"chat", customer.chat}})["type"],
              "ack");
    int limited = 0;
    for (int n = 0; n < 30; ++n) {
        const json reply =
            request_transcript(ws, customer, "victim" + std::to_string(n) + "@example.com");
        const bool refused = reply.value("code", "") == "rate_limited";
        EXPECT_EQ(refused, n >= 5) << n << ": " << reply.dump();
        limited += refused ? 1 : 0;
    }
    EXPECT_EQ(limited, 25);
    // The same budget over REST.
    const json command = {{"type", "request_transcript"},
                          {"command_id", "rest-transcript"},
                          {"chat", customer.chat},
                          {"address", "victim@example.com"}};
    HttpResult rest = http_call(server.port(), Verb::post, "/api/commands", command.dump(),
                                {{"Authorization", "Bearer " + customer.token}});
    EXPECT_EQ(rest.status, 429) << rest.body;
    EXPECT_EQ(rest.json["code"], "rate_limited");
    EXPECT_EQ(rest.headers["Retry-After"], "720");
}

// Item 3: many addresses mailing one recipient are limited per recipient, whatever its case.
TEST(Item3_TranscriptRelay, OneRecipientGetsFewTranscriptsFromAnyAddresses) {
    TestServer server([](ServerConfig& config) {
        config.transcripts_per_address = 5;
        config.transcripts_per_recipient = 3;
    });
    const CustomerChat customer = start_chat_directly(server.server(), "Spammer", "hi");
    for (int n = 0; n < 6; ++n) {
        const json command = {
            {"type", "request_transcript"},
            {"command_id", "t" + std::to_string(n)},
            {"chat", customer.chat},
            {"address", n % 2 == 0 ? "Victim@Example.com" : "victim@example.com"}};
        const HttpResult result = http_call_from("127.0.0." + std::to_string(10 + n), server.port(),
                                                 Verb::post, "/api/commands", command.dump(),
                                                 {{"Authorization", "Bearer " + customer.token}});
        EXPECT_EQ(result.json.value("code", "") == "rate_limited", n >= 3)
            << n << ": " << result.body;
    }
}

// Withdrawing a request (an empty address) costs nothing.
TEST(Item3_TranscriptRelay, WithdrawingIsNotLimited) {
    TestServer server([](ServerConfig& config) { config.transcripts_per_address = 1; });
    const CustomerChat customer = start_chat_directly(server.server(), "Ann", "hi");
    WsClient ws(server.port());
    ASSERT_EQ(ws.hello(customer.token)["type"], "welcome");
    for (int n = 0; n < 5; ++n) {
        EXPECT_NE(request_transcript(ws, customer, "").value("code", ""), "rate_limited");
    }
    EXPECT_NE(request_transcript(ws, customer, "ann@example.com").value("code", ""),
              "rate_limited");
}

}  // namespace
}  // namespace parley::server::testing
