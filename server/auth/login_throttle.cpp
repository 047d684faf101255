// Failure runs and exponential lock-outs, per account and per IP address.
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

}  // namespace

LoginThrottle::LoginThrottle(std::size_t max_keys)
    : max_keys_(std::max<std::size_t>(1, max_keys)) {}

std::int64_t LoginThrottle::locked_for_ms(Tracker& tracker, std::string_view key,
                                          std::int64_t now_ms) {
    const Failures* failures = tracker.by_key.find(key);
    return failures == nullptr ? 0 : std::max<std::int64_t>(0, failures->locked_until_ms - now_ms);
}

std::optional<std::int64_t> LoginThrottle::retry_after_ms(std::string_view ip,
                                                          std::string_view account,
                                                          std::int64_t now_ms) {
    const std::lock_guard lock(mutex_);
    const std::int64_t wait =
        std::max(locked_for_ms(ips_, ip, now_ms), locked_for_ms(accounts_, account, now_ms));
    if (wait == 0) {
        return std::nullopt;
    }
    return wait;
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
    if (failures->count >= tracker.limit) {
        failures->locked_until_ms = now_ms + lock_for(failures->count - tracker.limit);
    }
}

void LoginThrottle::record_failure(std::string_view ip, std::string_view account,
                                   std::int64_t now_ms) {
    const std::lock_guard lock(mutex_);
    fail(ips_, ip, now_ms);
    fail(accounts_, account, now_ms);
}

void LoginThrottle::record_success(std::string_view, std::string_view account) {
    const std::lock_guard lock(mutex_);
    accounts_.by_key.erase(account);
}

std::size_t LoginThrottle::size() const {
    const std::lock_guard lock(mutex_);
    return ips_.by_key.size() + accounts_.by_key.size();
}

}  // namespace parley::server::auth
