#include "sim/options.h"

#include "sim/flags.h"
#include "sim/script/corpus.h"

namespace parley::sim {
namespace {

std::string parse_queues(const std::string& text, std::vector<QueueWeight>& out) {
    out.clear();
    for (const std::string& part : split(text, ',')) {
        const auto equals = part.find('=');
        QueueWeight queue{part.substr(0, equals), 1};
        if (queue.queue.empty()) {
            return "--queues takes NAME[=WEIGHT],… (for example General=2,Billing=1), not '" +
                   text + "'.";
        }
        if (equals != std::string::npos &&
            (!read_number(part.substr(equals + 1), queue.weight) || queue.weight < 0)) {
            return "The weight of queue '" + queue.queue + "' must be a number of at least 0.";
        }
        out.push_back(std::move(queue));
    }
    double total = 0;
    for (const QueueWeight& queue : out) {
        total += queue.weight;
    }
    if (out.empty() || total <= 0) {
        return "--queues needs at least one queue with a weight above 0.";
    }
    return {};
}

std::string parse_languages(const std::string& text, std::vector<std::string>& out) {
    out = split(text, ',');
    if (out.empty()) {
        return "--languages needs at least one of en, ru, de, es, fr.";
    }
    for (const std::string& language : out) {
        if (phrasebook(language) == nullptr) {
            return "Unknown language '" + language + "': choose from en, ru, de, es, fr.";
        }
    }
    return {};
}

}  // namespace

ParsedFlags parse_flags(const std::vector<std::string>& args) {
    SimOptions options;
    double agents = options.agents;
    double seed = static_cast<double>(options.seed);
    double max_waiting = options.max_waiting;
    double capacity = options.agent_capacity;
    const FlagTable flags = {
        {"--server", server_flag(options.server)},
        {"--rate",
         number_flag(options.customers_per_minute, 0, 6000, "--rate (customers per minute)")},
        {"--queues", [&](const std::string& value) { return parse_queues(value, options.queues); }},
        {"--agents", number_flag(agents, 0, 100, "--agents")},
        {"--seed", number_flag(seed, 0, 9007199254740992.0, "--seed")},
        {"--duration", number_flag(options.duration_seconds, 0, 1e9, "--duration (seconds)")},
        {"--languages",
         [&](const std::string& value) { return parse_languages(value, options.languages); }},
        {"--max-waiting", number_flag(max_waiting, 0, 10000, "--max-waiting")},
        {"--first-after",
         number_flag(options.first_after_seconds, 0, 3600, "--first-after (seconds)")},
        {"--min-gap", number_flag(options.min_gap_seconds, 0, 3600, "--min-gap (seconds)")},
        {"--speed", number_flag(options.speed, 0.01, 1000, "--speed")},
        {"--capacity", number_flag(capacity, 1, 100, "--capacity")},
        {"--summary-every",
         number_flag(options.summary_every_seconds, 1, 86400, "--summary-every (seconds)")},
        {"--admin", admin_flag(options.admin, options.admin_password)},
    };
    const FlagsRead read = read_flags(args, flags, "parley-sim");
    if (read.help) {
        return ShowHelp{};
    }
    if (!read.error.empty()) {
        return FlagError{read.error};
    }
    if (options.customers_per_minute > 0 &&
        options.min_gap_seconds >= 60 / options.customers_per_minute) {
        return FlagError{
            "--min-gap must be shorter than the mean gap between customers (60 / "
            "--rate seconds)."};
    }
    options.agents = static_cast<int>(agents);
    options.seed = static_cast<std::uint64_t>(seed);
    options.max_waiting = static_cast<int>(max_waiting);
    options.agent_capacity = static_cast<int>(capacity);
    return options;
}

std::string help_text() {
    return R"(parley-sim: simulated customers (and optionally agents) for a running parley-server.

Customers start chats through the server's customer REST path, then talk over the WebSocket
with their chat token: they type, ask in several languages, answer the agent, and some cancel,
go silent or rate the chat. Agents (off unless --agents) accept, answer, transfer, release and
close chats with a resolution. Everything goes through the server, which may refuse.

Usage: parley-sim [options]
       parley-sim load [options]   a measured floor for benchmarks (parley-sim load --help)

  --server URL          the server (default http://127.0.0.1:8080)
  --rate N              new customers per minute, Poisson arrivals (default 4)
  --queues LIST         queues and weights, NAME[=WEIGHT],… (default General,Billing,Technical)
  --agents M            simulated agents, created through the admin REST API (default 0)
  --capacity N          each simulated agent's capacity (default 3)
  --admin ID:PASSWORD   the admin who creates them (default admin:admin-demo)
  --seed S              the random seed: the same seed gives the same people (default 1)
  --duration SECONDS    stop after this long (default 0: until Ctrl+C)
  --languages LIST      from en,ru,de,es,fr (default all)
  --max-waiting N       no new customer while N of ours wait for an agent (default 3; 0: no limit)
  --first-after SECONDS the first customer arrives this soon (default 2)
  --min-gap SECONDS     no two customers closer than this, same mean rate (default 0)
  --speed X             think, typing and patience times run X times faster (default 1)
  --summary-every SEC   seconds between summary lines (default 60)
  --help                this text

Exit status: 0 after a clean stop, 1 when the server cannot be reached or set up, 2 for bad
options.
)";
}

}  // namespace parley::sim
