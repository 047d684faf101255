// Who comes to the chat and when: the crowd's settings, one customer's persona drawn up front
// from the seed, the gaps between arrivals, and how long a person types. Every simulation
// draws its customers here, whatever carries their words (sockets or an in-page core).
// Standard library only.
#pragma once

#include <string>
#include <vector>

#include "sim/script/corpus.h"
#include "sim/script/rng.h"

namespace parley::sim {

struct QueueWeight {
    std::string queue;  // a queue name the server knows
    double weight = 1;
};

// How often people do each thing. Not on the command line: tests and callers of the library
// turn them up to see a behaviour at once.
struct Behaviour {
    double cancel_while_waiting = 0.12;  // leaves after a short wait for an agent
    double cancel_mid_chat = 0.05;       // cancels after the agent's first answer
    double go_silent = 0.12;             // stops answering after the agent's first answer
    double csat = 0.6;                   // rates an answered chat after it closed
    double transfer_to_agent = 0.12;     // the agent hands the chat to a colleague
    double transfer_to_queue = 0.08;     // the agent moves it to another queue
    double release = 0.06;               // the agent puts it back in its queue
    double decline_transfer = 0.1;       // the colleague declines the hand-over
};

// Who arrives, how often, where they write and in which languages.
struct Crowd {
    double customers_per_minute = 4;
    std::vector<QueueWeight> queues = {{"General", 1}, {"Billing", 1}, {"Technical", 1}};
    std::vector<std::string> languages = {"en", "ru", "de", "es", "fr"};
    // No two customers arrive closer than this; the mean gap stays 60 / customers_per_minute.
    double min_gap_seconds = 0;
    Behaviour behaviour;
};

// Who the customer is and how their chat will go, all drawn up front from the seed.
struct Persona {
    std::string name;
    std::string email;
    std::string language;
    std::string queue;
    Topic topic = Topic::invoice;
    std::string question;
    enum class Fate {
        talks,
        cancels_while_waiting,
        cancels_mid_chat,
        goes_silent
    } fate = Fate::talks;
    int follow_ups = 1;             // questions after the first, before the thanks
    double patience_seconds = 300;  // leaves when nobody has answered by then
    bool rates = false;
    int score = 5;
};

Persona draw_persona(Rng& rng, const Crowd& crowd);

// What a customer writes each time the agent answers: their follow-up questions, then their
// thanks once, then nothing more (an empty line).
class CustomerReplies {
public:
    explicit CustomerReplies(const Persona& persona)
        : language_(persona.language), follow_ups_left_(persona.follow_ups) {}

    std::string next(Rng& rng);

private:
    std::string language_;
    int follow_ups_left_ = 0;
    bool thanked_ = false;
};

// Seconds until the next customer arrives (customers_per_minute must be above 0).
double arrival_gap(Rng& rng, const Crowd& crowd);

// How long a chat-widget customer takes to type `text`, in seconds.
double typing_seconds(const std::string& text);

}  // namespace parley::sim
