// Simulated customers and agents over real WebSockets for measuring a server (server_bench and
// `parley-sim load`): a keep-alive HTTP pool for the REST set-up, and paced, open-loop
// measured phases, customers writing to agents and agents answering back. Everything
// runs on one io_context with one or two threads; the calling thread only orchestrates and
// waits. It speaks the wire protocol (src/protocol/README.md) as any client would, over the
// HTTP and WebSocket pieces of parley_client, and never uses the server's or the core's code.
//
// [SECTION] REST set-up
// [SECTION] WebSocket load
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "sim/client/http_client.h"

namespace parley::load {

using tcp = boost::asio::ip::tcp;

// steady_clock in nanoseconds: the send stamps in messages and every receipt time.
std::int64_t now_ns();

// [SECTION] REST set-up

using client::HttpJob;
using client::HttpResult;
using client::run_http;

// [SECTION] WebSocket load

// Parley speaks the protocol; the ceiling echoes every text message back to its sender.
enum class Target { parley, echo };

struct SessionSpec {
    bool agent = false;
    std::string token;     // Parley: the hello's token
    std::string agent_id;  // agents: for set_presence
    std::string chat;      // customers: the chat they write in
};

struct Percentiles {
    std::size_t samples = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    double p999_ms = 0;
    double max_ms = 0;
};

// The server's own figures at one moment, however they are read (/proc for a child process,
// GET /metrics for a server anywhere).
struct ServerReading {
    double cpu_seconds = 0;
    double rss_mib = 0;
};
using ServerReader = std::function<std::optional<ServerReading>()>;

struct PhaseSpec {
    double rate = 0;        // customer → agent msg/s, all customers together
    double reply_rate = 0;  // agent → customer msg/s, all agents together (Parley only)
    std::chrono::seconds warmup{0};
    std::chrono::seconds measure{0};
    std::chrono::seconds drain{0};
};

// One measured phase. Counts, rates and latencies are those of the messages sent during the
// measured window, followed to their delivery and ack however late (until the drain ends), so
// a backlog shows as latency instead of falling off the window's edge; `undelivered` covers
// the whole phase after the drain.
struct PhaseResult {
    double offered = 0;  // msg/s asked for
    double seconds = 0;
    double sent_rate = 0;
    double delivered_rate = 0;  // customer → agent (Parley) or echoed back (ceiling)
    double ack_rate = 0;        // durable acks (Parley only)
    std::uint64_t rejected = 0;
    std::uint64_t undelivered = 0;
    Percentiles latency;      // send → agent receipt of message_posted (or echo receipt)
    Percentiles ack_latency;  // send → ack (Parley only)
    // Agents answering: the same figures the other way, to the customer's receipt.
    double reply_offered = 0;
    double reply_sent_rate = 0;
    double reply_delivered_rate = 0;
    std::uint64_t reply_rejected = 0;
    std::uint64_t reply_undelivered = 0;
    Percentiles reply_latency;
    bool server_read = false;  // the server's figures below were read
    double server_cores = 0;
    double server_rss_mib = 0;  // at the window's end
    double client_cores = 0;
    double machine_cores = 0;  // every process on the machine, this bench included
    double pacer_lag_ms = 0;   // the most the sender fell behind its schedule
    std::map<std::string, std::uint64_t> rejections;  // by code
    std::uint64_t disconnects = 0;                    // connections lost during the phase
};

// The first sync each connection received (Parley only): how many, bytes in all, largest.
struct SyncSizes {
    struct Role {
        std::uint64_t count = 0;
        std::uint64_t bytes = 0;
        std::uint64_t largest = 0;
    };
    Role agents;
    Role customers;
};

class LoadGenerator {
public:
    // `threads`: 1 or 2 io threads. `text_bytes`: the length of each message's text.
    LoadGenerator(Target target, tcp::endpoint server, unsigned threads, std::size_t text_bytes);
    ~LoadGenerator();
    LoadGenerator(const LoadGenerator&) = delete;
    LoadGenerator& operator=(const LoadGenerator&) = delete;

    boost::asio::io_context& io();

    // Opens one WebSocket per spec, `parallel` handshakes at a time. Against Parley each
    // says hello and is ready at its first sync. False (with the reason) when any failed or
    // the server went quiet for `stall` seconds.
    bool connect(std::vector<SessionSpec> specs, std::size_t parallel, std::chrono::seconds stall,
                 std::string& error);
    // Every agent sets its presence online and waits for the ack.
    bool go_online(std::chrono::seconds stall, std::string& error);
    // Agent i (in connection order) accepts chats[i], `window` commands in flight each, and
    // answers in those it got. Returns how many accepts were refused (their codes go to
    // problems()), or nothing on a stall.
    std::optional<std::uint64_t> accept_chats(std::vector<std::vector<std::string>> chats,
                                              std::size_t window, std::chrono::seconds stall);
    // Every agent closes the chats it accepted, with the resolution category "Load test".
    // Returns how many closes were refused, or nothing on a stall.
    std::optional<std::uint64_t> close_chats(std::size_t window, std::chrono::seconds stall);

    // Customers send at `rate` msg/s in total and agents at `reply_rate`, round robin, for
    // warm-up + measure; figures come from the measured window; then waits (at most `drain`)
    // for what is in flight.
    PhaseResult run_phase(const PhaseSpec& spec, const ServerReader& server);

    std::size_t connections() const;
    SyncSizes sync_sizes() const;
    // The first few unexpected things: close reasons, errors, refusals.
    std::vector<std::string> problems() const;

    // Marks the end: lost connections are expected from here on.
    void closing();

private:
    struct Shared;
    class Session;
    class Pacer;

    void launch_next();
    std::optional<std::uint64_t> run_chat_commands(char kind,
                                                   std::vector<std::vector<std::string>> chats,
                                                   std::size_t window, std::chrono::seconds stall);

    std::unique_ptr<Shared> shared_;
    std::vector<std::shared_ptr<Session>> sessions_;
    std::vector<std::shared_ptr<Session>> customers_;
    std::vector<std::shared_ptr<Session>> agents_;
    std::vector<std::thread> threads_;
};

}  // namespace parley::load
