// Analytics on the wire: the JSON fields, and CSV a spreadsheet opens safely.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "protocol/analytics_codec.h"
#include "protocol/rest/report_bodies.h"
#include "protocol/rest/rest_codec.h"

namespace parley::protocol {
namespace {

core::AnalyticsRow row(std::string group) {
    core::AnalyticsRow r;
    r.group = std::move(group);
    r.metrics.chats = 4;
    r.metrics.closed = 3;
    r.metrics.abandoned = 1;
    r.metrics.messages = 10;
    r.metrics.first_response_total = 90'000;
    r.metrics.first_responses = 3;
    r.metrics.response_total = 100'000;
    r.metrics.responses = 4;
    r.metrics.resolution_total = 1'800'000;
    r.metrics.resolutions = 3;
    r.metrics.wait_total = 45'000;
    r.metrics.waits = 3;
    r.metrics.csat_total = 9;
    r.metrics.csat_count = 2;
    return r;
}

TEST(AnalyticsCodec, JsonCarriesAveragesAndTheirCounts) {
    const auto json = nlohmann::json::parse(
        rest::encode(rest::analytics_report({row("General")}, core::GroupBy::queue, 1000, 2000)));
    EXPECT_EQ(json.at("by"), "queue");
    EXPECT_EQ(json.at("from"), 1000);
    EXPECT_EQ(json.at("to"), 2000);
    const auto& r = json.at("rows").at(0);
    EXPECT_EQ(r.at("group"), "General");
    EXPECT_EQ(r.at("chats"), 4);
    EXPECT_DOUBLE_EQ(r.at("abandonment_rate").get<double>(), 0.25);
    EXPECT_DOUBLE_EQ(r.at("messages_per_chat").get<double>(), 2.5);
    EXPECT_EQ(r.at("first_response_ms"), 30'000);
    EXPECT_EQ(r.at("response_ms"), 25'000);
    EXPECT_EQ(r.at("resolution_ms"), 600'000);
    EXPECT_EQ(r.at("wait_ms"), 15'000);
    EXPECT_DOUBLE_EQ(r.at("csat").get<double>(), 4.5);
    EXPECT_EQ(r.at("csat_count"), 2);
}

TEST(AnalyticsCodec, CsvHasAHeaderAndOneLinePerGroup) {
    EXPECT_EQ(analytics_csv({row("General")}, core::GroupBy::queue),
              "queue,chats,closed,abandoned,abandonment_rate,messages,messages_per_chat,"
              "first_response_s,response_s,resolution_s,wait_s,csat,csat_count\r\n"
              "General,4,3,1,0.250,10,2.50,30.0,25.0,600.0,15.0,4.50,2\r\n");
    EXPECT_EQ(analytics_csv({}, core::GroupBy::day).substr(0, 4), "day,");
}

TEST(AnalyticsCodec, CsvQuotesAndDisarmsFormulas) {
    const std::string csv = analytics_csv(
        {row("Sales, \"EU\""), row("=HYPERLINK(\"x\")"), row("-1"), row(""), row("\t=1+2")},
        core::GroupBy::queue);
    EXPECT_NE(csv.find("\r\n\"Sales, \"\"EU\"\"\",4,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n\"'=HYPERLINK(\"\"x\"\")\",4,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n'-1,4,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n,4,"), std::string::npos) << csv;
    EXPECT_NE(csv.find("\r\n'\t=1+2,4,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace parley::protocol
