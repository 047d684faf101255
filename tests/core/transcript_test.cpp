// One transcript for every rendering: the console's lines, the REST export and the widget's
// download, and the transcript email all take their order and speaker names from here.
#include "core/transcript.h"

#include "core/calendar.h"
#include "core/email.h"
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Transcript : public HeldChatTest {
protected:
    std::vector<std::string> speakers(bool with_notes) {
        std::vector<std::string> out;
        for (const TranscriptEntry& entry : transcript_entries(state, chat(id), with_notes)) {
            out.emplace_back(entry.speaker);
        }
        return out;
    }
};

TEST(IsoTime, WritesUtcToTheSecond) {
    EXPECT_EQ(iso_time(0), "1970-01-01T00:00:00Z");
    EXPECT_EQ(iso_time(1'700'000'000'000), "2023-11-14T22:13:20Z");
    // A leap day, and milliseconds dropped rather than rounded.
    EXPECT_EQ(iso_time(1'709'251'199'999), "2024-02-29T23:59:59Z");
}

TEST_F(Transcript, EverySpeakerHasOneName) {
    ok(anna, PostCustomerMessage{id, "Is anyone there?", {}});
    ok(maria, PostAgentMessage{id, "Yes, Maria here.", {}});
    ok(Actor::system(), PostSystemMessage{id, "The office closes at six."});
    const Chat& held = chat(id);
    const Message& from_anna = held.messages[held.messages.size() - 3];
    EXPECT_EQ(speaker_name(state, held, from_anna.author), "anna name");
    EXPECT_EQ(speaker_name(state, held, held.messages[held.messages.size() - 2].author),
              "maria name");
    EXPECT_EQ(speaker_name(state, held, held.messages.back().author), kSystemSpeaker);
    EXPECT_EQ(speaker_name(state, held, Author{AuthorKind::bot, "key_bot"}), kBotSpeaker);
}

TEST_F(Transcript, ANoteFollowsAMessageOfTheSameMomentAndPrecedesALaterOne) {
    const std::size_t before = chat(id).messages.size();
    ok(anna, PostCustomerMessage{id, "First", {}});
    ok(maria, AddNote{id, "Same moment as First"});
    advance(kSecond);
    ok(maria, AddNote{id, "Before the reply"});
    advance(kSecond);
    ok(maria, PostAgentMessage{id, "Reply", {}});
    std::vector<std::string> texts;
    for (const TranscriptEntry& entry : transcript_entries(state, chat(id), true)) {
        texts.push_back(entry.note ? "note: " + entry.note->text : entry.message->text);
    }
    ASSERT_EQ(texts.size(), before + 4);
    const std::vector<std::string> tail(texts.end() - 4, texts.end());
    EXPECT_EQ(tail, (std::vector<std::string>{"First", "note: Same moment as First",
                                              "note: Before the reply", "Reply"}));
    EXPECT_EQ(speakers(false).size(), before + 2) << "without notes, only the messages";
}

TEST_F(Transcript, TheTextShowsStaffNotesAndTheResolutionOnlyToStaff) {
    ok(anna, PostCustomerMessage{id, "Line one\nLine two", {}});
    ok(maria, AddNote{id, "VIP customer"});
    ok(maria, CloseChat{id, "Refund", "refund approved", false});
    const std::string staff = transcript_text(state, chat(id), true);
    const std::string customer = transcript_text(state, chat(id), false);
    EXPECT_NE(staff.find("Chat " + id + " transcript\nCustomer: anna name"), std::string::npos)
        << staff;
    EXPECT_NE(staff.find("Queue: Support\n"), std::string::npos);
    EXPECT_NE(staff.find("] anna name: Line one\n    Line two\n"), std::string::npos)
        << "a second line is indented, so it cannot pass for a message of its own";
    EXPECT_NE(staff.find("] Internal note by maria name: VIP customer\n"), std::string::npos);
    EXPECT_NE(staff.find("Resolution: "), std::string::npos);
    EXPECT_NE(staff.find("Resolution notes: refund approved"), std::string::npos);
    EXPECT_NE(customer.find("] anna name: Line one\n"), std::string::npos);
    EXPECT_EQ(customer.find("VIP"), std::string::npos);
    EXPECT_EQ(customer.find("Resolution"), std::string::npos);
    EXPECT_NE(customer.find("\nClosed: " + iso_time(*chat(id).closed_at)), std::string::npos);
}

TEST_F(Transcript, TheEmailUsesTheSameSpeakerNames) {
    ok(Actor::system(), PostSystemMessage{id, "The office closes at six."});
    ok(maria, CloseChat{id, "Refund", "", false});
    const std::string body = transcript_body(state, chat(id));
    EXPECT_NE(body.find("] Parley: The office closes at six."), std::string::npos) << body;
}

}  // namespace
}  // namespace parley::core::testing
