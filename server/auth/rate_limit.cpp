// Token buckets with bounded memory. A full bucket is the same as no bucket, which is why idle
// keys are the first to be forgotten.
#include "server/auth/rate_limit.h"

#include <algorithm>
#include <stdexcept>

namespace parley::server::auth {

RateLimiter::RateLimiter(double burst, double per_second, std::size_t max_keys)
    : burst_(burst), per_ms_(per_second / 1000.0), max_keys_(max_keys) {
    if (!(burst >= 1.0) || !(per_second >= 0.0) || max_keys == 0) {
        throw std::invalid_argument(
            "A rate limiter needs a burst of at least 1, a rate of at least 0 and room for a "
            "key.");
    }
}

double RateLimiter::tokens_at(const Bucket& bucket, std::int64_t now_ms) const {
    const std::int64_t elapsed = std::max<std::int64_t>(0, now_ms - bucket.updated_ms);
    return std::min(burst_, bucket.tokens + static_cast<double>(elapsed) * per_ms_);
}

bool RateLimiter::allow(const std::string& key, std::int64_t now_ms) {
    const std::lock_guard lock(mutex_);
    Bucket* bucket = buckets_.find(key);
    if (bucket == nullptr) {
        buckets_.make_room(max_keys_,
                           [&](const Bucket& other) { return tokens_at(other, now_ms) >= burst_; });
        bucket = &buckets_.insert(key, Bucket{burst_, now_ms});
    }
    bucket->tokens = tokens_at(*bucket, now_ms);
    bucket->updated_ms = std::max(bucket->updated_ms, now_ms);
    if (bucket->tokens < 1.0) {
        return false;
    }
    bucket->tokens -= 1.0;
    return true;
}

std::size_t RateLimiter::size() const {
    const std::lock_guard lock(mutex_);
    return buckets_.size();
}

}  // namespace parley::server::auth
