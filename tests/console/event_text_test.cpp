// A chat's events in words, as the History workspace lists them: every step of a real chat
// (run through the core fixture) reads as a sentence naming people by name, and hand-overs
// read exactly as the transcript's system lines do.
#include "console/event_text.h"
#include "console/activity_text.h"
#include "core/visibility.h"

#include "../core/core_fixture.h"

namespace parley::console {
namespace {

using core::testing::CoreTest;

class EventText : public CoreTest {
protected:
    // The chat's events in words, in order.
    std::vector<std::string> words_of(const core::ChatId& id) const {
        std::vector<std::string> words;
        core::State fold;
        for (const core::EventEnvelope& event : log) {
            const bool ours = core::chat_of(fold, event.event) == id;
            core::apply(fold, event);
            if (ours) {
                words.push_back(event_text(state, event));
            }
        }
        return words;
    }
};

TEST_F(EventText, EveryStepOfAChatReadsAsASentence) {
    const core::QueueId billing = add_queue("Billing");
    const core::Actor maria = add_agent("maria", {billing});
    const core::Actor ivan = add_agent("ivan", {billing});
    const core::ChatId id = start_chat("anna", billing, "", "My invoice\nis wrong");
    ok(maria, core::AcceptChat{id});
    ok(maria, core::PostAgentMessage{id, "Let me look", {}});
    ok(maria, core::AddNote{id, "Second time"});
    ok(maria, core::SetChatTags{id, {"billing", "vip"}});
    ok(maria, core::CreateTicket{id, core::TicketKind::incident, "Invoice", core::Priority::high});
    ok(maria, core::TransferToAgent{id, "ivan", "Knows invoices"});
    ok(ivan, core::AcceptTransfer{id});
    ok(ivan, core::CloseChat{id, "Billing", "Credited", true});
    ok(core::Actor::customer("anna"), core::SubmitCsat{id, 5, "Quick"});

    EXPECT_EQ(words_of(id), (std::vector<std::string>{
                                "anna name started the chat on web in the Billing queue",
                                "anna name wrote: My invoice …",
                                "maria name accepted the chat",
                                "maria name wrote: Let me look",
                                "maria name added an internal note: Second time",
                                "maria name set the tags: billing, vip",
                                "maria name opened high-priority incident ticket #1: Invoice",
                                "maria name transferred the chat to ivan name: Knows invoices",
                                "ivan name accepted the transfer",
                                "Parley wrote: The agent has ended the chat. Thank you for "
                                "contacting us.",
                                "ivan name closed the chat as closed (Billing): Credited",
                                "Ticket #1 became resolved",
                                "The customer rated the chat 5 of 5: Quick",
                            }));
}

TEST_F(EventText, HandOversReadAsTheTranscriptsSystemLines) {
    const core::QueueId billing = add_queue("Billing");
    const core::QueueId general = core::kGeneralQueueId;
    const core::Actor maria = add_agent("maria", {billing, general});
    const core::ChatId id = held_chat(maria, billing, "anna");
    ok(maria, core::TransferToQueue{id, general, "Not billing"});
    ok(maria, core::AcceptChat{id});
    ok(maria, core::ReleaseChat{id});

    const std::vector<std::string> words = words_of(id);
    std::vector<std::string> lines;
    for (const core::Activity& activity : chat(id).activity) {
        lines.push_back(activity_text(state, activity));
    }
    ASSERT_EQ(lines.size(), 4u);
    for (const std::string& line : lines) {
        EXPECT_NE(std::find(words.begin(), words.end(), line), words.end()) << line;
    }
}

TEST_F(EventText, WhoIsNamedByKind) {
    start_chat("anna");
    EXPECT_EQ(actor_text(state, core::Actor::customer("anna")), "anna name");
    EXPECT_EQ(actor_text(state, core::Actor::customer("nobody")), "The customer");
    EXPECT_EQ(actor_text(state, core::Actor::system()), "Parley");
    EXPECT_EQ(actor_text(state, core::Actor::integration("key_1")), "Integration key_1");
    add_agent("maria", {});
    EXPECT_EQ(actor_text(state, core::Actor::agent("maria")), "maria name");
}

}  // namespace
}  // namespace parley::console
