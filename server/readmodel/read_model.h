// The read model: what lists, search and analytics read, fed by committed events and kept in
// the store's SQLite file (read_model_tables.h). It follows the authority: every committed
// event marks its chat, and once per turn of the authority's strand the marked chats are
// projected from the State (chat_projection.h) and written in the next group commit. Readers
// run on their own threads with their own connections, never on the authority's strand, and
// a read waits until the tables hold every event committed before it arrived, so a client
// reads its own writes. It decides nothing: who may see what is the core's answer.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "server/engine/authority.h"
#include "server/readmodel/projection_batch.h"
#include "server/store/sqlite_store.h"

namespace parley::server::readmodel {

struct ReadModelOptions {
    // Threads (each with its own connection) serving reads.
    unsigned read_threads = 2;
};

class ReadModel {
public:
    // Creates the tables when they are missing or of another version (to be rebuilt by the
    // catch-up), and opens a connection per read thread. Blocks until that is committed;
    // throws StoreFailure when it cannot be.
    ReadModel(SqliteStore& store, ReadModelOptions options = {});
    // Lets queued reads finish.
    ~ReadModel();
    ReadModel(const ReadModel&) = delete;
    ReadModel& operator=(const ReadModel&) = delete;

    // For Authority::recover: what the tables lack of the log.
    Authority::Catchup catchup();
    // After recover, on the recovering thread: writes what the catch-up left pending and takes
    // the directory (agents, queues) from the recovered State.
    void caught_up(const core::State& state);
    // Follows the authority from now on.
    void follow(Authority& authority);

    // Runs `read` on a reader thread, with its connection and the directory, once the tables
    // hold every event through `seq`.
    using Read = std::function<void(sqlite::Connection&, const core::State& directory)>;
    void read_through(std::uint64_t seq, Read read);

    // The event the tables are complete through (committed to disk).
    std::uint64_t projected() const { return projected_.load(); }

private:
    struct Waiting {
        std::uint64_t seq = 0;
        Read read;
    };

    void take(std::uint64_t seq, const core::EventEnvelope& event, const core::State& state);
    void flush(const core::State& state);
    void publish_directory(const core::State& state);
    void take_back(std::vector<std::shared_ptr<ProjectionBatch>> batches);
    void written(std::uint64_t through, bool ok);
    void run(Read read);

    SqliteStore& store_;
    Authority* authority_ = nullptr;

    // [SECTION] On the authority's strand (or the recovering thread)
    // Chats changed since the last flush, with their position when they started in it.
    std::map<core::ChatId, std::optional<std::uint64_t>> changed_;
    std::vector<PostedText> posted_;
    std::uint64_t followed_ = 0;
    bool flush_queued_ = false;
    bool directory_stale_ = false;

    // [SECTION] Shared with readers
    std::atomic<std::uint64_t> projected_{0};
    mutable std::mutex mutex_;
    std::vector<Waiting> waiting_;
    std::shared_ptr<const core::State> directory_;
    std::vector<sqlite::Connection> idle_readers_;

    // Last, so it is joined before what its reads use is destroyed.
    boost::asio::thread_pool pool_;
};

}  // namespace parley::server::readmodel
