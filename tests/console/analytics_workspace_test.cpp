// The Analytics workspace through a headless ImGui against the miniature server: the figures
// are the server's (GET /api/analytics, over every chat, archived ones too), asked for again
// when the question changes; agents are named from the replica, a refusal is shown in words.
#include "console/analytics_model.h"
#include "console_fixture.h"
#include "protocol/rest/report_bodies.h"
#include "protocol/rest/rest_codec.h"

#include <gtest/gtest.h>

#include <cinttypes>
#include <cstdio>

namespace parley::console::testing {
namespace {

class AnalyticsWorkspace : public SupervisorWorkspaceTest {
protected:
    // Answers the console's latest request, which must ask by `by`, with the core's figures
    // over the fixture's State for the range it names.
    void answer_as_the_server(core::GroupBy by) {
        const std::vector<ApiRequest> requests = app->take_api_requests();
        ASSERT_FALSE(requests.empty());
        const ApiRequest& latest = requests.back();
        const std::string prefix = "/api/analytics?by=" + std::string(core::to_string(by));
        ASSERT_TRUE(latest.path.starts_with(prefix)) << latest.path;
        std::int64_t from = 0;
        std::int64_t to = 0;
        ASSERT_EQ(std::sscanf(latest.path.c_str() + prefix.size(), "&from=%" SCNd64 "&to=%" SCNd64,
                              &from, &to),
                  2)
            << latest.path;
        rows = core::analytics(state, by, from, to);
        app->api_answered(
            {latest.id, 200,
             protocol::rest::encode(protocol::rest::analytics_report(rows, by, from, to))});
        frames(2);
    }

    std::vector<core::AnalyticsRow> rows;
};

TEST_F(AnalyticsWorkspace, ShowsTheServersFiguresForTheQuestionAsked) {
    const core::ChatId ann = held_chat(maria, billing, "ann");
    advance(90 * core::kSecond);
    ok(maria, core::PostAgentMessage{ann, "Your refund is on its way", {}});
    sign_in("sofia");
    click("nav.analytics");
    ASSERT_NE(model().analytics, nullptr);
    EXPECT_TRUE(model().analytics->loading);
    answer_as_the_server(core::GroupBy::day);
    ASSERT_FALSE(model().analytics->loading);
    EXPECT_EQ(model().analytics->total.metrics.chats, 1u);

    click("analytics.by.agent");
    answer_as_the_server(core::GroupBy::agent);
    const AnalyticsView& view = *model().analytics;
    ASSERT_EQ(view.rows.size(), 1u);
    EXPECT_EQ(view.rows[0].group, "maria name") << "named from the replica";
    EXPECT_EQ(view.rows[0].metrics.first_responses, rows[0].metrics.first_responses);
    EXPECT_EQ(view.rows[0].metrics.average_first_response(),
              rows[0].metrics.average_first_response());
    EXPECT_EQ(view.csv_path, view.path + "&format=csv");
    EXPECT_TRUE(app->take_api_requests().empty()) << "asked once per question";
}

TEST_F(AnalyticsWorkspace, ARefusalIsShownInWords) {
    sign_in("sofia");
    click("nav.analytics");
    refuse_the_request();
    EXPECT_EQ(model().analytics->problem, "Your role may not do this.");
    EXPECT_NE(item("analytics.problem"), nullptr);
}

}  // namespace
}  // namespace parley::console::testing
