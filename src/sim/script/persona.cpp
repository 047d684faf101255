#include "sim/script/persona.h"

#include <algorithm>
#include <utility>

namespace parley::sim {
namespace {

// Chat-widget typing speed, in characters a second, and the bounds of one typing spell.
constexpr double kTypingCharsPerSecond = 6;
constexpr double kShortestTyping = 1.5;
constexpr double kLongestTyping = 12;

Persona::Fate draw_fate(Rng& rng, const Behaviour& behaviour) {
    double draw = rng.uniform();
    for (const auto& [probability, fate] :
         {std::pair{behaviour.cancel_while_waiting, Persona::Fate::cancels_while_waiting},
          std::pair{behaviour.cancel_mid_chat, Persona::Fate::cancels_mid_chat},
          std::pair{behaviour.go_silent, Persona::Fate::goes_silent}}) {
        if (draw < probability) {
            return fate;
        }
        draw -= probability;
    }
    return Persona::Fate::talks;
}

}  // namespace

Persona draw_persona(Rng& rng, const Crowd& crowd) {
    Persona persona;
    persona.language = rng.pick(crowd.languages);
    const Phrasebook& book = *phrasebook(persona.language);
    persona.name = rng.pick(book.first_names) + " " + rng.pick(book.last_names);
    persona.email = "customer-" + std::to_string(rng.index(1000000)) + "@example." +
                    (persona.language == "en" ? std::string("com") : persona.language);
    std::vector<double> weights;
    for (const QueueWeight& queue : crowd.queues) {
        weights.push_back(queue.weight);
    }
    persona.queue = crowd.queues[rng.weighted(weights)].queue;
    persona.topic = rng.pick(topics_for_queue(persona.queue));
    persona.question = rng.pick(book.questions[persona.topic]);
    persona.fate = draw_fate(rng, crowd.behaviour);
    persona.follow_ups = 1 + static_cast<int>(rng.index(2));
    persona.patience_seconds = persona.fate == Persona::Fate::cancels_while_waiting
                                   ? rng.between(20, 60)
                                   : rng.between(180, 480);
    persona.rates = rng.chance(crowd.behaviour.csat);
    persona.score = 1 + static_cast<int>(rng.weighted({0.05, 0.05, 0.15, 0.3, 0.45}));
    return persona;
}

std::string CustomerReplies::next(Rng& rng) {
    const Phrasebook& book = *phrasebook(language_);
    if (follow_ups_left_ > 0) {
        --follow_ups_left_;
        return rng.pick(book.follow_ups);
    }
    if (!thanked_) {
        thanked_ = true;
        return rng.pick(book.thanks);
    }
    return "";
}

double arrival_gap(Rng& rng, const Crowd& crowd) {
    // A Poisson process with a dead time: the same mean, without bursts closer than the gap.
    const double mean_gap = 60.0 / crowd.customers_per_minute;
    return crowd.min_gap_seconds + rng.exponential(mean_gap - crowd.min_gap_seconds);
}

double typing_seconds(const std::string& text) {
    return std::clamp(static_cast<double>(text.size()) / kTypingCharsPerSecond, kShortestTyping,
                      kLongestTyping);
}

}  // namespace parley::sim
