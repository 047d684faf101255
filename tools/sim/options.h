// parley-sim's settings and its command line. Parsing never exits: it returns the settings,
// a request for help, or one sentence saying what is wrong. Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sim/script/persona.h"

namespace parley::sim {

// The crowd (rate, queues, languages, minimum gap, behaviour) and how to reach and run it.
struct SimOptions : Crowd {
    std::string server = "http://127.0.0.1:8080";
    int agents = 0;
    std::uint64_t seed = 1;
    double duration_seconds = 0;  // 0: until stopped
    // No new customer arrives while this many of ours wait for an agent (0: no limit).
    int max_waiting = 3;
    double first_after_seconds = 2;
    // Think, typing, reading and patience times are divided by this.
    double speed = 1;
    std::string admin = "admin";
    std::string admin_password = "admin-demo";
    int agent_capacity = 3;
    // Seconds between summary lines.
    double summary_every_seconds = 60;
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
