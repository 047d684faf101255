// Group commit: one thread owns the write connection and turns everything queued since its last
// commit into one transaction and one fsync. Each job runs inside its own savepoint, so a job
// that fails (a chat version already taken) is rolled back alone and the rest still commit.
// Knows nothing about the tables: a job is any function that writes through the connection.
#pragma once

#include "server/store/sqlite_db.h"
#include "server/store/store.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace parley::server {

// Counters for /metrics, read as one plain value.
struct CommitStats {
    std::uint64_t commits = 0;
    std::uint64_t jobs = 0;
    double last_commit_seconds = 0;
    double total_commit_seconds = 0;
};

// Told after each successful commit, on the commit thread: how long it took, how many jobs.
using CommitObserver = std::function<void(double seconds, std::size_t jobs)>;

namespace sqlite {

class GroupCommitter {
public:
    // Throws StoreFailure to fail its own job; its writes are then rolled back.
    using Work = std::function<void(Connection&)>;

    explicit GroupCommitter(Connection connection);
    // Commits everything already queued, then stops the thread.
    ~GroupCommitter();
    GroupCommitter(const GroupCommitter&) = delete;
    GroupCommitter& operator=(const GroupCommitter&) = delete;

    // Queues work for the next commit; `done` runs on the commit thread once it is on disk.
    void submit(Work work, CommitDone done);
    // Blocks until every job submitted before it has committed and its `done` has returned.
    // Must not be called from a `done` (that runs on the thread it would wait for).
    void flush();

    CommitStats stats() const;
    void set_commit_observer(CommitObserver observer);

private:
    struct Job {
        Work work;
        CommitDone done;
    };
    using Outcomes = std::vector<std::optional<StoreError>>;

    void run();
    std::vector<Job> next_batch();
    Outcomes commit(const std::vector<Job>& batch);
    std::optional<StoreError> run_alone(const Work& work);
    void record(std::chrono::steady_clock::duration took, std::size_t jobs);
    void finish(std::vector<Job>& batch, Outcomes& outcomes);

    Connection db_;

    std::mutex queue_mutex_;
    std::condition_variable queue_ready_;
    std::condition_variable jobs_finished_;
    std::vector<Job> queue_;
    std::uint64_t submitted_ = 0;
    std::uint64_t finished_ = 0;
    bool stopping_ = false;

    std::atomic<std::uint64_t> commits_{0};
    std::atomic<std::uint64_t> jobs_{0};
    std::atomic<std::int64_t> last_commit_nanoseconds_{0};
    std::atomic<std::int64_t> total_commit_nanoseconds_{0};

    std::mutex observer_mutex_;
    CommitObserver observer_;

    // Last, so it starts after every member it uses is constructed.
    std::thread thread_;
};

}  // namespace sqlite
}  // namespace parley::server
