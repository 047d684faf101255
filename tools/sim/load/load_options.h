// `parley-sim load`'s settings and command line: a measured floor of N customers and M agents
// against any server. Parsing never exits: settings, a request for help, or one sentence
// saying what is wrong. Standard library only.
#pragma once

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace parley::sim {

struct LoadOptions {
    std::string server = "http://127.0.0.1:8080";
    std::size_t customers = 200;
    std::size_t agents = 20;
    double rate = 100;        // customer → agent messages per second, all customers together
    double reply_rate = 100;  // agent → customer messages per second, all agents together
    double warmup_seconds = 3;
    double duration_seconds = 20;  // the measured window
    double drain_seconds = 15;     // the most it waits for what is still in flight
    std::string admin = "admin";
    std::string admin_password = "admin-demo";
    std::string queue = "General";
    std::size_t text_bytes = 100;
    // Set-up requests per second, under a server's default per-address limit (0: no pacing).
    double setup_rate = 40;
    unsigned threads = 1;
    bool keep_chats = false;  // leave the chats open at the end instead of closing them
};

struct ShowLoadHelp {};
struct LoadFlagError {
    std::string message;
};

using ParsedLoadFlags = std::variant<LoadOptions, ShowLoadHelp, LoadFlagError>;

// `args` after "load".
ParsedLoadFlags parse_load_flags(const std::vector<std::string>& args);
std::string load_help_text();

}  // namespace parley::sim
