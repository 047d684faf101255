// Slows down password guessing. Failures are counted per account (guessing one person's
// password from many addresses) and per IP address (trying many accounts from one place).
// After kAccountFailureLimit failures for an account, or kIpFailureLimit for an IP, with no
// quiet kFailureWindowMs between them, attempts are refused for kFirstLockMs, doubling with each
// further failure up to kMaxLockMs. Time is a parameter; thread-safe; memory bounded.
#pragma once

#include "server/auth/lru_map.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string_view>

namespace parley::server::auth {

inline constexpr int kAccountFailureLimit = 5;
inline constexpr int kIpFailureLimit = 20;
inline constexpr std::int64_t kFailureWindowMs = std::int64_t{15} * 60 * 1000;
inline constexpr std::int64_t kFirstLockMs = std::int64_t{30} * 1000;
inline constexpr std::int64_t kMaxLockMs = std::int64_t{15} * 60 * 1000;

class LoginThrottle {
public:
    // Remembers at most max_keys accounts and max_keys IP addresses.
    explicit LoginThrottle(std::size_t max_keys = 100'000);

    // How long until this IP may try this account again; nothing when it may try now.
    // The account should be normalised (e.g. lower-cased) the same way on every call.
    std::optional<std::int64_t> retry_after_ms(std::string_view ip, std::string_view account,
                                               std::int64_t now_ms);

    void record_failure(std::string_view ip, std::string_view account, std::int64_t now_ms);

    // Forgets the account's failures. The IP's stay: otherwise one valid account of an
    // attacker's own would wipe their count after every few guesses at others.
    void record_success(std::string_view ip, std::string_view account);

    // How many IP addresses and accounts are remembered now, together.
    std::size_t size() const;

private:
    struct Failures {
        int count = 0;
        std::int64_t last_failure_ms = 0;
        std::int64_t locked_until_ms = 0;
    };

    struct Tracker {
        int limit;
        detail::LruMap<Failures> by_key;
    };

    void fail(Tracker& tracker, std::string_view key, std::int64_t now_ms);
    std::int64_t locked_for_ms(Tracker& tracker, std::string_view key, std::int64_t now_ms);

    const std::size_t max_keys_;
    mutable std::mutex mutex_;
    Tracker ips_{kIpFailureLimit, {}};
    Tracker accounts_{kAccountFailureLimit, {}};
};

}  // namespace parley::server::auth
