// The console against a miniature server, through a headless ImGui: signing in, the lists,
// accepting, writing, closing, refusals with the core's reasons, delays, reconnects with
// resume, and a session that ends.
#include "console/chat_key.h"
#include "console_fixture.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace parley::console::testing {
namespace {

using core::testing::CoreTest;

class ConsoleAppTest : public ConsoleTest {
protected:
    void SetUp() override {
        ConsoleTest::SetUp();
        billing = add_queue("Billing");
        maria = add_agent("maria", {billing}, 2);
    }

    core::QueueId billing = 0;
    core::Actor maria;
};

TEST_F(ConsoleAppTest, WithoutASessionItAsksToSignInAndNamesNoProblem) {
    frames(3);
    EXPECT_EQ(model().screen, Screen::sign_in);
    EXPECT_TRUE(model().sign_in_reason.empty()) << "a first visit is not an expiry";
    ASSERT_NE(item("sign_in.submit"), nullptr);
    EXPECT_FALSE(item("sign_in.submit")->enabled) << "nothing typed yet";
}

TEST_F(ConsoleAppTest, SigningInSendsTheTokenAndShowsTheDesk) {
    sign_in("maria");
    EXPECT_EQ(gate.requests, std::vector<std::string>{"maria/maria-secret"});
    ASSERT_TRUE(server->last_hello);
    EXPECT_EQ(server->last_hello->token, "token-maria");
    EXPECT_EQ(model().top.agent_name, "maria name");
    EXPECT_EQ(model().top.presence, core::Presence::online);
    EXPECT_EQ(model().top.capacity, 2);
}

TEST_F(ConsoleAppTest, AQueuedChatIsAcceptedAndAnsweredFromTheComposer) {
    sign_in("maria");
    const core::ChatId chat = start_chat("ann", billing, "", "Where is my invoice?");
    frames(2);
    ASSERT_EQ(model().queue.total(), 1u);
    EXPECT_EQ(model().queue.rows[0].customer, "ann name");
    EXPECT_EQ(model().queue.rows[0].preview, "Where is my invoice?");
    EXPECT_EQ(model().queue.rows[0].unread, 1);

    click("accept/" + chat_key(chat));
    frames(2);
    EXPECT_EQ(state.find_chat(chat)->assignee, "maria");
    ASSERT_EQ(model().mine.total(), 1u);
    EXPECT_TRUE((model().queue.total() == 0));
    EXPECT_EQ(model().top.load, 1);
    ASSERT_TRUE(model().chat);
    EXPECT_EQ(model().chat->id, chat);

    type("Let me look at it.");
    press_enter();
    frames(2);
    const auto& messages = state.find_chat(chat)->messages;
    ASSERT_FALSE(messages.empty());
    EXPECT_EQ(messages.back().text, "Let me look at it.");
    EXPECT_EQ(messages.back().author.kind, core::AuthorKind::agent);
    EXPECT_EQ(model().chat->transcript.back().text, "Let me look at it.");
    EXPECT_EQ(model().queue.total() + model().mine.total(), 1u);
}

TEST_F(ConsoleAppTest, ShiftEnterStartsANewLineInsteadOfSending) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    type("first");
    ImGui::GetIO().KeyShift = true;
    press_enter();
    ImGui::GetIO().KeyShift = false;
    type("second");
    press_enter();
    frames(2);
    EXPECT_EQ(state.find_chat(chat)->messages.back().text, "first\nsecond");
}

TEST_F(ConsoleAppTest, CannedResponsesExpandTheirPlaceholders) {
    ok(maria, core::CreateCannedResponse{"Greeting", "hi",
                                         "Hello {customer.name}, I am {agent_name}.", true});
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    type("/h");
    frame();
    ASSERT_NE(item("canned/hi"), nullptr);
    click("canned/hi");
    click("send");
    frames(2);
    EXPECT_EQ(state.find_chat(chat)->messages.back().text, "Hello ann name, I am maria name.");
}

TEST_F(ConsoleAppTest, ADisabledActionCarriesTheCoresReason) {
    sign_in("maria");
    const core::ChatId chat = start_chat("ann", billing);
    frames(2);
    click("open/" + chat_key(chat));
    const AutomationItem* close = item("action.close/" + chat_key(chat));
    ASSERT_NE(close, nullptr);
    EXPECT_FALSE(close->enabled);
    const core::ActionCheck check =
        core::check_action(state, chat, maria, core::ChatAction::close, now);
    ASSERT_TRUE(check.refused);
    EXPECT_EQ(close->reason, check.refused->message);
}

TEST_F(ConsoleAppTest, TheTranscriptSaysWhoTransferredTheChatAndWithWhichNote) {
    const core::Actor ivan = add_agent("ivan", {billing}, 2);
    sign_in("ivan");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    ok(maria, core::PostAgentMessage{chat, "Ivan knows invoices best.", {}});
    ok(maria, core::TransferToAgent{chat, "ivan", "Refund of March, already approved"});
    frames(2);
    click("tab.Transferred");
    click("accept/" + chat_key(chat));
    frames(2);
    EXPECT_EQ(state.find_chat(chat)->assignee, "ivan");
    open_held(chat);
    ASSERT_TRUE(model().chat);
    std::vector<std::string_view> system_lines;
    for (const TranscriptLine& line : model().chat->transcript) {
        if (line.kind == LineKind::system) {
            system_lines.push_back(line.text);
        }
    }
    EXPECT_EQ(system_lines, (std::vector<std::string_view>{
                                "maria name accepted the chat",
                                "maria name transferred the chat to ivan name: Refund of March, "
                                "already approved",
                                "ivan name accepted the transfer"}));
    EXPECT_EQ(model().chat->transcript.back().text, "ivan name accepted the transfer");
    ok(ivan, core::ReleaseChat{chat});
    frames(2);
    click("tab.Queue");
    click("open/" + chat_key(chat));
    ASSERT_TRUE(model().chat);
    EXPECT_EQ(model().chat->transcript.back().text, "ivan name released the chat to the queue");
}

TEST_F(ConsoleAppTest, ClosingWithAResolutionGoesThroughTheDialog) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    click("action.close/" + chat_key(chat));
    frames(1);
    ASSERT_NE(item("close.category/Problem solved"), nullptr);
    click("close.category/Problem solved");
    click("dialog.confirm");
    frames(2);
    const core::Chat& closed = *state.find_chat(chat);
    EXPECT_EQ(closed.status, core::ChatStatus::closed);
    ASSERT_TRUE(closed.resolution);
    EXPECT_EQ(closed.resolution->category, "Problem solved");
    EXPECT_TRUE((model().mine.total() == 0));
}

TEST_F(ConsoleAppTest, ItemsBehindAnOpenDialogAreNotPublished) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    ASSERT_NE(item("action.release/" + chat_key(chat)), nullptr);
    click("action.close/" + chat_key(chat));
    frames(1);
    // A click there would land on the dialog: a driver must wait for it to close.
    EXPECT_NE(item("dialog.confirm"), nullptr);
    EXPECT_EQ(item("action.release/" + chat_key(chat)), nullptr);
    EXPECT_EQ(item("tab.My chats"), nullptr);
    click("dialog.cancel");
    frames(1);
    EXPECT_NE(item("action.release/" + chat_key(chat)), nullptr);
}

TEST_F(ConsoleAppTest, ARefusedCommandShowsTheCoresSentence) {
    sign_in("maria");
    const core::ChatId chat = start_chat("ann", billing);
    frames(2);
    // Ivan takes it between Maria's look and her click: the server refuses hers.
    ok(add_agent("ivan", {billing}), core::AcceptChat{chat});
    FrameOutput clicked;
    clicked.send(core::AcceptChat{chat}, "Accept ann name");
    app->act(std::move(clicked), {seconds, now});
    frames(2);
    ASSERT_TRUE(model().refusal);
    EXPECT_EQ(model().refusal->what, "Accept ann name");
    EXPECT_NE(model().refusal->message.find("already accepted"), std::string::npos);
    click("refusal.dismiss");
    EXPECT_FALSE(model().refusal);
}

TEST_F(ConsoleAppTest, UnansweredCommandsMakeTheConsoleDelayed) {
    sign_in("maria");
    start_chat("ann", billing);
    frames(2);
    server->answering = false;
    click("accept_next");
    EXPECT_FALSE(model().top.delayed);
    frame(1.2);
    frame();
    EXPECT_TRUE(model().top.delayed);
    EXPECT_EQ(model().top.pending, 1u);
}

TEST_F(ConsoleAppTest, AReconnectResumesAndResendsWhatWasNotAnswered) {
    sign_in("maria");
    const core::ChatId chat = start_chat("ann", billing);
    frames(2);
    const auto resume_point = app->session().replica().resume_point();
    ASSERT_TRUE(resume_point);

    server->answering = false;
    click("accept/" + chat_key(chat));
    server->drop();
    server->answering = true;
    frame();
    EXPECT_EQ(model().top.connection, ConnectionStatus::waiting_to_retry);
    frame(1.5);
    frames(3);
    ASSERT_TRUE(server->last_hello);
    EXPECT_EQ(server->last_hello->resume_from, resume_point);
    EXPECT_EQ(state.find_chat(chat)->assignee, "maria") << "the accept was sent again";
    EXPECT_EQ(model().mine.total(), 1u);
    EXPECT_EQ(model().top.pending, 0u);
}

TEST_F(ConsoleAppTest, AnEndedSessionReturnsToSignInWithAReason) {
    sign_in("maria");
    server->account.reset();
    server->drop();
    frame();
    frame(1.5);
    frames(2);
    EXPECT_EQ(model().screen, Screen::sign_in);
    EXPECT_NE(model().sign_in_reason.find("ended or expired"), std::string::npos);
}

TEST_F(ConsoleAppTest, TheServersReasonForEndingTheSessionIsShown) {
    sign_in("maria");
    server->account.reset();
    server->end_session("password reset");
    frame();
    frame(1.5);
    frames(2);
    EXPECT_EQ(model().screen, Screen::sign_in);
    EXPECT_EQ(model().sign_in_reason, "Your session has ended (password reset). Sign in again.");
}

TEST_F(ConsoleAppTest, AnAttachedFileGoesWithTheNextMessage) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    ASSERT_NE(item("composer.attach"), nullptr);
    EXPECT_FALSE(item("composer.attach")->enabled) << "no file picker in this shell";
    EXPECT_NE(item("composer.attach")->reason.find("no file dialog"), std::string::npos);

    app->offer_file_picker();
    frame();
    click("composer.attach");
    auto uploads = app->take_uploads();
    ASSERT_EQ(uploads.size(), 1u);
    EXPECT_EQ(uploads[0].path, "/api/chats/" + chat_key(chat) + "/attachments");
    const core::Attachment file{"steps.txt", "text/plain", 12, "/api/attachments/att_1"};
    app->upload_reported(UploadStarted{uploads[0].id, "steps.txt"});
    app->upload_reported(UploadStored{uploads[0].id, file});
    frames(2);
    ASSERT_NE(item("composer.attachment/steps.txt"), nullptr);

    click("composer");
    type("Here are the steps.");
    press_enter();
    frames(2);
    const core::Message& sent = state.find_chat(chat)->messages.back();
    EXPECT_EQ(sent.text, "Here are the steps.");
    EXPECT_EQ(sent.attachments, std::vector<core::Attachment>{file});
    EXPECT_EQ(item("composer.attachment/steps.txt"), nullptr) << "sent files leave the composer";

    click("composer.attach");
    uploads = app->take_uploads();
    ASSERT_EQ(uploads.size(), 1u);
    app->upload_reported(UploadRefused{uploads[0].id, "Files of type a/b are not allowed here."});
    frames(2);
    ASSERT_NE(item("composer.upload_problem"), nullptr);
    EXPECT_EQ(item("composer.upload_problem")->label, "Files of type a/b are not allowed here.");
}

TEST_F(ConsoleAppTest, ATranscriptLineIsCopiedFromItsMenu) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    frames(2);
    open_held(chat);
    const auto& items = app->last_output().items;
    const auto line = std::find_if(items.begin(), items.end(), [](const AutomationItem& i) {
        return i.id.starts_with("transcript.line/") && i.label == "Hello";
    });
    ASSERT_NE(line, items.end());
    ImGui::SetClipboardText("something else");
    click(line->id, 1);
    click("transcript.copy");
    EXPECT_STREQ(ImGui::GetClipboardText(), "Hello");
}

TEST_F(ConsoleAppTest, SigningOutForgetsTheDesk) {
    sign_in("maria");
    click("sign_out");
    frames(2);
    EXPECT_EQ(model().screen, Screen::sign_in);
    EXPECT_EQ(model().sign_in_reason, "You have signed out.");
    EXPECT_FALSE(app->session().actor());
}

TEST_F(ConsoleAppTest, PresenceChangesThroughTheCore) {
    sign_in("maria");
    click("presence");
    click("presence.away");
    frames(2);
    EXPECT_EQ(state.find_agent("maria")->presence, core::Presence::away);
    EXPECT_EQ(model().top.presence, core::Presence::away);
}

TEST_F(ConsoleAppTest, ChatsStartedOutOfSightDoNotHideLaterOnes) {
    const core::QueueId technical = add_queue("Technical");
    sign_in("maria");
    start_chat("hidden", technical);
    const core::ChatId mine = start_chat("ann", billing, "", "Hello");
    frames(3);
    frame(1.5);  // a replica that could not place the chat reconnects for a snapshot
    frames(4);
    EXPECT_EQ(model().screen, Screen::desk);
    ASSERT_EQ(model().queue.total(), 1u);
    EXPECT_EQ(model().queue.rows[0].id, mine);
    EXPECT_EQ(model().queue.rows[0].preview, "Hello");
}

TEST_F(ConsoleAppTest, ANewChatInMyQueuesIsAnnouncedOnce) {
    start_chat("early", billing);
    sign_in("maria");
    EXPECT_TRUE(app->take_notices().empty()) << "what waits at sign-in is not news";
    start_chat("ann", billing, "", "Where is my invoice?");
    frames(2);
    const auto notices = app->take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].title, "New chat: ann name");
    EXPECT_EQ(notices[0].body, "Where is my invoice?");
    frames(2);
    EXPECT_TRUE(app->take_notices().empty());
}

TEST_F(ConsoleAppTest, ANewChatIsAnnouncedWithTheCustomersFirstWords) {
    sign_in("maria");
    const core::ChatId chat = start_chat("bo", billing, "", "");
    frames(2);
    EXPECT_TRUE(app->take_notices().empty()) << "waits for the customer's first words";
    ok(core::Actor::customer("bo"), core::PostCustomerMessage{chat, "Is anyone there?", {}});
    frames(2);
    auto notices = app->take_notices();
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].body, "Is anyone there?");

    start_chat("cy", billing, "", "");
    frames(2);
    EXPECT_TRUE(app->take_notices().empty());
    frame(2.5);
    notices = app->take_notices();
    ASSERT_EQ(notices.size(), 1u) << "a chat that stays silent is announced anyway";
    EXPECT_EQ(notices[0].title, "New chat: cy name");
    frames(2);
    EXPECT_TRUE(app->take_notices().empty());
}

}  // namespace
}  // namespace parley::console::testing
