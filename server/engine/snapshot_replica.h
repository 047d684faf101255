// A second State, kept on the snapshot thread by applying each committed event in order, so
// that taking a snapshot never copies the authority's State on its strand: that copy grew with
// the history and held every command for 35-365 ms. The price is a second State in memory and
// an apply per event, both off the strand; what the replica encodes is exactly what replaying
// the log gives, since core::apply is the same function either way. What else derives from
// committed events and needs the State just after each (the read model) follows the replica,
// on its thread, rather than the authority's strand.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>

#include "core/events.h"
#include "core/state.h"
#include "engine/engine.h"
#include "server/store/store.h"

namespace parley::server {

class SnapshotReplica {
public:
    // Nothing when the replica is not where it was asked to be (a bug, logged).
    using Encoded = std::function<void(std::optional<StoredSnapshot>)>;
    // Told of each event with the replica's State just after it, on the replica's thread.
    using Applied =
        std::function<void(std::uint64_t seq, const core::EventEnvelope&, const core::State&)>;
    // Told when the replica has applied every event handed to it so far.
    using Settled = std::function<void(const core::State&)>;

    SnapshotReplica() = default;
    SnapshotReplica(const SnapshotReplica&) = delete;
    SnapshotReplica& operator=(const SnapshotReplica&) = delete;
    // Waits for the work in hand, so a snapshot asked for at shutdown is still written.
    ~SnapshotReplica();

    // The State recovered at start-up, at `seq`; before any apply().
    void start(core::State state, engine::ChatVersions chat_versions, std::uint64_t seq);
    // A committed event, in the order of the log.
    void apply(std::uint64_t seq, core::EventEnvelope event, std::optional<core::ChatId> chat,
               std::uint64_t chat_version);
    // From the next event on; set before events flow. `ahead` is told of each event with the
    // State just before it.
    void follow(Applied ahead, Applied applied, Settled settled);
    // Encodes the State after event `seq`, which must be the last one applied, on the
    // replica's thread, and hands it to `encoded` there.
    void snapshot(std::uint64_t seq, Encoded encoded);

private:
    core::State state_;
    engine::ChatVersions chat_versions_;
    std::uint64_t seq_ = 0;
    Applied ahead_;
    Applied applied_;
    Settled settled_;
    // Events handed over and not yet applied.
    std::atomic<std::size_t> queued_{0};
    // One thread: the events and the snapshots it is given run in the order they were given.
    boost::asio::thread_pool thread_{1};
};

}  // namespace parley::server
