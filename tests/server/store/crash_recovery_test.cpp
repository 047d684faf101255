// Crash recovery: a child process appends as fast as it can and reports each acknowledged seq
// on a pipe; the parent kills it with SIGKILL mid-stream, reopens the file and checks that every
// acknowledged event is there, intact, in a log with no gap. Repeated, so recovery also holds
// for a log that has already been recovered once.
#include "server/store/sqlite_store.h"
#include "tests/server/store/store_test_support.h"

#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>

namespace parley::server {
namespace {

using store_test::open_or_fail;
using store_test::TempDir;

constexpr std::uint64_t kChats = 5;
// Appends kept in flight, so the kill lands while commits are being written.
constexpr std::uint64_t kInFlight = 32;
constexpr std::size_t kAcksBeforeKill = 300;
constexpr int kRounds = 3;
constexpr int kPollMilliseconds = 60'000;

StoredEvent event_for(std::uint64_t seq) {
    return {seq,
            "cmd-" + std::to_string(seq),
            "cht_" + std::to_string(seq % kChats + 1),
            (seq - 1) / kChats + 1,
            static_cast<std::int64_t>(seq),
            "{\"n\":" + std::to_string(seq) + ",\"pad\":\"" + std::string(400, 'p') + "\"}"};
}

// The child: never returns; exits with a non-zero status on any failure, which the parent sees
// as the pipe closing early.
[[noreturn]] void append_until_killed(const std::filesystem::path& file, int ack_fd) {
    auto opened = SqliteStore::open(file);
    if (!std::holds_alternative<std::unique_ptr<SqliteStore>>(opened)) {
        ::_exit(2);
    }
    SqliteStore& store = *std::get<std::unique_ptr<SqliteStore>>(opened);
    std::mutex mutex;
    std::condition_variable slot_free;
    std::uint64_t in_flight = 0;
    for (std::uint64_t seq = store.last_seq() + 1;; ++seq) {
        {
            std::unique_lock lock(mutex);
            slot_free.wait(lock, [&] { return in_flight < kInFlight; });
            ++in_flight;
        }
        store.append({event_for(seq)}, [&, seq](std::optional<StoreError> error) {
            if (error || ::write(ack_fd, &seq, sizeof seq) != sizeof seq) {
                ::_exit(3);
            }
            {
                const std::lock_guard lock(mutex);
                --in_flight;
            }
            slot_free.notify_one();
        });
    }
}

class AckReader {
public:
    explicit AckReader(int fd) : fd_(fd) {}

    // Reads whatever arrives; false at end of file or after a minute of silence.
    bool read_some() {
        pollfd ready{fd_, POLLIN, 0};
        if (::poll(&ready, 1, kPollMilliseconds) <= 0) {
            return false;
        }
        char buffer[4096];
        const ssize_t got = ::read(fd_, buffer, sizeof buffer);
        if (got <= 0) {
            return false;
        }
        pending_.append(buffer, static_cast<std::size_t>(got));
        while (pending_.size() >= sizeof(std::uint64_t)) {
            std::uint64_t seq = 0;
            std::memcpy(&seq, pending_.data(), sizeof seq);
            acks_.push_back(seq);
            pending_.erase(0, sizeof seq);
        }
        return true;
    }

    const std::vector<std::uint64_t>& acks() const { return acks_; }

private:
    int fd_;
    std::string pending_;
    std::vector<std::uint64_t> acks_;
};

// Runs one child until it has acknowledged enough, kills it, and returns every ack it sent.
std::vector<std::uint64_t> run_and_kill(const std::filesystem::path& file) {
    int pipe_fds[2];
    EXPECT_EQ(::pipe(pipe_fds), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(pipe_fds[0]);
        append_until_killed(file, pipe_fds[1]);
    }
    ::close(pipe_fds[1]);
    AckReader reader(pipe_fds[0]);
    while (reader.acks().size() < kAcksBeforeKill && reader.read_some()) {
    }
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
        << "the writer died on its own before it was killed";
    // Acks written before the kill are still in the pipe.
    while (reader.read_some()) {
    }
    ::close(pipe_fds[0]);
    return reader.acks();
}

TEST(CrashRecovery, AKilledWriterLosesNoAcknowledgedEvent) {
    const TempDir dir;
    const auto file = dir / "parley.db";
    std::uint64_t acknowledged = 0;
    for (int round = 0; round < kRounds; ++round) {
        const std::vector<std::uint64_t> acks = run_and_kill(file);
        ASSERT_GE(acks.size(), kAcksBeforeKill) << "round " << round;
        // Acknowledged in order, each once, continuing where the last round's log ended.
        for (std::size_t i = 0; i < acks.size(); ++i) {
            ASSERT_EQ(acks[i], acknowledged + 1 + i) << "round " << round;
        }
        const std::uint64_t last_ack = acks.back();

        const auto store = open_or_fail(file);
        ASSERT_TRUE(store);
        ASSERT_GE(store->last_seq(), last_ack) << "round " << round;
        const auto events = store->read_after(0, store->last_seq() + 1);
        ASSERT_EQ(events.size(), store->last_seq()) << "round " << round;
        for (std::size_t i = 0; i < events.size(); ++i) {
            ASSERT_EQ(events[i], event_for(i + 1)) << "round " << round << ", seq " << i + 1;
        }
        acknowledged = store->last_seq();
    }
}

}  // namespace
}  // namespace parley::server
