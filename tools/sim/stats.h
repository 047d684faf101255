// What the simulation has done, counted as it happens (from the io thread) and read from any
// thread: for the summary line a minute and for tests.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace parley::sim {

struct StatsSnapshot {
    std::uint64_t chats_started = 0;
    std::uint64_t messages = 0;   // customer and agent messages the server acknowledged
    std::uint64_t cancelled = 0;  // customer cancels the server acknowledged
    std::uint64_t silent = 0;     // customers who stopped answering
    std::uint64_t closed = 0;     // chats of our customers that the server closed
    std::uint64_t csat = 0;
    std::uint64_t accepted = 0;   // chats assigned to our agents
    std::uint64_t transfers = 0;  // to an agent or a queue, acknowledged
    std::uint64_t releases = 0;
    std::uint64_t resolutions = 0;  // closed, solved or abandoned by our agents, acknowledged
    std::uint64_t unexpected_refusals = 0;
    std::uint64_t failures = 0;  // chats that could not be started or connections lost
};

struct Stats {
    using Counter = std::atomic<std::uint64_t>;
    Counter chats_started{0};
    Counter messages{0};
    Counter cancelled{0};
    Counter silent{0};
    Counter closed{0};
    Counter csat{0};
    Counter accepted{0};
    Counter transfers{0};
    Counter releases{0};
    Counter resolutions{0};
    Counter unexpected_refusals{0};
    Counter failures{0};

    StatsSnapshot read() const;
};

// "last 60 s: 4 chats started, 17 messages, 1 cancelled, 1 silent, 3 closed (total: …)"
std::string summary_line(const StatsSnapshot& now, const StatsSnapshot& before, double seconds,
                         bool with_agents);

}  // namespace parley::sim
