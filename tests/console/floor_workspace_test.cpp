// The Floor workspace through a headless ImGui: a backlog past the target lists its oldest
// alerts, each with "Open chat", and counts the rest; opening one takes the supervisor to the
// chat on the desk.
#include "console/chat_key.h"
#include "console_fixture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley::console::testing {
namespace {

class FloorWorkspace : public SupervisorWorkspaceTest {};

TEST_F(FloorWorkspace, ABacklogListsTheOldestAlertsAndCountsTheRest) {
    std::vector<core::ChatId> waiting;
    for (int n = 0; n < 55; ++n) {
        waiting.push_back(start_chat("customer" + std::to_string(n), billing));
    }
    advance(5 * core::kMinute);
    sign_in("sofia");
    click("nav.floor");
    ASSERT_NE(model().floor, nullptr);
    EXPECT_EQ(model().floor->alerts.size(), core::kFloorAlerts);
    EXPECT_EQ(model().floor->more_alerts, 5u);
    EXPECT_NE(item("floor.waiting/" + chat_key(waiting.front())), nullptr);
    EXPECT_EQ(item("floor.waiting/" + chat_key(waiting.back())), nullptr)
        << "the newest are counted, not listed";

    click("floor.waiting/" + chat_key(waiting.front()));
    EXPECT_EQ(model().workspace, Workspace::desk);
    ASSERT_TRUE(model().chat);
    EXPECT_EQ(model().chat->id, waiting.front());
}

}  // namespace
}  // namespace parley::console::testing
