// The automation snapshot's bytes, pinned: the browser tests (tests/e2e) read these keys, so a
// change here is a change of what they see. Parts that are not on screen are left out, never
// null.
#include <gtest/gtest.h>

#include <string>

#include "protocol/automation/automation_codec.h"

namespace parley::protocol::automation {
namespace {

TEST(AutomationSnapshot, ASignInScreenHasNoChatAndNoWorkspaceParts) {
    AutomationSnapshot snapshot;
    snapshot.screen = "sign_in";
    snapshot.connection = "stopped";
    snapshot.workspace = "desk";
    snapshot.frame = 7;
    snapshot.items = {{"sign_in.submit", "Sign in", 10, 20.5, 80, 24, false, "Type a name"}};
    EXPECT_EQ(encode(snapshot),
              R"({"agent":"","capacity":0,"connection":"stopped","delayed":false,"frame":7,)"
              R"("items":[{"enabled":false,"height":24.0,"id":"sign_in.submit",)"
              R"("label":"Sign in","reason":"Type a name","width":80.0,"x":10.0,"y":20.5}],)"
              R"("load":0,"mine":[],"pending":0,"presence":"offline","problem":"","queue":[],)"
              R"("refusal":"","screen":"sign_in","sign_in_reason":"","transferred":[],)"
              R"("workspace":"desk"})");
}

TEST(AutomationSnapshot, TheDeskShowsListsTheOpenChatAndResources) {
    AutomationSnapshot snapshot;
    snapshot.screen = "desk";
    snapshot.presence = core::Presence::online;
    snapshot.queue = {{"cht_1", "Ann Lee", core::ChatStatus::queued, 2, "Hello?"}};
    OpenChat chat{"cht_1", "Ann Lee", "active", "Billing", true, {}, {}};
    chat.lines = {{"agent", "Maria", "Hi", "read"}, {"system", "", "Accepted", ""}};
    chat.bot = BotHandOver{"refund", {{"plan", "pro"}}, {{"bot", "Which order?"}}};
    snapshot.chat = chat;
    ResourcesSummary resources;
    resources.outages = {{4, "Mail", "Mail is slow", true}};
    resources.suggestions = {{3, "Refunds", "https://kb/3"}};
    resources.preview = ArticlePreview{3, "Refunds", "Open Billing"};
    resources.draft = "See https://kb/3";
    snapshot.resources = resources;
    const std::string bytes = encode(snapshot);
    EXPECT_NE(bytes.find(R"("queue":[{"customer":"Ann Lee","key":"cht_1","preview":"Hello?",)"
                         R"("status":"queued","unread":2}])"),
              std::string::npos)
        << bytes;
    EXPECT_NE(bytes.find(R"("chat":{"bot":{"attributes":{"plan":"pro"},"intent":"refund",)"
                         R"("transcript":[{"speaker":"bot","text":"Which order?"}]},)"
                         R"("customer":"Ann Lee","customer_typing":true,"key":"cht_1",)"
                         R"("lines":[{"author":"Maria","kind":"agent","state":"read","text":"Hi"},)"
                         R"({"author":"","kind":"system","state":"","text":"Accepted"}],)"
                         R"("queue":"Billing","status":"active"})"),
              std::string::npos)
        << bytes;
    EXPECT_NE(
        bytes.find(R"("resources":{"draft":"See https://kb/3",)"
                   R"("outages":[{"current":true,"id":4,"service":"Mail","title":"Mail is slow"}],)"
                   R"("preview":{"body":"Open Billing","id":3,"title":"Refunds"},"problem":"",)"
                   R"("results":[],"searched":"",)"
                   R"("suggestions":[{"id":3,"link":"https://kb/3","title":"Refunds"}],)"
                   R"("suggestions_loading":false})"),
        std::string::npos)
        << bytes;
}

TEST(AutomationSnapshot, HistoryNamesTheSelectionOnlyWithTheReplayedChat) {
    AutomationSnapshot snapshot;
    snapshot.history = HistorySummary{};
    snapshot.history->picks = 2;
    EXPECT_NE(encode(snapshot).find(R"("history":{"chat":"","customer":"","events":0,)"
                                    R"("loading":false,"picks":2,"problem":"","rows":[]})"),
              std::string::npos)
        << encode(snapshot);

    HistorySummary history;
    history.chat = "cht_1";
    history.customer = "Ann Lee";
    history.events = 1;
    history.rows = {{7, "Maria", "accepted the chat"}};
    history.selected = 0;
    history.replayed = ReplayedChat{1, "queued", "Billing", "", 1};
    snapshot.history = history;
    EXPECT_NE(encode(snapshot).find(
                  R"("history":{"chat":"cht_1","customer":"Ann Lee","events":1,"loading":false,)"
                  R"("picks":0,"problem":"","replayed":{"after":1,"assignee":"","lines":1,)"
                  R"("queue":"Billing","status":"queued"},)"
                  R"("rows":[{"seq":7,"what":"accepted the chat","who":"Maria"}],"selected":0})"),
              std::string::npos)
        << encode(snapshot);
}

TEST(AutomationSnapshot, FloorAndAnalyticsCarryTheirFigures) {
    AutomationSnapshot snapshot;
    snapshot.floor = FloorSummary{{{"Billing", 3, 1, 2, 65000, {{"Maria", 1}}, 9, 1}},
                                  {{"maria", core::Presence::away, 1, 4}},
                                  {{"cht_1", "Ann Lee has waited 2:10 in Billing (target 1:00)"}}};
    snapshot.analytics = AnalyticsSummary{core::GroupBy::queue, 100, 200, {}, "/api/analytics.csv"};
    snapshot.analytics->rows = {{"Billing", 5, 1, 30, {"5", "20%"}}};
    const std::string bytes = encode(snapshot);
    EXPECT_NE(bytes.find(R"("floor":{"agents":[{"capacity":4,"id":"maria","load":1,)"
                         R"("presence":"away"}],"alerts":[{"chat":"cht_1",)"
                         R"x("text":"Ann Lee has waited 2:10 in Billing (target 1:00)"}],)x"
                         R"("queues":[{"abandoned_today":1,"active":2,"longest_wait":65000,)"
                         R"("name":"Billing","offered":1,"online":[{"agent":"Maria","load":1}],)"
                         R"("started_today":9,"waiting":3}]})"),
              std::string::npos)
        << bytes;
    EXPECT_NE(bytes.find(R"("analytics":{"by":"queue","csv":"/api/analytics.csv",)"
                         R"("from":100,"rows":[{"abandoned":1,"cells":["5","20%"],"chats":5,)"
                         R"("group":"Billing","messages":30}],"to":200})"),
              std::string::npos)
        << bytes;
}

}  // namespace
}  // namespace parley::protocol::automation
