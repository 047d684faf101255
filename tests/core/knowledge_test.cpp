// The knowledge base's rules: search terms in English and Russian, snippets, the text
// suggestions are ranked against, who may read which article, and outage times.
#include "core_fixture.h"

#include "core/knowledge.h"

namespace parley::core::testing {
namespace {

using Terms = std::vector<std::string>;

TEST(SearchTerms, FormsOfOneWordShareAStem) {
    EXPECT_EQ(search_terms("платежа"), search_terms("платёж"));
    EXPECT_EQ(search_terms("платежи"), search_terms("Платёж"));
    EXPECT_EQ(search_terms("refunds"), search_terms("refund"));
    EXPECT_EQ(search_terms("Refunded"), search_terms("refund"));
    EXPECT_EQ(search_terms("пароля"), search_terms("пароль"));
    EXPECT_EQ(search_terms("invoices"), search_terms("invoice"));
}

TEST(SearchTerms, StopWordsAndPunctuationGo) {
    EXPECT_EQ(search_terms("Hi! How do I get a refund, please?"), (Terms{"refund"}));
    EXPECT_EQ(search_terms("Здравствуйте, как вернуть деньги?"), (Terms{"верн", "деньг"}));
    EXPECT_EQ(search_terms("the the THE"), Terms{});
    EXPECT_EQ(search_terms(""), Terms{});
}

TEST(SearchTerms, AreDistinctAndBounded) {
    EXPECT_EQ(search_terms("router ROUTER routers"), (Terms{"router"}));
    std::string many;
    for (int i = 0; i < 100; ++i) {
        many += "word" + std::to_string(i) + " ";
    }
    EXPECT_EQ(search_terms(many).size(), kMaxSearchTerms);
}

TEST(SearchTerms, SurviveBrokenUtf8) {
    const Terms terms = search_terms(std::string("router \xD0 \xFF\xFE modem"));
    EXPECT_EQ(terms.front(), "router");
    EXPECT_EQ(terms.back(), "modem");
}

TEST(FoldForSearch, KeepsEveryByteOffset) {
    const std::string text = "Ёжик ПЛАТЁЖ Refund ß";
    const std::string folded = fold_for_search(text);
    EXPECT_EQ(folded, "ежик платеж refund ß");
    EXPECT_EQ(folded.size(), text.size());
}

TEST(Snippet, StartsNearTheFirstHitAndMarksCuts) {
    std::string body;
    for (int i = 0; i < 40; ++i) {
        body += "filler ";
    }
    body += "The refund reaches your card in five days. ";
    for (int i = 0; i < 40; ++i) {
        body += "more ";
    }
    const std::string cut = snippet(body, {"refund"}, 120);
    EXPECT_TRUE(cut.starts_with("…"));
    EXPECT_TRUE(cut.ends_with("…"));
    EXPECT_NE(cut.find("The refund reaches"), std::string::npos);
    EXPECT_LE(cut.size(), 120u + 2 * std::string("…").size());
    EXPECT_EQ(snippet("Short body.", {"nothing"}), "Short body.");
}

TEST(Snippet, NeverCutsALetterInHalf) {
    std::string body;
    for (int i = 0; i < 100; ++i) {
        body += "платёж";
    }
    const std::string cut = snippet(body, {}, 101);
    EXPECT_EQ(fold_for_search(cut).size(), cut.size());
    EXPECT_EQ((cut.size() - std::string("…").size()) % 2, 0u);
}

class KnowledgeAccess : public CoreTest {
protected:
    void SetUp() override {
        billing = add_queue("Billing");
        technical = add_queue("Technical");
        maria = add_agent("maria", {billing});
        ivan = add_agent("ivan", {technical});
        sofia = add_agent("sofia", {}, 3, Role::supervisor);
        admin = add_agent("root", {}, 3, Role::admin);
    }
    Article article(std::set<QueueId> queues, ArticleStatus status) const {
        Article out;
        out.id = 1;
        out.title = "Refunds";
        out.body = "How refunds work.";
        out.queues = std::move(queues);
        out.status = status;
        return out;
    }
    QueueId billing = 0;
    QueueId technical = 0;
    Actor maria;
    Actor ivan;
    Actor sofia;
    Actor admin;
};

TEST_F(KnowledgeAccess, AgentsReadPublishedArticlesOfTheirQueues) {
    const Article for_billing = article({billing}, ArticleStatus::published);
    EXPECT_TRUE(may_read_article(state, maria, for_billing));
    EXPECT_FALSE(may_read_article(state, ivan, for_billing));
    EXPECT_TRUE(may_read_article(state, sofia, for_billing));
    EXPECT_TRUE(may_read_article(state, admin, for_billing));
    const Article for_everyone = article({}, ArticleStatus::published);
    EXPECT_TRUE(may_read_article(state, ivan, for_everyone));
}

TEST_F(KnowledgeAccess, DraftsAreForAdminsOnly) {
    const Article draft = article({}, ArticleStatus::draft);
    EXPECT_FALSE(may_read_article(state, maria, draft));
    EXPECT_FALSE(may_read_article(state, sofia, draft));
    EXPECT_TRUE(may_read_article(state, admin, draft));
    EXPECT_TRUE(may_manage_knowledge(state, admin));
    EXPECT_FALSE(may_manage_knowledge(state, sofia));
}

TEST_F(KnowledgeAccess, CustomersIntegrationsAndDisabledStaffReadNothing) {
    const Article open = article({}, ArticleStatus::published);
    EXPECT_FALSE(may_read_article(state, Actor::customer("cus_1"), open));
    EXPECT_FALSE(may_read_article(state, Actor::integration("key_1"), open));
    EXPECT_FALSE(may_use_knowledge(state, Actor::customer("cus_1")));
    ok(admin, SetAgentEnabled{"maria", false});
    EXPECT_FALSE(may_read_article(state, maria, open));
    EXPECT_FALSE(may_use_knowledge(state, maria));
}

TEST_F(KnowledgeAccess, ArticleProblems) {
    Article good = article({billing}, ArticleStatus::published);
    good.link = "https://help.example/refunds";
    EXPECT_EQ(article_problem(state, good), std::nullopt);
    Article untitled = good;
    untitled.title = "  ";
    EXPECT_EQ(article_problem(state, untitled)->code, codes::kMissingArgument);
    Article empty = good;
    empty.body.clear();
    EXPECT_EQ(article_problem(state, empty)->code, codes::kMissingArgument);
    Article long_title = good;
    long_title.title.assign(kArticleTitleBytes + 1, 'x');
    EXPECT_EQ(article_problem(state, long_title)->code, codes::kInvalidArgument);
    Article bad_link = good;
    bad_link.link = "javascript:alert(1)";
    EXPECT_EQ(article_problem(state, bad_link)->code, codes::kInvalidArgument);
    Article bad_tag = good;
    bad_tag.tags = {"two\nlines"};
    EXPECT_EQ(article_problem(state, bad_tag)->code, codes::kInvalidArgument);
    Article unknown_queue = good;
    unknown_queue.queues = {99};
    EXPECT_EQ(article_problem(state, unknown_queue)->code, codes::kUnknownQueue);
}

TEST_F(KnowledgeAccess, SuggestionsFollowTheCustomersLatestMessages) {
    const ChatId chat = held_chat(maria, billing, "anna");
    const Chat* held = state.find_chat(chat);
    const MessageId first = *latest_customer_message(*held);
    ok(Actor::customer("anna"), PostCustomerMessage{chat, "My card was charged twice", {}});
    ok(maria, PostAgentMessage{chat, "Let me check.", {}});
    held = state.find_chat(chat);
    EXPECT_GT(*latest_customer_message(*held), first);
    EXPECT_NE(suggestion_text(*held).find("charged twice"), std::string::npos);
    EXPECT_EQ(suggestion_text(*held).find("Let me check"), std::string::npos);
    for (int i = 0; i < 4; ++i) {
        ok(Actor::customer("anna"), PostCustomerMessage{chat, "more " + std::to_string(i), {}});
    }
    EXPECT_EQ(suggestion_text(*state.find_chat(chat)), "more 1\nmore 2\nmore 3\n");
}

TEST_F(KnowledgeAccess, OutagesAreCurrentBetweenStartAndExpectedEnd) {
    Outage outage;
    outage.title = "Payments declined";
    outage.service = "Card payments";
    outage.starts_at = 1000;
    outage.expected_end = 2000;
    outage.greet_queues = {billing};
    EXPECT_FALSE(outage_current(outage, 999));
    EXPECT_TRUE(outage_listed(outage, 999));
    EXPECT_TRUE(outage_current(outage, 1000));
    EXPECT_FALSE(outage_current(outage, 2000));
    EXPECT_FALSE(outage_listed(outage, 2000));
    EXPECT_TRUE(outage_greets(outage, billing, 1500));
    EXPECT_FALSE(outage_greets(outage, technical, 1500));
    EXPECT_FALSE(outage_greets(outage, billing, 2500));
    EXPECT_NE(outage_greeting(outage).find("Card payments"), std::string::npos);
    EXPECT_EQ(outage_problem(state, outage), std::nullopt);
    Outage backwards = outage;
    backwards.expected_end = backwards.starts_at;
    EXPECT_EQ(outage_problem(state, backwards)->code, codes::kInvalidArgument);
    Outage unknown = outage;
    unknown.greet_queues = {42};
    EXPECT_EQ(outage_problem(state, unknown)->code, codes::kUnknownQueue);
}

}  // namespace
}  // namespace parley::core::testing
