// Token buckets: bursts, refills, independent keys, bounded memory, several threads.
#include "server/auth/rate_limit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace parley::server::auth {
namespace {

TEST(RateLimiter, AllowsTheBurstThenRefuses) {
    RateLimiter limiter(3, 1, 100);
    EXPECT_TRUE(limiter.allow("ip", 0));
    EXPECT_TRUE(limiter.allow("ip", 0));
    EXPECT_TRUE(limiter.allow("ip", 0));
    EXPECT_FALSE(limiter.allow("ip", 0));
    EXPECT_FALSE(limiter.allow("ip", 10));
}

TEST(RateLimiter, RefillsWithTimeUpToTheBurst) {
    RateLimiter limiter(2, 1, 100);
    EXPECT_TRUE(limiter.allow("ip", 0));
    EXPECT_TRUE(limiter.allow("ip", 0));
    EXPECT_FALSE(limiter.allow("ip", 999));
    EXPECT_TRUE(limiter.allow("ip", 1000));
    EXPECT_FALSE(limiter.allow("ip", 1000));
    // An hour of rest earns the burst, not 3600 requests.
    EXPECT_TRUE(limiter.allow("ip", 3'601'000));
    EXPECT_TRUE(limiter.allow("ip", 3'601'000));
    EXPECT_FALSE(limiter.allow("ip", 3'601'000));
}

TEST(RateLimiter, FractionalRatesAccumulate) {
    RateLimiter limiter(1, 0.5, 100);
    EXPECT_TRUE(limiter.allow("key", 0));
    EXPECT_FALSE(limiter.allow("key", 1000));
    EXPECT_TRUE(limiter.allow("key", 2000));
}

TEST(RateLimiter, KeysHaveTheirOwnBuckets) {
    RateLimiter limiter(1, 0, 100);
    EXPECT_TRUE(limiter.allow("a", 0));
    EXPECT_FALSE(limiter.allow("a", 0));
    EXPECT_TRUE(limiter.allow("b", 0));
    EXPECT_EQ(limiter.size(), 2u);
}

TEST(RateLimiter, AClockThatStepsBackRefillsNothing) {
    RateLimiter limiter(1, 1, 100);
    EXPECT_TRUE(limiter.allow("ip", 10'000));
    EXPECT_FALSE(limiter.allow("ip", 0));
    EXPECT_FALSE(limiter.allow("ip", 10'500));
    EXPECT_TRUE(limiter.allow("ip", 11'000));
}

TEST(RateLimiter, MemoryStaysBoundedUnderManyKeys) {
    RateLimiter limiter(5, 1, 64);
    for (int i = 0; i < 10'000; ++i) {
        EXPECT_TRUE(limiter.allow("attacker-" + std::to_string(i), i));
        EXPECT_LE(limiter.size(), 64u);
    }
}

TEST(RateLimiter, ForgetsIdleBucketsBeforeBusyOnes) {
    RateLimiter limiter(2, 1, 4);
    EXPECT_TRUE(limiter.allow("busy", 0));
    EXPECT_TRUE(limiter.allow("busy", 0));
    EXPECT_TRUE(limiter.allow("idle", 0));
    // A second later "idle" is full again, "busy" has one token, and both are the oldest.
    EXPECT_TRUE(limiter.allow("c", 1000));
    EXPECT_TRUE(limiter.allow("d", 1000));
    EXPECT_TRUE(limiter.allow("e", 1000));
    EXPECT_LE(limiter.size(), 4u);
    EXPECT_TRUE(limiter.allow("busy", 1000));
    EXPECT_FALSE(limiter.allow("busy", 1000)) << "the busy bucket was forgotten";
}

TEST(RateLimiter, ForgetsTheLeastRecentlyUsedWhenNothingIsIdle) {
    RateLimiter limiter(1, 0, 3);
    EXPECT_TRUE(limiter.allow("a", 0));
    EXPECT_TRUE(limiter.allow("b", 1));
    EXPECT_TRUE(limiter.allow("c", 2));
    EXPECT_FALSE(limiter.allow("a", 3));
    EXPECT_TRUE(limiter.allow("d", 4));
    EXPECT_EQ(limiter.size(), 3u);
    EXPECT_FALSE(limiter.allow("a", 5));
    EXPECT_FALSE(limiter.allow("c", 6));
    EXPECT_TRUE(limiter.allow("b", 7)) << "b was the least recently used";
}

TEST(RateLimiter, ThreadsShareOneBucketExactly) {
    RateLimiter limiter(1000, 0, 10);
    std::atomic<int> allowed{0};
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 500; ++i) {
                if (limiter.allow("shared", 0)) {
                    ++allowed;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(allowed.load(), 1000);
}

TEST(RateLimiter, RefusesSettingsThatCannotWork) {
    EXPECT_THROW(RateLimiter(0.5, 1, 10), std::invalid_argument);
    EXPECT_THROW(RateLimiter(1, -1, 10), std::invalid_argument);
    EXPECT_THROW(RateLimiter(1, 1, 0), std::invalid_argument);
}

}  // namespace
}  // namespace parley::server::auth
