// Failure runs and exponential lock-outs per (account, address) and per address, and turns
// spaced out per account once failures from everywhere pass its ceiling.
#include "server/auth/login_throttle.h"

#include <algorithm>
#include <string>

namespace parley::server::auth {
namespace {

// A run of failures ends after a quiet window that starts when the last lock runs out, so
// waiting out a lock does not by itself earn a fresh set of guesses.
bool run_is_over(const auto& failures, std::int64_t now_ms) {
    return now_ms - std::max(failures.last_failure_ms, failures.locked_until_ms) > kFailureWindowMs;
}

std::int64_t lock_for(int failures_over_limit) {
    // 30 s << 5 already exceeds 15 min; the cap keeps the shift small.
    const int doublings = std::min(failures_over_limit, 16);
    return std::min(kMaxLockMs, kFirstLockMs << doublings);
}

// A newline cannot be part of an account id or an address, so pairs never collide.
std::string pair_key(std::string_view account, std::string_view ip) {
    std::string key(account);
    key += '\n';
    key += ip;
    return key;
}

}  // namespace

LoginThrottle::LoginThrottle(LoginLimits limits, std::size_t max_keys)
    : limits_(limits), max_keys_(std::max<std::size_t>(1, max_keys)) {}

std::int64_t LoginThrottle::locked_for_ms(Tracker& tracker, std::string_view key,
                                          std::int64_t now_ms) {
    const Failures* failures = tracker.by_key.find(key);
    return failures == nullptr ? 0 : std::max<std::int64_t>(0, failures->locked_until_ms - now_ms);
}

bool LoginThrottle::past_ceiling(std::string_view account, std::int64_t now_ms) {
    const Failures* failures = accounts_.by_key.find(account);
    return failures != nullptr && !run_is_over(*failures, now_ms) &&
           failures->count >= limits_.account_ceiling;
}

std::optional<std::int64_t> LoginThrottle::take_turn(const std::string& pair, std::int64_t now_ms) {
    std::int64_t* waiting_since = turns_.find(pair);
    if (waiting_since == nullptr || now_ms - *waiting_since > kTurnLifetimeMs) {
        if (waiting_since == nullptr) {
            turns_.make_room(max_keys_, [now_ms](std::int64_t since) {
                return now_ms - since > kTurnLifetimeMs;
            });
            waiting_since = &turns_.insert(pair, now_ms);
        }
        *waiting_since = now_ms;
        return limits_.ceiling_delay_ms;
    }
    const std::int64_t waited = now_ms - *waiting_since;
    if (waited < limits_.ceiling_delay_ms) {
        return limits_.ceiling_delay_ms - waited;
    }
    turns_.erase(pair);
    return std::nullopt;
}

std::optional<std::int64_t> LoginThrottle::admit(std::string_view ip, std::string_view account,
                                                 std::int64_t now_ms) {
    const std::lock_guard lock(mutex_);
    const std::string pair = pair_key(account, ip);
    const std::int64_t locked =
        std::max(locked_for_ms(ips_, ip, now_ms), locked_for_ms(pairs_, pair, now_ms));
    if (locked > 0) {
        return locked;
    }
    if (past_ceiling(account, now_ms)) {
        return take_turn(pair, now_ms);
    }
    return std::nullopt;
}

void LoginThrottle::fail(Tracker& tracker, std::string_view key, std::int64_t now_ms) {
    Failures* failures = tracker.by_key.find(key);
    if (failures == nullptr) {
        tracker.by_key.make_room(
            max_keys_, [now_ms](const Failures& other) { return run_is_over(other, now_ms); });
        failures = &tracker.by_key.insert(std::string(key), Failures{});
    } else if (run_is_over(*failures, now_ms)) {
        *failures = Failures{};
    }
    ++failures->count;
    failures->last_failure_ms = now_ms;
    if (tracker.lock_after > 0 && failures->count >= tracker.lock_after) {
        failures->locked_until_ms = now_ms + lock_for(failures->count - tracker.lock_after);
    }
}

void LoginThrottle::record_failure(std::string_view ip, std::string_view account,
                                   std::int64_t now_ms) {
    const std::lock_guard lock(mutex_);
    fail(ips_, ip, now_ms);
    fail(pairs_, pair_key(account, ip), now_ms);
    fail(accounts_, account, now_ms);
}

void LoginThrottle::record_success(std::string_view ip, std::string_view account) {
    const std::lock_guard lock(mutex_);
    pairs_.by_key.erase(pair_key(account, ip));
}

std::size_t LoginThrottle::size() const {
    const std::lock_guard lock(mutex_);
    return ips_.by_key.size() + pairs_.by_key.size() + accounts_.by_key.size() + turns_.size();
}

}  // namespace parley::server::auth
