// Rejections and duplicate notices: what a command gets back when it produced no events.
#include <gtest/gtest.h>

#include "core/rejection.h"
#include "protocol/codec.h"

namespace parley::protocol {
namespace {

TEST(OutcomeCodec, RejectionRoundTrips) {
    const core::Rejection rejection{"already_assigned", "Chat 12 is already accepted by Maria."};
    const std::string text = encode_rejection(rejection);
    EXPECT_EQ(text, R"({"code":"already_assigned","message":"Chat 12 is already accepted by )"
                    R"(Maria.","type":"rejection"})");
    const auto decoded = decode_rejection(text);
    ASSERT_TRUE(decoded.ok()) << decoded.error().message;
    EXPECT_EQ(decoded.value(), rejection);
}

TEST(OutcomeCodec, RejectionNeedsItsFields) {
    const auto decoded = decode_rejection(R"({"type":"rejection","code":"over_capacity"})");
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ProtocolErrorCode::missing_field);
    EXPECT_EQ(decoded.error().message, "Field 'rejection.message' is missing.");
}

TEST(OutcomeCodec, OtherMessagesAreNotRejections) {
    const auto decoded = decode_rejection(R"({"type":"error","code":"x","message":"y"})");
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().code, ProtocolErrorCode::unknown_type);
}

TEST(OutcomeCodec, DuplicateNamesTheCommand) {
    EXPECT_EQ(encode_duplicate("c-7"), R"({"command_id":"c-7","type":"duplicate"})");
}

}  // namespace
}  // namespace parley::protocol
