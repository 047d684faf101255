// The in-page floor on a seeded clock: customers arrive in the demo queues within seconds,
// write in the corpus's languages, colleagues take the chats the visitor leaves, and one seed
// gives one run.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "core/invariants.h"
#include "demo_clock.h"
#include "in_page_demo.h"

namespace parley::demo {
namespace {

// Advances the demo frame by frame (ten a second) up to `seconds`.
void run_until(InPageDemo& demo, double& now, double seconds) {
    for (; now < seconds; now += 0.1) {
        demo.advance(at(now));
    }
}

std::vector<std::string> first_lines(std::uint64_t seed) {
    InPageDemo demo(seed, at(0));
    double now = 0;
    run_until(demo, now, 30);
    std::vector<std::string> lines;
    for (const core::Chat& chat : demo.stage().state().chats) {
        lines.push_back(chat.messages.empty() ? "" : chat.messages.front().text);
    }
    return lines;
}

TEST(InPageDemo, StartsWithTheDemoOrganisationAndTheVisitorOnline) {
    InPageDemo demo(1, at(0));
    const core::State& state = demo.stage().state();
    ASSERT_EQ(state.queues.size(), 3u);
    EXPECT_EQ(state.queues[1].config.name, "Billing");
    EXPECT_EQ(state.queues[2].config.mode, core::RoutingMode::automatic);
    ASSERT_NE(state.find_agent("maria"), nullptr);
    EXPECT_EQ(state.find_agent("maria")->presence, core::Presence::online);
    EXPECT_EQ(state.find_agent("ivan")->presence, core::Presence::online);
    EXPECT_EQ(state.find_agent("sofia")->profile.role, core::Role::supervisor);
    EXPECT_EQ(state.canned_responses.size(), 4u);
    EXPECT_EQ(demo.sign_in().agent(), "maria");
}

TEST(InPageDemo, CustomersArriveWithinSecondsInTheDemoQueues) {
    InPageDemo demo(3, at(0));
    double now = 0;
    run_until(demo, now, 3);
    ASSERT_FALSE(demo.stage().state().chats.empty());
    run_until(demo, now, 60);
    const core::State& state = demo.stage().state();
    EXPECT_GE(state.chats.size(), 4u);
    std::set<std::string> queues;
    for (const core::Chat& chat : state.chats) {
        queues.insert(state.find_queue(chat.queue)->config.name);
        ASSERT_FALSE(chat.messages.empty());
        EXPECT_EQ(chat.messages.front().author.kind, core::AuthorKind::customer);
    }
    EXPECT_GE(queues.size(), 2u);
    EXPECT_TRUE(core::check_state(state).empty());
}

TEST(InPageDemo, TheSameSeedGivesTheSameCustomers) {
    EXPECT_EQ(first_lines(11), first_lines(11));
    EXPECT_NE(first_lines(11), first_lines(12));
}

TEST(InPageDemo, ColleaguesWorkTheFloorWhileTheVisitorWatches) {
    InPageDemo demo(5, at(0));
    double now = 0;
    run_until(demo, now, 300);
    const core::State& state = demo.stage().state();
    int answered_by_colleagues = 0;
    int closed = 0;
    for (const core::Chat& chat : state.chats) {
        answered_by_colleagues += chat.first_responder == "ivan" || chat.first_responder == "chen";
        closed += chat.status == core::ChatStatus::closed;
        EXPECT_NE(chat.assignee, "maria");
    }
    EXPECT_GE(answered_by_colleagues, 3);
    EXPECT_GE(closed, 1);
    EXPECT_TRUE(core::check_state(state).empty());
}

TEST(InPageDemo, AColleagueStandsAsideForTheVisitorWhoSignsInAsThem) {
    InPageDemo demo(5, at(0));
    demo.sign_in().sign_out();
    demo.sign_in().request("ivan", "ivan-demo");
    double now = 0;
    run_until(demo, now, 300);
    for (const core::Chat& chat : demo.stage().state().chats) {
        EXPECT_NE(chat.first_responder, "ivan");
    }
}

}  // namespace
}  // namespace parley::demo
