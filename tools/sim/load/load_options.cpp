#include "sim/load/load_options.h"

#include <cmath>

#include "sim/flags.h"

namespace parley::sim {

ParsedLoadFlags parse_load_flags(const std::vector<std::string>& args) {
    LoadOptions options;
    double customers = static_cast<double>(options.customers);
    double agents = static_cast<double>(options.agents);
    double text_bytes = static_cast<double>(options.text_bytes);
    double threads = options.threads;
    const FlagTable flags = {
        {"--server", server_flag(options.server)},
        {"--customers", number_flag(customers, 1, 100000, "--customers")},
        {"--agents", number_flag(agents, 1, 10000, "--agents")},
        {"--rate", number_flag(options.rate, 0, 1e6, "--rate (messages per second)")},
        {"--reply-rate",
         number_flag(options.reply_rate, 0, 1e6, "--reply-rate (messages per second)")},
        {"--warmup", number_flag(options.warmup_seconds, 0, 3600, "--warmup (seconds)")},
        {"--duration", number_flag(options.duration_seconds, 1, 86400, "--duration (seconds)")},
        {"--drain", number_flag(options.drain_seconds, 0, 3600, "--drain (seconds)")},
        {"--queue",
         [&](const std::string& value) -> std::string {
             if (value.empty()) {
                 return "--queue needs the name of a queue.";
             }
             options.queue = value;
             return {};
         }},
        {"--text-bytes", number_flag(text_bytes, 24, 4000, "--text-bytes")},
        {"--setup-rate",
         number_flag(options.setup_rate, 0, 1e6, "--setup-rate (requests per second)")},
        {"--threads", number_flag(threads, 1, 2, "--threads")},
        {"--keep-chats",
         [&](const std::string& value) -> std::string {
             if (value != "yes" && value != "no") {
                 return "--keep-chats takes yes or no, not '" + value + "'.";
             }
             options.keep_chats = value == "yes";
             return {};
         }},
        {"--admin", admin_flag(options.admin, options.admin_password)},
    };
    const FlagsRead read = read_flags(args, flags, "parley-sim load");
    if (read.help) {
        return ShowLoadHelp{};
    }
    if (!read.error.empty()) {
        return LoadFlagError{read.error};
    }
    for (const double* whole : {&customers, &agents, &text_bytes, &threads}) {
        if (std::floor(*whole) != *whole) {
            return LoadFlagError{
                "--customers, --agents, --text-bytes and --threads take whole numbers."};
        }
    }
    if (agents > customers) {
        return LoadFlagError{
            "Give at least as many --customers as --agents: each agent needs a "
            "chat to answer in."};
    }
    options.customers = static_cast<std::size_t>(customers);
    options.agents = static_cast<std::size_t>(agents);
    options.text_bytes = static_cast<std::size_t>(text_bytes);
    options.threads = static_cast<unsigned>(threads);
    return options;
}

std::string load_help_text() {
    return R"(parley-sim load: measure a running parley-server under a floor of simulated customers
and agents.

The admin creates the agents (ids load-<run>-NNN) in one queue; customers start chats over
REST and each agent accepts its share; then, open-loop, customers write at --rate and agents
answer at --reply-rate. It reports delivered messages per second, latency percentiles from
the sender's send to the other side's receipt (customer → agent and agent → customer), the
durable-ack latency, refusals and lost connections, and the server's CPU and memory as its
GET /metrics reports them, so it runs against any server URL. At the end the agents close
their chats (resolution category "Load test") unless --keep-chats yes.

Usage: parley-sim load [options]

  --server URL          the server (default http://127.0.0.1:8080)
  --customers N         customers, one chat and one WebSocket each (default 200)
  --agents M            agents, created through the admin REST API (default 20)
  --rate R              customer → agent messages per second in all (default 100)
  --reply-rate R        agent → customer messages per second in all (default 100)
  --warmup SECONDS      sending before the measured window (default 3)
  --duration SECONDS    the measured window (default 20)
  --drain SECONDS       the most to wait for messages still in flight (default 15)
  --queue NAME          the queue the chats start in and the agents work (default General)
  --admin ID:PASSWORD   the admin who creates the agents (default admin:admin-demo)
  --text-bytes N        each message's length (default 100)
  --setup-rate N        set-up requests per second, under the server's per-address limit
                        (default 40; 0: as fast as it answers)
  --threads N           1 or 2 client io threads (default 1)
  --keep-chats yes|no   leave the chats open at the end (default no)
  --help                this text

Exit status: 0 when every message was delivered and nothing was refused or lost, 3 when the
run measured but saw refusals, undelivered messages or lost connections, 1 when the server
could not be reached or set up, 2 for bad options.
)";
}

}  // namespace parley::sim
