// The authority: the one place where commands become events. It runs every command through
// the engine on its strand (one command at a time, so two agents accepting the same chat at
// the same instant are simply ordered: exactly one wins), appends the numbered events to the
// event log, and only once the group commit is on disk acknowledges the command and delivers
// the events to the feeds the engine addressed. Nothing is acknowledged before it is durable.
// Start-up loads the latest snapshot and replays the log after it.
//
// A failed commit (disk full, read-only folder, I/O error) leaves the State ahead of the log.
// The authority then stops taking commands (they answer store_unavailable), saves the unsaved
// events again with back-off until they commit, and only then takes commands again, so the
// State and the log never part. Reads and syncs go on meanwhile.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/commands.h"
#include "core/state.h"
#include "engine/engine.h"
#include "protocol/session.h"
#include "server/engine/snapshot_replica.h"
#include "server/metrics/metrics.h"
#include "server/store/store.h"

namespace parley::server {

using Outcome = std::variant<protocol::Ack, protocol::Rejected>;
using Reply = std::function<void(const Outcome&)>;
using Clock = std::function<core::Timestamp()>;
using engine::ChatVersions;

struct AuthorityOptions {
    // Take a snapshot after this many events, so start-up replays at most about that many.
    std::uint64_t snapshot_every = 50000;
    // Command ids the State remembers; a repeat of an older one is answered from the log.
    std::uint64_t remembered_commands = core::kRememberedCommands;
    engine::Feeds::Limits feeds;
    // After a failed commit: the first wait before saving the events again, doubled on each
    // failure up to the cap.
    std::chrono::milliseconds store_retry_first{100};
    std::chrono::milliseconds store_retry_cap{std::chrono::seconds(5)};
};

// Per-queue figures published for /metrics, which must not touch the State.
struct QueueFigures {
    std::string name;
    std::size_t waiting = 0;
};

class Authority {
public:
    // Called on the strand after the events of a command are durable (revoking access on
    // deactivation, for example).
    using Observer = std::function<void(const core::EventEnvelope&, const core::State&)>;
    // Like an Observer, with the event's sequence number: for what is derived from the log and
    // must resume where it stopped (see Catchup).
    using Follower =
        std::function<void(std::uint64_t seq, const core::EventEnvelope&, const core::State&)>;
    // Start-up replay for a follower: `replayed` is told of every event after `after`, with the
    // State just after it, so what a crash kept it from deriving is derived now; `ahead`, when
    // set, of the same events with the State just before (an archived chat is gone after).
    struct Catchup {
        std::uint64_t after = 0;
        Follower replayed;
        Follower ahead = {};
    };
    using Fatal = std::function<void(const StoreError&)>;

    Authority(boost::asio::io_context& io, EventLog& log, Clock clock, metrics::Registry& metrics,
              AuthorityOptions options = {});

    // Before serving: the latest snapshot plus the log after it. Blocks. A snapshot past any
    // catch-up's `after` is not used, so each catch-up sees every State it needs.
    std::optional<StoreError> recover(const std::vector<Catchup>& catchups = {});

    // Stamps actor and server time, decides, and replies once the outcome is durable. `reply`
    // runs on the authority's strand. A command id the log already holds (sent again after the
    // State forgot it) is answered with its first outcome on the calling thread's way in,
    // before the strand is asked.
    void submit(core::CommandId id, core::Actor actor, core::Command command, Reply reply);

    // Starts delivering to `subscriber` what `actor` may see: the messages after
    // `resume_from` when the actor's feed still has them, otherwise a sync.
    void subscribe(std::shared_ptr<engine::Subscriber> subscriber, core::Actor actor,
                   std::optional<std::uint64_t> resume_from);
    void unsubscribe(std::shared_ptr<engine::Subscriber> subscriber, core::Actor actor);

    // Runs `read` on the strand with the current State and the last assigned sequence number.
    void read(std::function<void(const core::State&, std::uint64_t)> read);

    void add_observer(Observer observer);
    void add_follower(Follower follower);
    // Follows the committed events off the strand, on the snapshot replica's thread, each with
    // the replica's State just after it (and, for `ahead`, just before). Set before commands
    // are taken.
    void follow_replica(SnapshotReplica::Applied ahead, SnapshotReplica::Applied applied,
                        SnapshotReplica::Settled settled);
    // The log took events this State does not know (another writer): the process must stop.
    void on_fatal(Fatal fatal);

    // Drives time: a Tick command every `period`.
    void start_ticks(std::chrono::milliseconds period);
    // Stops ticking, lets everything in flight commit, saves a snapshot, then calls `done`.
    void shutdown(std::function<void()> done);

    std::uint64_t committed_seq() const;
    // False from a failed commit until its events are saved on retry; commands meanwhile
    // answer store_unavailable.
    bool store_available() const;
    std::vector<QueueFigures> queue_figures() const;

private:
    struct Pending {
        std::uint64_t seq = 0;
        std::function<void()> action;
    };

    void handle(core::CommandId id, core::Actor actor, core::Command command, Reply reply,
                std::chrono::steady_clock::time_point received);
    void after_commit(std::uint64_t seq, std::function<void()> action);
    std::optional<std::uint64_t> committed_first_seq(const core::CommandId& key);
    void load_snapshot(std::optional<std::uint64_t> at_most);
    void append(std::vector<StoredEvent> batch);
    void on_committed(std::uint64_t seq, const std::optional<StoreError>& error);
    void mark_saved(std::uint64_t seq);
    void fail(const StoreError& error);
    void retry_when_settled();
    void retry_unsaved();
    void finish_stopping();
    void run_due();
    void maybe_snapshot();
    // Snapshots the State as of now; `done` (optional) runs on the strand once it is saved.
    void take_snapshot(std::function<void()> done);
    void publish_figures();
    void send_queue_positions();
    void tick();
    core::Timestamp now();

    boost::asio::strand<boost::asio::io_context::executor_type> strand_;
    EventLog& log_;
    Clock clock_;
    AuthorityOptions options_;
    core::State state_;
    engine::Engine engine_;
    std::uint64_t committed_ = 0;
    std::atomic<std::uint64_t> committed_public_{0};
    std::uint64_t snapshot_seq_ = 0;
    core::Timestamp last_at_ = 0;
    std::deque<Pending> pending_;
    // Appended but not yet known to be on disk, oldest first: what a retry saves again.
    std::deque<StoredEvent> unsaved_;
    std::size_t appends_in_flight_ = 0;
    bool store_down_ = false;
    std::atomic<bool> store_available_public_{true};
    std::chrono::milliseconds retry_delay_{0};
    boost::asio::steady_timer retry_timer_;
    std::function<void()> stopped_;
    std::vector<Observer> observers_;
    std::vector<Follower> followers_;
    Fatal fatal_;
    bool failed_ = false;
    bool stopping_ = false;
    std::chrono::milliseconds tick_period_{0};
    boost::asio::steady_timer tick_timer_;
    mutable std::mutex figures_mutex_;
    std::vector<QueueFigures> figures_;

    metrics::Counter& commands_;
    metrics::Counter& rejections_;
    metrics::Counter& events_;
    metrics::Histogram& command_seconds_;
    // Last, so it is destroyed first: its thread saves through log_ and posts to strand_.
    SnapshotReplica replica_;
};

}  // namespace parley::server
