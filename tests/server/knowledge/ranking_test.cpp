// Search ranking on the demo knowledge base: each customer question, English or Russian, must
// find its article first. The corpus is the one `--demo` ships, stored in a real SQLite file
// and searched through FTS5 with the core's terms, exactly as the REST routes do.
#include <gtest/gtest.h>

#include "server/knowledge/demo_knowledge.h"
#include "server/knowledge/sqlite_knowledge_store.h"
#include "server/store/sqlite_store.h"
#include "store/store_test_support.h"

namespace parley::server {
namespace {

struct Question {
    std::string text;
    std::string expected_title;
};

class KnowledgeRanking : public ::testing::Test {
protected:
    void SetUp() override {
        auto events = SqliteStore::open(dir.path() / "parley.db");
        ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteStore>>(events));
        event_log = std::move(std::get<std::unique_ptr<SqliteStore>>(events));
        auto opened = SqliteKnowledgeStore::open(dir.path() / "parley.db");
        ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteKnowledgeStore>>(opened));
        store = std::move(std::get<std::unique_ptr<SqliteKnowledgeStore>>(opened));
        for (core::Article& article : demo_articles(1000)) {
            store->put_article(std::move(article));
        }
    }
    std::string first_title(const std::string& question) {
        const auto found = store->search(core::search_terms(question), 5);
        return found.empty() ? "(nothing)" : found.front().title;
    }

    store_test::TempDir dir;
    std::unique_ptr<SqliteStore> event_log;
    std::unique_ptr<SqliteKnowledgeStore> store;
};

TEST_F(KnowledgeRanking, EnglishQuestionsFindTheirArticleFirst) {
    const std::vector<Question> questions = {
        {"Hi, I was charged last month and would like my money back", "How refunds work"},
        {"Can I get a refund for my order?", "How refunds work"},
        {"How can I reset my password?", "Resetting your password"},
        {"My card expired, how do I change it?", "Updating the card on your subscription"},
        {"Where do I find the invoice with our VAT number?", "Downloading invoices and receipts"},
        {"The router lights are red and there is no internet",
         "Router does not connect to "
         "the internet"},
        {"I don't receive the SMS code to log in",
         "Two-factor authentication codes do not "
         "arrive"},
        {"How do I cancel my plan?", "Cancelling a subscription"},
    };
    for (const Question& question : questions) {
        EXPECT_EQ(first_title(question.text), question.expected_title) << question.text;
    }
}

TEST_F(KnowledgeRanking, RussianQuestionsFindTheirArticleFirst) {
    const std::vector<Question> questions = {
        {"Здравствуйте, хочу вернуть деньги за платёж", "Как вернуть деньги за платёж"},
        {"Верните платеж, пожалуйста", "Как вернуть деньги за платёж"},
        {"Не могу войти, забыл пароль", "Восстановление пароля"},
        {"не приходит смс с кодом", "Не приходит СМС-код"},
        {"Как поменять тариф?", "Смена тарифа"},
        {"Очень медленный интернет вечером", "Медленный интернет: что проверить"},
    };
    for (const Question& question : questions) {
        EXPECT_EQ(first_title(question.text), question.expected_title) << question.text;
    }
}

TEST_F(KnowledgeRanking, EditsAndDeletionsReachTheIndex) {
    auto refunds = store->search(core::search_terms("refund"), 1).front();
    refunds.title = "Money-back guarantee";
    refunds.body = "Ask within 30 days.";
    refunds.tags = {};
    ASSERT_TRUE(store->put_article(refunds));
    EXPECT_EQ(first_title("guarantee"), "Money-back guarantee");
    EXPECT_EQ(first_title("refund"), "(nothing)");
    ASSERT_TRUE(store->delete_article(refunds.id));
    EXPECT_EQ(first_title("guarantee"), "(nothing)");
    EXPECT_FALSE(store->delete_article(refunds.id));
    EXPECT_FALSE(store->article(refunds.id));
}

TEST_F(KnowledgeRanking, ArticlesAndOutagesSurviveReopening) {
    ASSERT_TRUE(store->put_outage(demo_outage(5000)));
    const std::size_t articles = store->articles().size();
    store.reset();
    auto opened = SqliteKnowledgeStore::open(dir.path() / "parley.db");
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteKnowledgeStore>>(opened));
    store = std::move(std::get<std::unique_ptr<SqliteKnowledgeStore>>(opened));
    EXPECT_EQ(store->articles().size(), articles);
    ASSERT_EQ(store->outages().size(), 1u);
    EXPECT_EQ(store->outages().front().service, "Card payments");
    EXPECT_EQ(first_title("платёж"), "Как вернуть деньги за платёж");
}

}  // namespace
}  // namespace parley::server
