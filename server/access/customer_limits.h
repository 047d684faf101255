// What one client address may set off that costs someone else: new chats (each waits in a
// queue for an agent) and transcript emails (each is mail to someone, perhaps a stranger).
// Checked wherever a command is submitted, REST and WebSocket alike, so an address has one
// budget however many tokens or connections it uses. Integrations (API keys) are trusted
// gateways that speak for many customers, so their chat starts are not limited by address.
// Thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/commands.h"
#include "server/auth/rate_limit.h"
#include "server/base/config.h"

namespace parley::server {

struct LimitRefusal {
    std::string message;
    // An upper bound on the wait before the same request can succeed.
    std::int64_t retry_after_seconds;
};

class CustomerLimits {
public:
    explicit CustomerLimits(const ServerConfig& config);

    // Takes from the budgets this command spends and says why not when one is empty.
    std::optional<LimitRefusal> check(const core::Actor& actor, const core::Command& command,
                                      const std::string& client_ip, std::int64_t now_ms);

private:
    // A bucket of `per_period` that refills over `period_seconds`.
    struct Budget {
        Budget(unsigned per_period, std::int64_t period_seconds);
        std::int64_t seconds_per_refill;
        auth::RateLimiter limiter;
    };

    Budget chat_starts_;
    Budget transcripts_by_address_;
    Budget transcripts_by_recipient_;
};

}  // namespace parley::server
