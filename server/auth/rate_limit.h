// A token bucket per key (an IP address, an account, an API key): `burst` requests at once,
// refilled at `per_second`. Time is a parameter, so behaviour is the same in tests and live.
// Thread-safe: every I/O thread may call allow().
#pragma once

#include "server/auth/lru_map.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>

namespace parley::server::auth {

class RateLimiter {
public:
    // burst >= 1, per_second >= 0 and max_keys >= 1, or std::invalid_argument. At most max_keys
    // keys are remembered: beyond that, idle buckets and then the least recently used go.
    RateLimiter(double burst, double per_second, std::size_t max_keys);

    // Takes one token from the key's bucket; false when it is empty.
    bool allow(const std::string& key, std::int64_t now_ms);

    // How many keys are remembered now.
    std::size_t size() const;

private:
    struct Bucket {
        double tokens;
        std::int64_t updated_ms;
    };

    // The bucket's tokens at now_ms; a clock that steps back refills nothing.
    double tokens_at(const Bucket& bucket, std::int64_t now_ms) const;

    const double burst_;
    const double per_ms_;
    const std::size_t max_keys_;
    mutable std::mutex mutex_;
    detail::LruMap<Bucket> buckets_;
};

}  // namespace parley::server::auth
