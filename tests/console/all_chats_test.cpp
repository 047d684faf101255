// The All chats workspace through a headless ImGui against the miniature server: the table is
// the server's chat list, asked for a page at a time over REST, so a supervisor pages through
// more chats than the console's replica holds; a live chat's row follows the replica, the
// search box asks the server again, and a row opens its chat.
#include "console/all_chats.h"
#include "console/chat_key.h"
#include "console_fixture.h"
#include "protocol/rest/rest_codec.h"

#include <gtest/gtest.h>

namespace parley::console::testing {
namespace {

namespace rest = protocol::rest;

class AllChatsWorkspace : public SupervisorWorkspaceTest {
protected:
    // A row of a chat the server keeps and the console does not hold (archived long ago).
    static rest::ChatRow archived_row(int n) {
        rest::ChatRow row;
        row.id = "cht_old_" + std::to_string(n);
        row.status = core::ChatStatus::archived;
        row.customer = "old-" + std::to_string(n);
        row.customer_name = "Old customer " + std::to_string(n);
        row.operator_name = "maria name";
        row.created_at = 1'000'000 - n;
        row.last_message = rest::LastMessage{"Thanks, all sorted", 1'000'100 - n,
                                             core::AuthorKind::agent, "maria"};
        return row;
    }

    static rest::ChatRow live_row(const core::ChatId& id, const std::string& name) {
        rest::ChatRow row;
        row.id = id;
        row.status = core::ChatStatus::queued;
        row.customer_name = name;
        row.created_at = 2'000'000;
        return row;
    }

    // What GET /api/chats/{chat}/transcript answers for an archived chat Maria answered.
    rest::TranscriptAnswer archived_transcript(const core::ChatId& id) const {
        rest::TranscriptAnswer answer;
        core::Chat& chat = answer.chat;
        chat.id = id;
        chat.customer = "old-4";
        chat.queue = billing;
        chat.status = core::ChatStatus::archived;
        chat.created_at = 1'000'000;
        chat.closed_at = 1'000'200;
        chat.archived_at = 2'000'000;
        chat.last_assignee = "maria";
        core::Message question;
        question.id = 1;
        question.author = {core::AuthorKind::customer, "old-4"};
        question.text = "Is my order sorted?";
        question.at = 1'000'000;
        core::Message reply = question;
        reply.id = 2;
        reply.author = {core::AuthorKind::agent, "maria"};
        reply.text = "Thanks, all sorted";
        reply.at = 1'000'100;
        chat.messages = {question, reply};
        answer.customer_name = "Old customer 4";
        answer.queue_name = "Billing";
        return answer;
    }

    // Takes the console's one request, checks its path, and answers it with `page`.
    void answer(const std::string& path, const rest::ChatPage& page) {
        const std::vector<ApiRequest> requests = app->take_api_requests();
        ASSERT_EQ(requests.size(), 1u);
        EXPECT_EQ(requests[0].method, "GET");
        EXPECT_EQ(requests[0].path, path);
        app->api_answered({requests[0].id, 200, rest::encode(page)});
        frames(2);
    }

    std::vector<core::ChatId> shown() const {
        std::vector<core::ChatId> ids;
        for (const AllChatsRow& row : *model().all_chats->rows) {
            ids.push_back(row.id);
        }
        return ids;
    }
};

TEST_F(AllChatsWorkspace, PagesThroughMoreChatsThanTheReplicaHolds) {
    const core::ChatId ann = start_chat("ann", billing, "", "Where is my refund?");
    sign_in("sofia");
    click("all_chats");
    ASSERT_NE(model().all_chats, nullptr);
    EXPECT_TRUE(model().all_chats->loading);
    answer("/api/chats?limit=100",
           {{live_row(ann, "stale name"), archived_row(1), archived_row(2)}, "cht_old_2"});
    std::vector<core::ChatId> expected{ann, "cht_old_1", "cht_old_2"};
    EXPECT_EQ(shown(), expected);
    // The live chat is drawn from the replica, the others as the server listed them.
    EXPECT_EQ((*model().all_chats->rows)[0].customer, "ann name");
    EXPECT_EQ((*model().all_chats->rows)[0].last_message, "Where is my refund?");
    EXPECT_EQ((*model().all_chats->rows)[1].status, "archived");
    EXPECT_EQ((*model().all_chats->rows)[1].operator_name, "maria name");

    // The end of the table is in sight: the next page is asked for, and appended.
    answer("/api/chats?limit=100&cursor=cht_old_2", {{archived_row(3), archived_row(4)}, {}});
    expected.insert(expected.end(), {"cht_old_3", "cht_old_4"});
    EXPECT_EQ(shown(), expected);
    EXPECT_FALSE(model().all_chats->next_page);
    EXPECT_EQ(app->session().replica().state().chats.size(), 1u)
        << "the console holds only the live chat";
    EXPECT_TRUE(app->take_api_requests().empty());

    // Typing asks the server; its answer replaces the rows.
    click("all_chats.search");
    type("sorted");
    frame();
    const std::vector<ApiRequest> typed = app->take_api_requests();
    ASSERT_FALSE(typed.empty());
    EXPECT_EQ(typed.back().path, "/api/chats?limit=100&search=sorted");
    app->api_answered({typed.back().id, 200, rest::encode(rest::ChatPage{{archived_row(4)}, {}})});
    frames(2);
    EXPECT_EQ(shown(), std::vector<core::ChatId>{"cht_old_4"});

    // The replica does not hold it: the desk reads it from the archive, read-only.
    click("all_chats.row/" + chat_key("cht_old_4"));
    EXPECT_EQ(model().all_chats, nullptr);
    EXPECT_EQ(model().workspace, Workspace::desk);
    EXPECT_FALSE(model().chat);
    const std::vector<ApiRequest> opened = app->take_api_requests();
    ASSERT_EQ(opened.size(), 1u);
    EXPECT_EQ(opened[0].path, "/api/chats/cht_old_4/transcript");
    app->api_answered({opened[0].id, 200, rest::encode(archived_transcript("cht_old_4"))});
    frames(2);
    ASSERT_TRUE(model().chat);
    EXPECT_EQ(model().chat->customer, "Old customer 4");
    EXPECT_EQ(model().chat->status, "archived");
    ASSERT_FALSE(model().chat->transcript.empty());
    EXPECT_FALSE(model().chat->action(core::ChatAction::close).allowed);
    EXPECT_FALSE(model().chat->action(core::ChatAction::join).allowed);
    EXPECT_FALSE(model().chat->action(core::ChatAction::email_customer).allowed);
    ASSERT_FALSE(model().tabs.empty());
    EXPECT_EQ(model().tabs.back().label, "Old customer 4");
    for (const ApiRequest& request : app->take_api_requests()) {
        EXPECT_NE(request.path, opened[0].path) << "asked for once";
    }
}

TEST_F(AllChatsWorkspace, ASecondArchivedChatKeepsTheFirstOnesTab) {
    sign_in("sofia");
    click("all_chats");
    answer("/api/chats?limit=100", {{archived_row(3), archived_row(4)}, {}});
    for (const core::ChatId& id : {core::ChatId("cht_old_3"), core::ChatId("cht_old_4")}) {
        if (model().workspace != Workspace::all_chats) {
            click("all_chats");
        }
        click("all_chats.row/" + chat_key(id));
        const std::vector<ApiRequest> opened = app->take_api_requests();
        ASSERT_FALSE(opened.empty());
        EXPECT_EQ(opened.back().path, "/api/chats/" + id + "/transcript");
        app->api_answered({opened.back().id, 200, rest::encode(archived_transcript(id))});
        frames(2);
    }
    ASSERT_EQ(model().tabs.size(), 2u);
    EXPECT_EQ(model().tabs[0].label, "Earlier chat") << "cht_old_3, read again when chosen";
    EXPECT_EQ(model().tabs[1].label, "Old customer 4");
}

TEST_F(AllChatsWorkspace, NewChatsComeInAndTheLoadedPagesStay) {
    const core::ChatId ann = start_chat("ann", billing, "", "Hello");
    sign_in("sofia");
    click("all_chats");
    answer("/api/chats?limit=100", {{live_row(ann, "ann name"), archived_row(1)}, "cht_old_1"});
    answer("/api/chats?limit=100&cursor=cht_old_1", {{archived_row(2)}, {}});
    frames(2);
    EXPECT_TRUE(app->take_api_requests().empty()) << "nothing changed: nothing asked";

    const core::ChatId bob = start_chat("bob", billing, "", "Card declined");
    frames(2);
    EXPECT_TRUE(app->take_api_requests().empty()) << "not at once: a few seconds after the change";
    advance(6 * core::kSecond);
    frame();
    EXPECT_FALSE(model().all_chats->loading) << "the rows shown stay while they are read again";
    answer("/api/chats?limit=100",
           {{live_row(bob, "bob name"), live_row(ann, "ann name"), archived_row(1)}, "cht_old_1"});
    EXPECT_EQ(shown(), (std::vector<core::ChatId>{bob, ann, "cht_old_1", "cht_old_2"}));
}

TEST_F(AllChatsWorkspace, ARefusalIsShownInWords) {
    sign_in("sofia");
    click("all_chats");
    refuse_the_request();
    EXPECT_EQ(model().all_chats->problem, "Your role may not do this.");
    ASSERT_NE(item("all_chats.problem"), nullptr);
    EXPECT_TRUE(app->take_api_requests().empty()) << "a refusal is not asked again at once";
}

}  // namespace
}  // namespace parley::console::testing
