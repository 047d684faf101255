// The read model: what lists, search and analytics read, fed by committed events and kept in
// SQLite tables (read_model_tables.h) in a file of its own beside the log, readmodel.db. It
// follows the authority's snapshot replica: on the replica's thread, each committed event marks
// its chat with the State just after it; the marked chats are projected from that State
// (chat_projection.h) and written by the read model's own commit thread. Nothing of it runs on
// the authority's strand or in the log's commits, so reads and their upkeep never delay a
// command. Readers run on their own threads with their own connections, and a read waits until
// the tables hold every event committed before it arrived, so a client reads its own writes.
// It decides nothing: who may see what is the core's answer.
//
// Its own file, not the log's: SQLite has one writer per file, and the read model's writes
// (an FTS5 entry and a row update per message) in the log's commits doubled command latency.
// It is derived data, so it is committed without waiting for the disk: a crash may lose its
// last writes, and the catch-up at start-up writes them again from the log.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "server/engine/authority.h"
#include "server/readmodel/projection_batch.h"
#include "server/store/group_commit.h"
#include "server/store/sqlite_db.h"

namespace parley::server::readmodel {

struct ReadModelOptions {
    // Threads (each with its own connection) serving reads.
    unsigned read_threads = 2;
};

class ReadModel {
public:
    // Opens (or creates) the file and its tables; tables that are missing or of another
    // version are created empty, to be filled by the catch-up, and a file SQLite cannot read
    // is replaced. Throws StoreFailure when the folder cannot hold it.
    explicit ReadModel(const std::filesystem::path& file, ReadModelOptions options = {});
    // Writes what is queued, then lets queued reads finish.
    ~ReadModel();
    ReadModel(const ReadModel&) = delete;
    ReadModel& operator=(const ReadModel&) = delete;

    // For Authority::recover: what the tables lack of the log.
    Authority::Catchup catchup();
    // After recover, with the recovered State: writes what the catch-up left pending and takes
    // the directory (agents, queues) from it.
    void caught_up(const core::State& state);
    // Follows the authority's committed events from now on.
    void follow(Authority& authority);
    // Blocks until everything handed over so far is written (tests, benchmarks, shutdown).
    void settle();

    // Runs `read` on a reader thread, with its connection and the directory, once the tables
    // hold every event through `seq`.
    using Read = std::function<void(sqlite::Connection&, const core::State& directory)>;
    void read_through(std::uint64_t seq, Read read);

    // The event the tables are complete through.
    std::uint64_t projected() const { return projected_.load(); }

private:
    struct Waiting {
        std::uint64_t seq = 0;
        Read read;
    };

    void ahead(const core::EventEnvelope& event, const core::State& state);
    void take(std::uint64_t seq, const core::EventEnvelope& event, const core::State& state);
    void flush(const core::State& state);
    void publish_directory(const core::State& state);
    void written(std::uint64_t through, bool ok);
    void run(Read read);

    std::filesystem::path file_;

    // [SECTION] On the replica's thread (or the recovering thread before it starts)
    // Chats changed since the last flush, with their position when they started in it.
    std::map<core::ChatId, std::optional<std::uint64_t>> changed_;
    std::vector<PostedText> posted_;
    std::uint64_t followed_ = 0;
    std::optional<std::chrono::steady_clock::time_point> first_change_;
    bool directory_stale_ = false;

    // [SECTION] Shared with the commit and reader threads
    std::atomic<std::uint64_t> projected_{0};
    mutable std::mutex mutex_;
    std::vector<Waiting> waiting_;
    // Batches whose write failed: written again, before the next one.
    std::vector<std::shared_ptr<const ProjectionBatch>> unwritten_;
    std::shared_ptr<const core::State> directory_;
    std::vector<sqlite::Connection> idle_readers_;

    std::unique_ptr<sqlite::GroupCommitter> writer_;
    // Last, so it is joined before what its reads use is destroyed.
    boost::asio::thread_pool pool_;
};

}  // namespace parley::server::readmodel
