// The text writer (write_text) writes what dump() writes for the same value: for every
// command, event and entity filled by sample_values the text is its own parsed tree dumped
// (members sorted, escaped alike) and reads back as the value; strings of every escape and of
// broken UTF-8 are quoted as dump() quotes them; a snapshot likewise.
#include <gtest/gtest.h>

#include <string>

#include "core/commands.h"
#include "core/events.h"
#include "core/model.h"
#include "protocol/codec.h"
#include "protocol/command_schema.h"
#include "protocol/event_schema.h"
#include "protocol/state_schema.h"
#include "sample_values.h"

namespace parley::protocol {
namespace {

using detail::Json;

// The text is what dump() makes of it, so its members are sorted and escaped as dump() does.
void expect_canonical(const std::string& text) {
    EXPECT_EQ(text, detail::dump(Json::parse(text)));
}

template <class T>
void expect_canonical_and_read_back(const T& value) {
    const std::string text = detail::text_of(value);
    expect_canonical(text);
    T back{};
    const detail::Problem problem = detail::read(Json::parse(text), back, detail::Path{});
    EXPECT_FALSE(problem) << problem->message;
    EXPECT_EQ(back, value);
}

template <class T>
void expect_canonical_filled(int seed) {
    T value{};
    testing::fill(value, seed);
    expect_canonical_and_read_back(value);
}

TEST(TextWriter, EveryCommandAndEventIsWrittenAsDumpWritesIt) {
    testing::for_each_alternative<core::Command>([](const core::Command& command) {
        expect_canonical(encode_command({"command-1", core::Actor::agent("maria"), 7, command}));
    });
    testing::for_each_alternative<core::Event>([](const core::Event& event) {
        expect_canonical(encode_event({"command-1", core::Actor::agent("maria"), 7, event}));
    });
}

TEST(TextWriter, EveryEntityIsWrittenAsDumpWritesItAndReadsBack) {
    expect_canonical_filled<core::Chat>(1);
    expect_canonical_filled<core::Agent>(2);
    expect_canonical_filled<core::Queue>(3);
    expect_canonical_filled<core::Customer>(4);
    expect_canonical_filled<core::Ticket>(5);
    expect_canonical_filled<core::Settings>(6);
    expect_canonical_filled<core::CannedResponse>(7);
    expect_canonical_and_read_back(core::Chat{});
}

TEST(TextWriter, StringsAreEscapedAsDumpEscapesThem) {
    std::string every_ascii;
    for (int c = 0; c < 0x80; ++c) {
        every_ascii += static_cast<char>(c);
    }
    const std::string samples[] = {
        every_ascii,
        "Привет, 世界, 😀",
        "\xC3\xA9 edge: \xF4\x8F\xBF\xBF \xED\x9F\xBF \xEF\xBF\xBD",
        // Not UTF-8: a lone continuation, an overlong form, a surrogate, past U+10FFFF, cut short.
        "before \x80 after",
        "\xC0\xAF",
        "\xED\xA0\x80",
        "\xF4\x90\x80\x80",
        "cut \xE2\x82",
        "",
    };
    for (const std::string& text : samples) {
        std::string written;
        detail::append_quoted(written, text);
        EXPECT_EQ(written, detail::dump(Json(text))) << ::testing::PrintToString(text);
    }
}

TEST(TextWriter, ASnapshotIsWhatItsParsedTreeDumps) {
    core::State state;
    core::Chat chat;
    testing::fill(chat, 9);
    chat.id = "chat-1";
    chat.customer = "anna";
    state.index.chat_positions.emplace(chat.id, 0);
    state.chats.push_back(chat);
    state.chats.push_back(core::Chat{});
    state.index.vacated = 1;
    core::Customer anna;
    testing::fill(anna, 10);
    anna.id = "anna";
    state.customers.emplace(anna.id, anna);
    state.processed_commands.insert("c-1");
    const std::string text = encode_snapshot(state);
    EXPECT_EQ(text, detail::dump(Json::parse(text))) << "members sorted, escaped as dump() does";
    const Json parsed = Json::parse(text);
    EXPECT_EQ(parsed["chats"].size(), 1u) << "the vacated slot is not written";
    EXPECT_EQ(parsed["type"], "snapshot");
    EXPECT_EQ(parsed["processed_commands"], Json::array({"c-1"}));
}

}  // namespace
}  // namespace parley::protocol
