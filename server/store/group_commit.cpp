// The commit thread: drain the queue, one transaction with a savepoint per job, one fsync,
// then every job's `done`. Reads on other connections see a commit before its `done` runs.
#include "server/store/group_commit.h"

#include <utility>

namespace parley::server::sqlite {
namespace {

StoreError closed_error() {
    return {"closed", "The store is shutting down; nothing more can be written."};
}

}  // namespace

GroupCommitter::GroupCommitter(Connection connection)
    : db_(std::move(connection)), thread_([this] { run(); }) {}

GroupCommitter::~GroupCommitter() {
    {
        const std::lock_guard lock(queue_mutex_);
        stopping_ = true;
    }
    queue_ready_.notify_one();
    thread_.join();
}

void GroupCommitter::submit(Work work, CommitDone done) {
    {
        const std::lock_guard lock(queue_mutex_);
        if (!stopping_) {
            queue_.push_back({std::move(work), std::move(done)});
            ++submitted_;
            queue_ready_.notify_one();
            return;
        }
    }
    if (done) {
        done(closed_error());
    }
}

void GroupCommitter::flush() {
    std::unique_lock lock(queue_mutex_);
    const std::uint64_t target = submitted_;
    jobs_finished_.wait(lock, [&] { return finished_ >= target; });
}

CommitStats GroupCommitter::stats() const {
    constexpr double kSecondsPerNanosecond = 1e-9;
    return {commits_.load(), jobs_.load(),
            static_cast<double>(last_commit_nanoseconds_.load()) * kSecondsPerNanosecond,
            static_cast<double>(total_commit_nanoseconds_.load()) * kSecondsPerNanosecond};
}

void GroupCommitter::set_commit_observer(CommitObserver observer) {
    const std::lock_guard lock(observer_mutex_);
    observer_ = std::move(observer);
}

void GroupCommitter::run() {
    for (;;) {
        std::vector<Job> batch = next_batch();
        if (batch.empty()) {
            return;
        }
        Outcomes outcomes = commit(batch);
        finish(batch, outcomes);
    }
}

// Empty only when stopping with nothing left: the destructor's promise to commit what is queued.
std::vector<GroupCommitter::Job> GroupCommitter::next_batch() {
    std::unique_lock lock(queue_mutex_);
    queue_ready_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    return std::exchange(queue_, {});
}

GroupCommitter::Outcomes GroupCommitter::commit(const std::vector<Job>& batch) {
    const auto start = std::chrono::steady_clock::now();
    Outcomes outcomes(batch.size());
    try {
        db_.exec("BEGIN IMMEDIATE");
        for (std::size_t i = 0; i < batch.size(); ++i) {
            outcomes[i] = run_alone(batch[i].work);
        }
        db_.exec("COMMIT");
    } catch (const StoreFailure& failure) {
        db_.roll_back();
        // Jobs that failed alone keep their own reason; the others were lost with the batch.
        for (auto& outcome : outcomes) {
            if (!outcome) {
                outcome = StoreError{"io", failure.error().message};
            }
        }
        return outcomes;
    }
    record(std::chrono::steady_clock::now() - start, batch.size());
    return outcomes;
}

std::optional<StoreError> GroupCommitter::run_alone(const Work& work) {
    db_.exec("SAVEPOINT job");
    try {
        work(db_);
    } catch (const StoreFailure& failure) {
        // Disk full or an I/O error make SQLite roll back the whole transaction itself; the
        // jobs before this one are gone too, so the batch as a whole has failed.
        if (!db_.in_transaction()) {
            throw;
        }
        db_.exec("ROLLBACK TO job");
        db_.exec("RELEASE job");
        return failure.error();
    }
    db_.exec("RELEASE job");
    return std::nullopt;
}

void GroupCommitter::record(std::chrono::steady_clock::duration took, std::size_t jobs) {
    const auto nanoseconds = std::chrono::duration_cast<std::chrono::nanoseconds>(took).count();
    commits_.fetch_add(1);
    jobs_.fetch_add(jobs);
    last_commit_nanoseconds_.store(nanoseconds);
    total_commit_nanoseconds_.fetch_add(nanoseconds);
    CommitObserver observer;
    {
        const std::lock_guard lock(observer_mutex_);
        observer = observer_;
    }
    if (observer) {
        observer(std::chrono::duration<double>(took).count(), jobs);
    }
}

void GroupCommitter::finish(std::vector<Job>& batch, Outcomes& outcomes) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (batch[i].done) {
            batch[i].done(std::move(outcomes[i]));
        }
    }
    {
        const std::lock_guard lock(queue_mutex_);
        finished_ += batch.size();
    }
    jobs_finished_.notify_all();
}

}  // namespace parley::server::sqlite
