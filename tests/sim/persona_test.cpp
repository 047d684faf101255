// The same seed brings the same customers in the same order; arrivals keep their mean and
// their minimum gap; queue weights and languages are respected; the corpus speaks every
// language it claims.
#include <gtest/gtest.h>

#include <map>

#include "sim/customer.h"
#include "sim/script/corpus.h"
#include "sim/simulation.h"

namespace parley::sim {
namespace {

std::vector<std::string> first_customers(std::uint64_t seed, const SimOptions& options) {
    Rng rng(seed);
    std::vector<std::string> drawn;
    for (int i = 0; i < 20; ++i) {
        const Persona persona = draw_persona(rng, options);
        drawn.push_back(persona.name + "|" + persona.queue + "|" + persona.question);
    }
    return drawn;
}

TEST(Personas, TheSameSeedGivesTheSameCustomers) {
    const SimOptions options;
    EXPECT_EQ(first_customers(7, options), first_customers(7, options));
    EXPECT_NE(first_customers(7, options), first_customers(8, options));
}

TEST(Arrivals, KeepTheirMeanAndTheirMinimumGap) {
    SimOptions options;
    options.customers_per_minute = 4;
    options.min_gap_seconds = 8;
    Rng rng(11);
    double total = 0;
    constexpr int kDraws = 4000;
    for (int i = 0; i < kDraws; ++i) {
        const double gap = arrival_gap(rng, options);
        EXPECT_GE(gap, 8);
        total += gap;
    }
    // Seeded, so the same number every run: 15 s on average, as 4 a minute should be.
    EXPECT_NEAR(total / kDraws, 15, 0.5);
}

TEST(Personas, FollowQueueWeightsAndLanguages) {
    SimOptions options;
    options.queues = {{"General", 0}, {"Billing", 1}};
    options.languages = {"ru"};
    Rng rng(3);
    for (int i = 0; i < 50; ++i) {
        const Persona persona = draw_persona(rng, options);
        EXPECT_EQ(persona.queue, "Billing");
        EXPECT_EQ(persona.topic, Topic::invoice);
        EXPECT_EQ(persona.language, "ru");
        const auto& questions = phrasebook("ru")->questions.invoice;
        EXPECT_NE(std::find(questions.begin(), questions.end(), persona.question), questions.end());
    }
}

TEST(Personas, EveryLanguageHasSomethingToSayOnEveryTopic) {
    for (const Phrasebook& book : phrasebooks()) {
        for (const Topic topic : kTopics) {
            EXPECT_FALSE(book.questions[topic].empty()) << book.language;
        }
        EXPECT_FALSE(book.follow_ups.empty()) << book.language;
        EXPECT_FALSE(book.thanks.empty()) << book.language;
        EXPECT_EQ(topic_named(topic_name(Topic::outage)), Topic::outage);
    }
}

}  // namespace
}  // namespace parley::sim
