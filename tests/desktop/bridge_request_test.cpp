#include "bridge_request.h"

#include <gtest/gtest.h>

namespace parley::shell {
namespace {

TEST(BridgeRequest, ReadsEachOp) {
    EXPECT_TRUE(std::holds_alternative<AskSnapshot>(parse_bridge_request(R"({"op":"snapshot"})")));
    const auto move =
        std::get<MovePointer>(parse_bridge_request(R"({"op":"mouse","x":12.5,"y":40})"));
    EXPECT_FLOAT_EQ(move.x, 12.5f);
    EXPECT_FLOAT_EQ(move.y, 40.0f);
    const auto button =
        std::get<SetButton>(parse_bridge_request(R"({"op":"button","button":1,"down":true})"));
    EXPECT_EQ(button.button, 1);
    EXPECT_TRUE(button.down);
    EXPECT_FLOAT_EQ(
        std::get<ScrollWheel>(parse_bridge_request(R"({"op":"wheel","dy":-2})")).notches, -2.0f);
    const auto key =
        std::get<SetKey>(parse_bridge_request(R"({"op":"key","key":"Enter","down":false})"));
    EXPECT_EQ(key.key, "Enter");
    EXPECT_FALSE(key.down);
    EXPECT_EQ(std::get<TypeText>(parse_bridge_request(R"({"op":"text","text":"Привет"})")).text,
              "Привет");
    EXPECT_FALSE(
        std::get<SetFocus>(parse_bridge_request(R"({"op":"focus","focused":false})")).focused);
    EXPECT_EQ(std::get<WaitFrames>(parse_bridge_request(R"({"op":"frames","count":3})")).count, 3);
    EXPECT_EQ(
        std::get<SaveScreenshot>(parse_bridge_request(R"({"op":"screenshot","path":"/tmp/a.png"})"))
            .path,
        "/tmp/a.png");
}

TEST(BridgeRequest, RefusesWhatItCannotRead) {
    for (const char* line : {"", "not json", "[1,2]", R"({"x":1})", R"({"op":"fly"})",
                             R"({"op":"mouse","x":"left","y":1})", R"({"op":"key","down":true})"}) {
        const auto request = parse_bridge_request(line);
        ASSERT_TRUE(std::holds_alternative<BadRequest>(request)) << line;
        EXPECT_FALSE(std::get<BadRequest>(request).problem.empty()) << line;
    }
}

}  // namespace
}  // namespace parley::shell
