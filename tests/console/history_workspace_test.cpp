// The History workspace through a headless ImGui against the miniature server: a supervisor
// picks a chat, the console asks for its history over REST, lists its events in words and
// replays the chat to the selected event; a refused or failed call shows the sentence.
#include "console/automation.h"
#include "console/chat_key.h"
#include "console/history_model.h"
#include "console_fixture.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/history_codec.h"
#include "protocol/rest/rest_codec.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace parley::console::testing {
namespace {

class HistoryWorkspace : public SupervisorWorkspaceTest {
protected:
    // Ann's chat: she asks, Maria accepts and answers; Bob's chat waits beside it.
    core::ChatId answered_chat() {
        const core::ChatId ann = start_chat("ann", billing, "", "Where is my invoice?");
        start_chat("bob", billing, "", "Hello?");
        ok(maria, core::AcceptChat{ann});
        ok(maria, core::PostAgentMessage{ann, "It is in your account", {}});
        return ann;
    }

    // The server's answer to GET /api/chats/{chat}/history: the chat's events as stored, each
    // with its place in the log.
    std::string history_of(const core::ChatId& chat) const {
        std::vector<std::string> texts;
        std::vector<std::uint64_t> seqs;
        core::State fold;
        for (std::size_t i = 0; i < log.size(); ++i) {
            if (core::chat_of(fold, log[i].event) == chat) {
                texts.push_back(protocol::encode_event(log[i]));
                seqs.push_back(i + 1);
            }
            core::apply(fold, log[i]);
        }
        std::vector<protocol::EncodedHistoryEntry> entries;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            entries.push_back({seqs[i], texts[i]});
        }
        return protocol::encode_chat_history(chat, entries);
    }

    // Takes the console's one request, checks it, and answers it.
    void answer(const core::ChatId& chat, int status, const std::string& body) {
        const std::vector<ApiRequest> requests = app->take_api_requests();
        ASSERT_EQ(requests.size(), 1u);
        EXPECT_EQ(requests[0].method, "GET");
        EXPECT_EQ(requests[0].path, "/api/chats/" + chat_key(chat) + "/history");
        app->api_answered({requests[0].id, status, body});
        frames(2);
    }

    // Answers the picker's request for `path` with the chats the server would list (newest
    // first), as rows of the fixture's State.
    void answer_picks(const std::string& path, const std::vector<core::ChatId>& chats) {
        const std::vector<ApiRequest> requests = app->take_api_requests();
        ASSERT_EQ(requests.size(), 1u);
        EXPECT_EQ(requests[0].path, path);
        protocol::rest::ChatPage page;
        for (const core::ChatId& id : chats) {
            const core::Chat& chat = *state.find_chat(id);
            protocol::rest::ChatRow row;
            row.id = id;
            row.status = chat.status;
            row.customer = chat.customer;
            row.customer_name = state.customers.at(chat.customer).name;
            row.created_at = chat.created_at;
            page.chats.push_back(row);
        }
        app->api_answered({requests[0].id, 200, protocol::rest::encode(page)});
        frames(2);
    }

    void open_history_of(const core::ChatId& chat) {
        sign_in("sofia");
        click("nav.history");
        ASSERT_NE(model().history, nullptr);
        answer_picks("/api/chats?limit=100", {chat});
        click("history.pick/" + chat_key(chat));
    }

    // The position of the first row whose words match `what`.
    std::size_t row_of(const std::string& what) const {
        const std::vector<HistoryRow>& rows = *model().history->rows;
        return static_cast<std::size_t>(
            std::find_if(rows.begin(), rows.end(),
                         [&](const HistoryRow& row) { return row.what == what; }) -
            rows.begin());
    }
};

TEST_F(HistoryWorkspace, ListsTheEventsAndReplaysTheChatToTheSelectedOne) {
    const core::ChatId ann = answered_chat();
    open_history_of(ann);
    EXPECT_TRUE(model().history->loading);
    answer(ann, 200, history_of(ann));

    const HistoryView& history = *model().history;
    EXPECT_FALSE(history.loading);
    EXPECT_EQ(history.customer, "ann name");
    ASSERT_NE(history.rows, nullptr);
    const std::size_t accepted = row_of("maria name accepted the chat");
    ASSERT_LT(accepted, history.event_count());
    EXPECT_EQ((*history.rows)[accepted].who, "maria name");
    EXPECT_LT(row_of("ann name wrote: Where is my invoice?"), accepted);
    EXPECT_LT(accepted, row_of("maria name wrote: It is in your account"));
    EXPECT_LT(row_of("maria name wrote: It is in your account"), history.event_count());

    // The latest event is selected first: the chat as it is now.
    EXPECT_EQ(history.selected, history.event_count() - 1);
    ASSERT_TRUE(history.replayed);
    EXPECT_EQ(history.replayed->status, "active");
    EXPECT_EQ(history.replayed->assignee, "maria name");
    EXPECT_EQ(history.replayed->queue, "Billing");

    click("history.event/" + std::to_string(accepted - 1));
    ASSERT_TRUE(model().history->replayed);
    EXPECT_EQ(model().history->selected, accepted - 1);
    EXPECT_EQ(model().history->replayed->status, "queued");
    EXPECT_EQ(model().history->replayed->assignee, "");
    EXPECT_EQ(model().history->replayed->transcript.size(), 1u) << "only Ann's question yet";

    const std::string summary = automation_json(model(), app->last_output());
    EXPECT_NE(summary.find("\"status\":\"queued\""), std::string::npos) << summary;
    EXPECT_TRUE(app->take_api_requests().empty()) << "one chat is asked for once";
}

TEST_F(HistoryWorkspace, RefreshAsksAgainAndAnotherChatGoesBackToThePicker) {
    const core::ChatId ann = answered_chat();
    open_history_of(ann);
    answer(ann, 200, history_of(ann));
    const std::size_t before = model().history->event_count();

    ok(maria, core::AddNote{ann, "Invoice resent"});
    click("history.refresh");
    answer(ann, 200, history_of(ann));
    EXPECT_EQ(model().history->event_count(), before + 1);
    EXPECT_EQ(model().history->replayed->transcript.size(), 4u)
        << "question, accept, answer and the new note";

    click("history.choose");
    EXPECT_FALSE(model().history->chat);
    answer_picks("/api/chats?limit=100", {chat_id(2), ann});
    EXPECT_EQ(model().history->picks.size(), 2u);
}

TEST_F(HistoryWorkspace, ThePickerSearchesCustomersNewestFirst) {
    const core::ChatId ann = answered_chat();
    sign_in("sofia");
    click("nav.history");
    answer_picks("/api/chats?limit=100", {chat_id(2), ann});
    ASSERT_EQ(model().history->picks.size(), 2u);
    EXPECT_EQ(model().history->picks[0].customer, "bob name") << "as the server ordered them";
    click("history.search");
    type("ann");
    frame();
    std::vector<ApiRequest> typed = app->take_api_requests();
    ASSERT_FALSE(typed.empty());
    EXPECT_EQ(typed.back().path, "/api/chats?limit=100&customer=ann");
    app->api_answered(
        {typed.back().id, 200,
         R"({"chats":[{"id":")" + ann +
             R"(","status":"active","channel":"web","queue":2,"queue_name":"Billing",)"
             R"("customer":"ann","customer_name":"ann name","created_at":1,)"
             R"("message_count":2}]})"});
    frames(2);
    ASSERT_EQ(model().history->picks.size(), 1u);
    EXPECT_EQ(model().history->picks[0].id, ann);
}

TEST_F(HistoryWorkspace, ARefusalOrAFailureIsShownInWords) {
    const core::ChatId ann = answered_chat();
    open_history_of(ann);
    answer(ann, 403, R"({"code":"not_authorized","message":"Your role may not do this."})");
    EXPECT_FALSE(model().history->loading);
    EXPECT_EQ(model().history->problem, "Your role may not do this.");
    EXPECT_EQ(model().history->rows, nullptr);

    click("history.refresh");
    answer(ann, 0, "The server cannot be reached.");
    EXPECT_EQ(model().history->problem, "The server cannot be reached.");

    click("history.refresh");
    answer(ann, 200, R"({"chat":")" + chat_key(ann) + R"(","events":[{"seq":1}]})");
    EXPECT_NE(model().history->problem.find("could not be read"), std::string::npos);
}

}  // namespace
}  // namespace parley::console::testing
