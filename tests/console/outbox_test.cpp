// Commands on their way: fresh ids, acks and rejections, delay after a second, resending.
#include "console/outbox.h"

#include <gtest/gtest.h>

namespace parley::console {
namespace {

TEST(Outbox, EachCommandGetsAFreshIdWithTheConsolesPrefix) {
    Outbox outbox("con-ab");
    const std::string first = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    const std::string second = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    EXPECT_NE(first, second);
    EXPECT_EQ(first.rfind("con-ab-", 0), 0u);
    const auto decoded = protocol::decode_client_message(outbox.pending().back().wire_text);
    ASSERT_TRUE(decoded);
    EXPECT_EQ(std::get<protocol::ClientCommand>(decoded.value()).id, second);
}

// A customer sees command ids in their chat's events, so a real console's next id must not
// follow from any earlier one.
TEST(Outbox, ARealConsolesIdsAreEach128FreshRandomBits) {
    Outbox outbox(Outbox::kRandomIds);
    const std::string first = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    const std::string second = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    EXPECT_NE(first, second);
    for (const std::string& id : {first, second}) {
        ASSERT_EQ(id.size(), 4u + 32u) << id;
        EXPECT_EQ(id.rfind("con-", 0), 0u);
        EXPECT_EQ(id.find_first_not_of("0123456789abcdef", 4), std::string::npos) << id;
    }
    EXPECT_NE(first.substr(4, 16), second.substr(4, 16));
}

TEST(Outbox, AnAckClearsAndARejectionIsKeptForTheAgent) {
    Outbox outbox("p");
    const std::string accepted = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    const std::string refused = outbox.submit(core::AcceptNextChat{}, "Accept next", 0).id;
    outbox.on_ack({accepted, 7, false});
    outbox.on_rejected({refused, "nothing_queued", "No chat is waiting in your queues."}, 0.5);
    EXPECT_TRUE(outbox.pending().empty());
    ASSERT_TRUE(outbox.last_refusal());
    EXPECT_EQ(outbox.last_refusal()->code, "nothing_queued");
    outbox.dismiss_refusal();
    EXPECT_FALSE(outbox.last_refusal());
}

TEST(Outbox, RefusalsOfCommandsSentOnTheAgentsBehalfStayQuiet) {
    Outbox outbox("p");
    const std::string typing = outbox.submit(core::AcceptNextChat{}, "", 0).id;
    outbox.on_rejected({typing, "not_assignee", "You do not hold it."}, 0);
    EXPECT_FALSE(outbox.last_refusal());
}

TEST(Outbox, DelayedAfterASecondWithoutAnswer) {
    Outbox outbox("p");
    outbox.submit(core::AcceptNextChat{}, "Accept next", 10.0);
    EXPECT_FALSE(outbox.delayed(10.9));
    EXPECT_TRUE(outbox.delayed(11.1));
    const auto again = outbox.resend(20.0);
    ASSERT_EQ(again.size(), 1u);
    EXPECT_FALSE(outbox.delayed(20.5)) << "resending starts the wait again";
}

}  // namespace
}  // namespace parley::console
