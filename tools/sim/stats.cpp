#include "sim/stats.h"

#include <sstream>

namespace parley::sim {

StatsSnapshot Stats::read() const {
    return {chats_started.load(),
            messages.load(),
            cancelled.load(),
            silent.load(),
            closed.load(),
            csat.load(),
            accepted.load(),
            transfers.load(),
            releases.load(),
            resolutions.load(),
            unexpected_refusals.load(),
            failures.load()};
}

std::string summary_line(const StatsSnapshot& now, const StatsSnapshot& before, double seconds,
                         bool with_agents) {
    std::ostringstream line;
    line << "last " << static_cast<long>(seconds)
         << " s: " << now.chats_started - before.chats_started << " chats started, "
         << now.messages - before.messages << " messages, " << now.cancelled - before.cancelled
         << " cancelled, " << now.silent - before.silent << " silent, "
         << now.closed - before.closed << " closed";
    if (with_agents) {
        line << ", " << now.accepted - before.accepted << " accepted, "
             << now.transfers - before.transfers << " transferred, "
             << now.releases - before.releases << " released";
    }
    line << " (total " << now.chats_started << " chats, " << now.closed << " closed, " << now.csat
         << " rated";
    if (now.unexpected_refusals + now.failures != 0) {
        line << ", " << now.unexpected_refusals << " unexpected refusals, " << now.failures
             << " failures";
    }
    line << ")";
    return line.str();
}

}  // namespace parley::sim
