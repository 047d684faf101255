// Slows down password guessing without handing attackers a way to lock staff out.
// - Per (account, address): after kPairFailureLimit failures with no quiet kFailureWindowMs
//   between them, that address may not try that account for kFirstLockMs, doubling with each
//   further failure up to kMaxLockMs. The same account from another address is not affected.
// - Per address: kIpFailureLimit failures over any accounts lock the address the same way
//   (trying many accounts from one place).
// - Per account, from every address together: past `account_ceiling` failures each address
//   must wait `ceiling_delay_ms` before each try at that account: the first try is answered
//   "come back in ceiling_delay_ms", the next one after that is checked. A distributed attack
//   gets one guess per address per delay; a correct password from a new address is late by
//   one delay at most, never locked out.
// Time is a parameter; thread-safe; memory bounded.
#pragma once

#include "server/auth/lru_map.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::auth {

inline constexpr int kPairFailureLimit = 5;
inline constexpr int kIpFailureLimit = 20;
inline constexpr std::int64_t kFailureWindowMs = std::int64_t{15} * 60 * 1000;
inline constexpr std::int64_t kFirstLockMs = std::int64_t{30} * 1000;
inline constexpr std::int64_t kMaxLockMs = std::int64_t{15} * 60 * 1000;
// A waited-out turn past the ceiling is kept this long; later the address waits again.
inline constexpr std::int64_t kTurnLifetimeMs = std::int64_t{60} * 1000;

struct LoginLimits {
    int account_ceiling = 10;
    std::int64_t ceiling_delay_ms = 3000;
};

class LoginThrottle {
public:
    // Remembers at most max_keys entries of each kind.
    explicit LoginThrottle(LoginLimits limits = {}, std::size_t max_keys = 100'000);

    // Whether this address may try this account now: nothing when it may, otherwise how long
    // to wait. Past the account's ceiling this hands the address its turn, so call it once per
    // attempt. The account should be normalised the same way on every call.
    std::optional<std::int64_t> admit(std::string_view ip, std::string_view account,
                                      std::int64_t now_ms);

    void record_failure(std::string_view ip, std::string_view account, std::int64_t now_ms);

    // Forgets this address's failures at this account. The address's own count stays:
    // otherwise one valid account of an attacker's own would wipe it after every few guesses
    // at others. The account's count from everywhere stays too, until the attack goes quiet.
    void record_success(std::string_view ip, std::string_view account);

    // How many entries are remembered now, of every kind together.
    std::size_t size() const;

private:
    struct Failures {
        int count = 0;
        std::int64_t last_failure_ms = 0;
        std::int64_t locked_until_ms = 0;
    };

    struct Tracker {
        // Failures that start a lock; 0 for a tracker that only counts.
        int lock_after;
        detail::LruMap<Failures> by_key;
    };

    void fail(Tracker& tracker, std::string_view key, std::int64_t now_ms);
    std::int64_t locked_for_ms(Tracker& tracker, std::string_view key, std::int64_t now_ms);
    bool past_ceiling(std::string_view account, std::int64_t now_ms);
    std::optional<std::int64_t> take_turn(const std::string& pair, std::int64_t now_ms);

    const LoginLimits limits_;
    const std::size_t max_keys_;
    mutable std::mutex mutex_;
    Tracker ips_{kIpFailureLimit, {}};
    Tracker pairs_{kPairFailureLimit, {}};
    Tracker accounts_{0, {}};
    // When each (account, address) started waiting for its turn past the ceiling.
    detail::LruMap<std::int64_t> turns_;
};

}  // namespace parley::server::auth
