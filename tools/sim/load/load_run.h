// One `parley-sim load` run: sets up the floor on the server, measures one phase, closes the
// chats, and reports what it saw.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "sim/load/load_generator.h"
#include "sim/load/load_options.h"

namespace parley::sim {

struct LoadReport {
    std::size_t connections = 0;
    std::uint64_t accepts_refused = 0;
    std::optional<std::uint64_t> closes_refused;  // nothing when the chats were kept or it stalled
    load::PhaseResult phase;
    // The server's resident memory before the first WebSocket and with all of them open.
    std::optional<double> rss_before_mib;
    std::optional<double> rss_connected_mib;
    std::vector<std::string> problems;  // the first few unexpected things, in words
};

// Says each set-up step through `say`. The error is a sentence.
std::variant<LoadReport, std::string> run_load(const LoadOptions& options,
                                               const std::function<void(const std::string&)>& say);

void print_load_report(const LoadReport& report, const LoadOptions& options, std::ostream& out);

// Whether the run saw refusals, undelivered messages or lost connections.
bool load_had_errors(const LoadReport& report);

}  // namespace parley::sim
