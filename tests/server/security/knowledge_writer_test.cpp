// Issue 16 (found by reading): the knowledge base was a second writer on the event log's file,
// so an article being written held the lock every event commit waits for. Holding a write
// transaction on whichever file keeps the articles (as a long article write does) must not
// stall a customer's message; and an older data folder's articles and outages move over.
#include <gtest/gtest.h>

#include "rest/rest_test_support.h"
#include "server/knowledge/sqlite_knowledge_store.h"
#include "server/store/sqlite_db.h"
#include "server/store/sqlite_store.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

bool has_table(const std::filesystem::path& file, const std::string& table) {
    auto db = sqlite::Connection::open(file, sqlite::Connection::Mode::existing);
    sqlite::Query query(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    return query.bind_text(1, table).next_row();
}

// The SQLite file in the data folder that holds the knowledge base's articles.
std::filesystem::path article_file(const std::filesystem::path& data) {
    for (const auto& entry : std::filesystem::directory_iterator(data)) {
        if (entry.path().extension() == ".db" && has_table(entry.path(), "knowledge_articles")) {
            return entry.path();
        }
    }
    return {};
}

TEST(Knowledge_SecondWriter, AnArticleWriteInProgressDoesNotStallEventCommits) {
    TestServer server;
    const CustomerChat chat = start_chat_directly(server.server(), "Kai Wait", "hello");
    WsClient customer(server.port());
    ASSERT_EQ(customer.hello(chat.token)["type"], "welcome");
    customer.expect("sync");

    const auto file = article_file(server.data_dir() / "data");
    ASSERT_FALSE(file.empty()) << "no file holds the articles";
    auto writer = sqlite::Connection::open(file, sqlite::Connection::Mode::existing);
    writer.exec("PRAGMA busy_timeout = 5000");
    writer.exec("BEGIN IMMEDIATE");
    sqlite::Query(writer, "UPDATE knowledge_articles SET body = body || ' (editing)'").run();

    const json reply = customer.command(
        {{"type", "post_customer_message"}, {"chat", chat.chat}, {"text", "are you there?"}});
    EXPECT_EQ(reply.value("type", ""), "ack") << "the event commit waited for the article write";
    writer.exec("ROLLBACK");
    EXPECT_FALSE(server.server().failed());
}

TEST(Knowledge_SecondWriter, ArticlesAndOutagesOfAnOlderDataFolderMoveToTheirOwnFile) {
    const auto dir = fresh_temp_dir("parley-knowledge-");
    const auto events = dir / "parley.db";
    core::Article article;
    article.title = "Resetting a router";
    article.body = "Hold the reset button for ten seconds.";
    article.tags = {"router"};
    article.status = core::ArticleStatus::published;
    core::Outage outage;
    outage.title = "Mail delays";
    outage.service = "Email";
    outage.starts_at = 1000;
    outage.expected_end = 2000;
    {
        // The layout of earlier builds: the knowledge tables inside the event log's file.
        auto log = SqliteStore::open(events);
        ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteStore>>(log));
        auto legacy = SqliteKnowledgeStore::open(events);
        ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteKnowledgeStore>>(legacy));
        auto& store = *std::get<std::unique_ptr<SqliteKnowledgeStore>>(legacy);
        article = store.put_article(article).value();
        outage = store.put_outage(outage).value();
    }
    for (int opening = 0; opening < 2; ++opening) {
        auto opened = SqliteKnowledgeStore::open(dir / "knowledge.db", events);
        ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteKnowledgeStore>>(opened));
        auto& store = *std::get<std::unique_ptr<SqliteKnowledgeStore>>(opened);
        ASSERT_EQ(store.articles().size(), 1u) << "opening " << opening;
        EXPECT_EQ(store.articles()[0].title, article.title);
        EXPECT_EQ(store.search({"router"}, 5).size(), 1u) << "the moved article is not searchable";
        ASSERT_EQ(store.outages().size(), 1u);
        EXPECT_EQ(store.outages()[0].title, outage.title);
    }
    EXPECT_FALSE(has_table(events, "knowledge_articles"));
    EXPECT_FALSE(has_table(events, "outages"));
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

}  // namespace
}  // namespace parley::server::testing
