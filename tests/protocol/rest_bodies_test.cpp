// Every REST body of the contract round-trips through its codec, and bad bodies are refused
// with the code and the field a client needs to fix them.
#include <gtest/gtest.h>

#include <string>

#include "protocol/rest/rest_bodies.h"
#include "protocol/rest/rest_codec.h"

namespace parley::protocol::rest {
namespace {

template <class T>
void expect_round_trip(const T& body) {
    const std::string bytes = encode(body);
    const Result<T> decoded = decode<T>(bytes);
    ASSERT_TRUE(decoded) << decoded.error().message << "\n" << bytes;
    EXPECT_EQ(encode(decoded.value()), bytes);
}

TEST(RestBodies, EveryBodyRoundTripsEmpty){
#define PARLEY_ROUND_TRIP(T)    \
    {                           \
        SCOPED_TRACE(#T);       \
        expect_round_trip(T{}); \
    }
    PARLEY_REST_BODIES(PARLEY_ROUND_TRIP)
#undef PARLEY_ROUND_TRIP
}

TEST(RestBodies, FilledBodiesRoundTripAndReadAsSent) {
    StartIntegrationChat start;
    start.customer = {"Olga", "@olga", std::nullopt, "tg-42"};
    start.channel = core::Channel::telegram;
    start.queue = QueueRef{core::QueueId{2}};
    start.bot_transcript = {{"customer", "router broken", std::nullopt},
                            {"bot", "Did you restart it?", 1700000000000}};
    start.context = {{"plan", "pro"}};
    expect_round_trip(start);

    ChatPage page;
    ChatRow row;
    row.id = "cht_1";
    row.status = core::ChatStatus::active;
    row.assignee = "maria";
    row.last_message = LastMessage{"Hello", 5, core::AuthorKind::agent, "Maria Garcia"};
    page.chats.push_back(row);
    page.next_cursor = "12";
    expect_round_trip(page);
    EXPECT_EQ(encode(page).find("closed_at"), std::string::npos) << "an empty optional is left out";

    AnalyticsReport report;
    report.rows.push_back(
        {"General", 2, 2, 1, 0.5, 3, 1.5, 4000, 1, 4000, 1, 9000, 2, 2000, 1, 4.0, 1});
    expect_round_trip(report);

    DeliveryLog log;
    DeliveryRow delivery;
    delivery.status = DeliveryStatus::failed;
    delivery.payload = EmbeddedJson{R"({"event":"ticket_created","ticket":{"id":3}})"};
    log.deliveries.push_back(delivery);
    expect_round_trip(log);

    const Result<StartCustomerChat> by_name =
        decode<StartCustomerChat>(R"({"name":"Ann","email":"a@example.com","queue":"Billing"})");
    ASSERT_TRUE(by_name);
    EXPECT_EQ(std::get<std::string>(by_name.value().queue->value), "Billing");
}

TEST(RestBodies, BadBodiesAreRefusedNamingTheField) {
    const Result<SignIn> missing = decode<SignIn>(R"({"agent":"maria"})");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ProtocolErrorCode::missing_field);
    EXPECT_NE(missing.error().message.find("password"), std::string::npos);

    const Result<SignIn> wrong = decode<SignIn>(R"({"agent":"maria","password":7})");
    ASSERT_FALSE(wrong);
    EXPECT_EQ(wrong.error().code, ProtocolErrorCode::wrong_type);

    const Result<SignIn> long_password =
        decode<SignIn>(R"({"agent":"maria","password":")" + std::string(1025, 'x') + "\"}");
    ASSERT_FALSE(long_password);
    EXPECT_EQ(long_password.error().code, ProtocolErrorCode::invalid_value);
    EXPECT_NE(long_password.error().message.find("1024 bytes"), std::string::npos);

    const Result<PostMessage> many_files =
        decode<PostMessage>(R"({"attachments":["a","b","c","d","e","f","g","h","i","j","k"]})");
    ASSERT_FALSE(many_files);
    EXPECT_NE(many_files.error().message.find("attachments"), std::string::npos);

    // Each string of a list, and each key and value of a map, has its own bound.
    const std::string long_name(201, 'x');
    const Result<PostMessage> long_file =
        decode<PostMessage>(R"({"attachments":["a",")" + long_name + "\"]}");
    ASSERT_FALSE(long_file);
    EXPECT_EQ(long_file.error().code, ProtocolErrorCode::invalid_value);
    EXPECT_NE(long_file.error().message.find("attachments[1]"), std::string::npos);
    EXPECT_NE(long_file.error().message.find("200 bytes"), std::string::npos);

    const Result<ArticleWrite> long_tag =
        decode<ArticleWrite>(R"({"title":"T","body":"B","tags":[")" + long_name + "\"]}");
    ASSERT_FALSE(long_tag);
    EXPECT_NE(long_tag.error().message.find("tags[0]"), std::string::npos);

    const std::string long_key(5000, 'k');
    const Result<StartIntegrationChat> key = decode<StartIntegrationChat>(
        R"({"customer":{"name":"A"},"context":{")" + long_key + R"(":"v"}})");
    ASSERT_FALSE(key);
    EXPECT_EQ(key.error().code, ProtocolErrorCode::invalid_value);
    EXPECT_NE(key.error().message.find("keys of at most 4096 bytes"), std::string::npos);
    EXPECT_LT(key.error().message.size(), 200u) << "the key is not repeated back";

    const Result<StartIntegrationChat> value = decode<StartIntegrationChat>(
        R"({"customer":{"name":"A"},"context":{"order":")" + std::string(4097, 'v') + R"("}})");
    ASSERT_FALSE(value);
    EXPECT_NE(value.error().message.find("context.order"), std::string::npos);

    const Result<StartIntegrationChat> external = decode<StartIntegrationChat>(
        R"({"customer":{"name":"A"},"external_ids":{"crm":")" + long_name + R"("}})");
    ASSERT_FALSE(external);
    EXPECT_NE(external.error().message.find("external_ids.crm"), std::string::npos);

    const Result<StartIntegrationChat> fits =
        decode<StartIntegrationChat>(R"({"customer":{"name":"A"},"context":{"order":")" +
                                     std::string(4096, 'v') + R"("},"external_ids":{"crm":"7"}})");
    EXPECT_TRUE(fits) << fits.error().message;

    const Result<SetTicketStatus> unknown = decode<SetTicketStatus>(R"({"status":"done"})");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ProtocolErrorCode::invalid_value);

    const Result<StartCustomerChat> queue_list =
        decode<StartCustomerChat>(R"({"name":"A","email":"a@example.com","queue":[1]})");
    ASSERT_FALSE(queue_list);
    EXPECT_EQ(queue_list.error().code, ProtocolErrorCode::wrong_type);

    EXPECT_FALSE(decode<SignIn>("[1,2]"));
    EXPECT_FALSE(decode<SignIn>("{not json"));
}

}  // namespace
}  // namespace parley::protocol::rest
