// parley-sim's settings and its command line. Parsing never exits: it returns the settings,
// a request for help, or one sentence saying what is wrong. Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

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

struct SimOptions {
    std::string server = "http://127.0.0.1:8080";
    double customers_per_minute = 4;
    std::vector<QueueWeight> queues = {{"General", 1}, {"Billing", 1}, {"Technical", 1}};
    int agents = 0;
    std::uint64_t seed = 1;
    double duration_seconds = 0;  // 0: until stopped
    std::vector<std::string> languages = {"en", "ru", "de", "es", "fr"};
    // No new customer arrives while this many of ours wait for an agent (0: no limit).
    int max_waiting = 3;
    double first_after_seconds = 2;
    // No two customers arrive closer than this; the mean gap stays 60 / customers_per_minute.
    double min_gap_seconds = 0;
    // Think, typing, reading and patience times are divided by this.
    double speed = 1;
    std::string admin = "admin";
    std::string admin_password = "admin-demo";
    int agent_capacity = 3;
    // Seconds between summary lines.
    double summary_every_seconds = 60;
    Behaviour behaviour;
};

struct ShowHelp {};
struct FlagError {
    std::string message;
};

using ParsedFlags = std::variant<SimOptions, ShowHelp, FlagError>;

// `args` without the program name.
ParsedFlags parse_flags(const std::vector<std::string>& args);
std::string help_text();

}  // namespace parley::sim
