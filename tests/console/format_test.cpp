// Times, durations and canned-response placeholders as people read them.
#include "console/format.h"
#include "console/canned.h"

#include <gtest/gtest.h>

namespace parley::console {
namespace {

TEST(Format, DurationsReadAsSecondsMinutesOrHours) {
    EXPECT_EQ(format_duration(42'000), "42 s");
    EXPECT_EQ(format_duration(187'000), "3:07");
    EXPECT_EQ(format_duration(3'900'000), "1 h 05 min");
    EXPECT_EQ(format_duration(-5), "0 s");
}

TEST(Format, ClockAndDateAreUtc) {
    EXPECT_EQ(format_clock(1'714'572'300'000), "14:05");
    EXPECT_EQ(format_date_time(1'714'572'300'000), "2024-05-01 14:05");
    EXPECT_EQ(format_date_time(0), "1970-01-01 00:00");
    EXPECT_EQ(format_date_time_seconds(1'714'572'309'999), "2024-05-01 14:05:09");
    EXPECT_EQ(format_date_time_seconds(-1'000), "1969-12-31 23:59:59");
}

TEST(Format, AttributeKeysReadAsLabels) {
    EXPECT_EQ(attribute_label("external_id"), "External ID");
    EXPECT_EQ(attribute_label("external_id.crm"), "crm ID");
    EXPECT_EQ(attribute_label("order_number"), "Order number");
    EXPECT_EQ(attribute_label("plan"), "Plan");
    EXPECT_EQ(attribute_label("тариф"), "тариф");
    EXPECT_EQ(attribute_label("external_id."), "External id.");
    EXPECT_EQ(attribute_label(""), "");
}

TEST(Canned, BothPlaceholderSpellingsExpand) {
    EXPECT_EQ(expand_placeholders("Hi {customer.name}, {agent_name} here. {customer_name}!", "Ann",
                                  "Maria"),
              "Hi Ann, Maria here. Ann!");
    EXPECT_EQ(expand_placeholders("{unknown} stays", "Ann", "Maria"), "{unknown} stays");
}

TEST(Canned, ShortcutMatchesComeBeforeTitleMatches) {
    const std::vector<CannedView> canned = {{"Say hi", "greet", "x"}, {"Bye", "hi", "y"}};
    const auto found = matching_canned(canned, "HI");
    ASSERT_EQ(found.size(), 2u);
    EXPECT_EQ(found[0]->shortcut, "hi");
    EXPECT_EQ(found[1]->shortcut, "greet");
}

}  // namespace
}  // namespace parley::console
