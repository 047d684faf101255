// The replica follows the server exactly: a sync replaces it, events advance it once each,
// chats that come into view are placed, and anything it cannot place asks for a snapshot.
#include "console/replica.h"

#include "../core/core_fixture.h"
#include "core/visibility.h"
#include "protocol/codec.h"

#include <gtest/gtest.h>

namespace parley::console {
namespace {

class ReplicaTest : public core::testing::CoreTest {
protected:
    void SetUp() override {
        billing = add_queue("Billing");
        maria = add_agent("maria", {billing});
    }

    protocol::Sync sync_now() { return {log.size(), core::visible_state(state, maria)}; }
    protocol::EventMessage event(std::size_t index) { return {index + 1, log.at(index)}; }

    core::QueueId billing = 0;
    core::Actor maria;
    Replica replica;
};

TEST_F(ReplicaTest, NothingIsAppliedBeforeTheFirstSnapshot) {
    EXPECT_FALSE(replica.resume_point());
    start_chat("ann", billing);
    EXPECT_EQ(replica.apply(event(log.size() - 1)), Replica::Step::out_of_step);
}

TEST_F(ReplicaTest, EventsAfterTheSnapshotAreAppliedOnceEach) {
    ASSERT_EQ(replica.apply(sync_now()), Replica::Step::applied);
    EXPECT_EQ(replica.resume_point(), log.size());
    const std::size_t before = log.size();
    const core::ChatId chat = start_chat("ann", billing, "", "Hello");
    for (std::size_t i = before; i < log.size(); ++i) {
        EXPECT_EQ(replica.apply(event(i)), Replica::Step::applied);
    }
    EXPECT_EQ(replica.apply(event(log.size() - 1)), Replica::Step::ignored);
    ASSERT_NE(replica.state().find_chat(chat), nullptr);
    EXPECT_EQ(replica.state().find_chat(chat)->messages.size(), 1u);
    EXPECT_EQ(core::queue_list(replica.state(), "maria"), core::queue_list(state, "maria"));
    EXPECT_EQ(replica.resume_point(), log.size());
}

TEST_F(ReplicaTest, AChatThatComesIntoViewReplacesItsCopy) {
    const core::ChatId chat = start_chat("ann", billing);
    ASSERT_EQ(replica.apply(sync_now()), Replica::Step::applied);
    ok(maria, core::AcceptChat{chat});
    core::Chat now_held = *state.find_chat(chat);
    EXPECT_EQ(replica.apply(protocol::ChatMessage{log.size(), now_held}), Replica::Step::applied);
    EXPECT_EQ(core::my_chats(replica.state(), "maria"), std::vector<core::ChatId>{chat});
}

TEST_F(ReplicaTest, ForgettingAsksForASnapshotNextTime) {
    replica.apply(sync_now());
    replica.forget();
    EXPECT_FALSE(replica.synced());
    EXPECT_FALSE(replica.resume_point());
}

}  // namespace
}  // namespace parley::console
