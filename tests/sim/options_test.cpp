// parley-sim's command line: good flags become settings, bad ones one clear sentence.
#include <gtest/gtest.h>

#include "sim/options.h"

namespace parley::sim {
namespace {

std::string error_of(const std::vector<std::string>& args) {
    const ParsedFlags parsed = parse_flags(args);
    const auto* error = std::get_if<FlagError>(&parsed);
    return error == nullptr ? "" : error->message;
}

TEST(SimOptions, ReadsEveryFlag) {
    const ParsedFlags parsed =
        parse_flags({"--server", "http://127.0.0.1:9000", "--rate=6", "--queues",
                     "General=2,Billing=1", "--agents", "3", "--seed", "42", "--duration", "90",
                     "--languages", "ru,en", "--max-waiting", "5", "--speed", "10"});
    ASSERT_TRUE(std::holds_alternative<SimOptions>(parsed));
    const auto& options = std::get<SimOptions>(parsed);
    EXPECT_EQ(options.server, "http://127.0.0.1:9000");
    EXPECT_EQ(options.customers_per_minute, 6);
    ASSERT_EQ(options.queues.size(), 2u);
    EXPECT_EQ(options.queues[0].queue, "General");
    EXPECT_EQ(options.queues[0].weight, 2);
    EXPECT_EQ(options.agents, 3);
    EXPECT_EQ(options.seed, 42u);
    EXPECT_EQ(options.duration_seconds, 90);
    EXPECT_EQ(options.languages, (std::vector<std::string>{"ru", "en"}));
    EXPECT_EQ(options.max_waiting, 5);
    EXPECT_EQ(options.speed, 10);
}

TEST(SimOptions, HelpIsAskedFor) {
    EXPECT_TRUE(std::holds_alternative<ShowHelp>(parse_flags({"--rate", "3", "--help"})));
    EXPECT_NE(help_text().find("--agents"), std::string::npos);
}

TEST(SimOptions, BadFlagsSayWhatIsWrong) {
    EXPECT_EQ(error_of({"--rat", "3"}), "Unknown option '--rat' (see parley-sim --help).");
    EXPECT_EQ(error_of({"--rate"}), "Option --rate needs a value (see parley-sim --help).");
    EXPECT_NE(error_of({"--rate", "many"}).find("must be a number"), std::string::npos);
    EXPECT_NE(error_of({"--agents", "-1"}).find("must be a number from 0"), std::string::npos);
    EXPECT_EQ(error_of({"--languages", "en,xx"}),
              "Unknown language 'xx': choose from en, ru, de, es, fr.");
    EXPECT_NE(error_of({"--queues", "General=0"}).find("weight above 0"), std::string::npos);
    EXPECT_NE(error_of({"--admin", "nopassword"}).find("ID:PASSWORD"), std::string::npos);
    EXPECT_NE(error_of({"--rate", "6", "--min-gap", "10"}).find("shorter than the mean gap"),
              std::string::npos);
}

}  // namespace
}  // namespace parley::sim
