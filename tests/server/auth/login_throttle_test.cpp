// Login throttling: (account, address) and address lock-outs, doubling, the quiet window,
// success, the per-account ceiling, memory.
#include "server/auth/login_throttle.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace parley::server::auth {
namespace {

constexpr std::int64_t kMinute = std::int64_t{60} * 1000;

void fail_times(LoginThrottle& throttle, std::string_view ip, std::string_view account, int times,
                std::int64_t now_ms) {
    for (int i = 0; i < times; ++i) {
        throttle.record_failure(ip, account, now_ms);
    }
}

TEST(LoginThrottle, FourFailuresAreForgivenTheFifthLocksForThirtySeconds) {
    LoginThrottle throttle;
    fail_times(throttle, "10.0.0.1", "maria", 4, 0);
    EXPECT_EQ(throttle.admit("10.0.0.1", "maria", 0), std::nullopt);
    throttle.record_failure("10.0.0.1", "maria", 0);
    EXPECT_EQ(throttle.admit("10.0.0.1", "maria", 0), 30'000);
    EXPECT_EQ(throttle.admit("10.0.0.1", "maria", 10'000), 20'000);
    EXPECT_EQ(throttle.admit("10.0.0.1", "maria", 30'000), std::nullopt);
}

TEST(LoginThrottle, TheLockHoldsOnlyForTheAddressThatFailed) {
    LoginThrottle throttle;
    fail_times(throttle, "10.0.0.1", "maria", 5, 0);
    EXPECT_EQ(throttle.admit("10.0.0.1", "maria", 1000), 29'000);
    EXPECT_EQ(throttle.admit("192.168.1.1", "maria", 1000), std::nullopt);
}

TEST(LoginThrottle, PastTheCeilingEveryAddressWaitsItsTurn) {
    LoginThrottle throttle({10, 3000});
    for (int i = 0; i < 10; ++i) {
        throttle.record_failure("10.0.0." + std::to_string(i), "maria", 0);
    }
    // A new address waits one delay, then is let through; its next try waits again.
    EXPECT_EQ(throttle.admit("192.168.1.1", "maria", 1000), 3000);
    EXPECT_EQ(throttle.admit("192.168.1.1", "maria", 2000), 2000);
    EXPECT_EQ(throttle.admit("192.168.1.1", "maria", 4000), std::nullopt);
    EXPECT_EQ(throttle.admit("192.168.1.1", "maria", 4000), 3000);
    EXPECT_EQ(throttle.admit("192.168.1.1", "ivan", 4000), std::nullopt);
    // A turn not taken within a minute lapses.
    EXPECT_EQ(throttle.admit("192.168.1.2", "maria", 5000), 3000);
    EXPECT_EQ(throttle.admit("192.168.1.2", "maria", 5000 + kMinute + 1), 3000);
}

TEST(LoginThrottle, EachFurtherFailureDoublesTheLockUpToFifteenMinutes) {
    LoginThrottle throttle({100, 3000});
    fail_times(throttle, "ip", "maria", 5, 0);
    std::int64_t now = 0;
    for (const std::int64_t expected : {60'000, 120'000, 240'000, 480'000, 900'000, 900'000}) {
        now += *throttle.admit("ip", "maria", now);
        EXPECT_EQ(throttle.admit("ip", "maria", now), std::nullopt);
        throttle.record_failure("ip", "maria", now);
        EXPECT_EQ(throttle.admit("ip", "maria", now), expected);
    }
}

TEST(LoginThrottle, SuccessForgetsTheAddresssFailuresAtTheAccount) {
    LoginThrottle throttle({100, 3000});
    fail_times(throttle, "ip", "maria", 6, 0);
    ASSERT_TRUE(throttle.admit("ip", "maria", 0));
    throttle.record_success("ip", "maria");
    EXPECT_EQ(throttle.admit("ip", "maria", 0), std::nullopt);
    fail_times(throttle, "ip", "maria", 4, 1000);
    EXPECT_EQ(throttle.admit("ip", "maria", 1000), std::nullopt);
    throttle.record_failure("ip", "maria", 1000);
    EXPECT_EQ(throttle.admit("ip", "maria", 1000), 30'000);
}

TEST(LoginThrottle, AQuietWindowStartsANewRun) {
    LoginThrottle throttle;
    fail_times(throttle, "ip", "maria", 4, 0);
    fail_times(throttle, "ip", "maria", 4, 15 * kMinute + 1);
    EXPECT_EQ(throttle.admit("ip", "maria", 15 * kMinute + 1), std::nullopt);

    LoginThrottle strict;
    fail_times(strict, "ip", "maria", 4, 0);
    strict.record_failure("ip", "maria", 15 * kMinute);
    EXPECT_EQ(strict.admit("ip", "maria", 15 * kMinute), 30'000);
}

TEST(LoginThrottle, TheQuietWindowCountsFromTheEndOfTheLock) {
    LoginThrottle throttle;
    fail_times(throttle, "ip", "maria", 5, 0);
    // Locked until 30 s; a failure 15 minutes after the failure but not after the lock
    // continues the run.
    throttle.record_failure("ip", "maria", 15 * kMinute + 1000);
    EXPECT_EQ(throttle.admit("ip", "maria", 15 * kMinute + 1000), 60'000);
}

TEST(LoginThrottle, TwentyFailuresFromOneAddressLockTheAddress) {
    LoginThrottle throttle;
    for (int i = 0; i < 19; ++i) {
        throttle.record_failure("203.0.113.9", "user" + std::to_string(i), 0);
    }
    EXPECT_EQ(throttle.admit("203.0.113.9", "someone-new", 0), std::nullopt);
    // Succeeding with an account of one's own does not wipe the address's count.
    throttle.record_success("203.0.113.9", "attackers-own");
    throttle.record_failure("203.0.113.9", "user19", 0);
    EXPECT_EQ(throttle.admit("203.0.113.9", "someone-new", 0), 30'000);
    EXPECT_EQ(throttle.admit("198.51.100.7", "user1", 0), std::nullopt);
}

TEST(LoginThrottle, MemoryStaysBounded) {
    LoginThrottle throttle({}, 32);
    for (int i = 0; i < 5000; ++i) {
        throttle.record_failure("ip-" + std::to_string(i), "acct-" + std::to_string(i), i);
        EXPECT_LE(throttle.size(), 96u);
    }
}

TEST(LoginThrottle, FinishedRunsAreForgottenBeforeALockedAccount) {
    LoginThrottle throttle({}, 4);
    // The victim reaches the longest lock first, so it is the least recently used.
    fail_times(throttle, "ip", "victim", 10, 0);
    ASSERT_EQ(throttle.admit("ip", "victim", 0), 15 * kMinute);
    throttle.record_failure("ip", "a", kMinute);
    throttle.record_failure("ip", "b", kMinute);
    throttle.record_failure("ip", "c", kMinute);
    // At 17 minutes the runs of a, b and c are over; the victim's still counts.
    const std::int64_t later = 17 * kMinute;
    throttle.record_failure("ip", "d", later);
    EXPECT_EQ(throttle.admit("ip", "victim", later), std::nullopt);
    throttle.record_failure("ip", "victim", later);
    EXPECT_EQ(throttle.admit("ip", "victim", later), 15 * kMinute);
}

TEST(LoginThrottle, ThreadsCountEveryFailure) {
    LoginThrottle throttle;
    std::vector<std::thread> threads;
    threads.reserve(4);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&throttle, t] {
            fail_times(throttle, "shared", "account" + std::to_string(t), 5, 0);
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(throttle.admit("shared", "fresh", 0), 30'000);
    for (int t = 0; t < 4; ++t) {
        EXPECT_EQ(throttle.admit("shared", "account" + std::to_string(t), 0), 30'000);
        EXPECT_EQ(throttle.admit("elsewhere", "account" + std::to_string(t), 0), std::nullopt);
    }
}

}  // namespace
}  // namespace parley::server::auth
