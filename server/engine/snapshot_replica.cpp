#include "server/engine/snapshot_replica.h"

#include <boost/asio/post.hpp>
#include <chrono>
#include <string>
#include <utility>

#include "core/apply.h"
#include "server/base/free_memory.h"
#include "server/base/log.h"
#include "server/engine/stored_snapshot.h"

namespace parley::server {

namespace asio = boost::asio;

SnapshotReplica::~SnapshotReplica() {
    thread_.join();
}

void SnapshotReplica::start(core::State state, engine::ChatVersions chat_versions,
                            std::uint64_t seq) {
    asio::post(thread_, [this, state = std::move(state), chat_versions = std::move(chat_versions),
                         seq]() mutable {
        state_ = std::move(state);
        chat_versions_ = std::move(chat_versions);
        seq_ = seq;
    });
}

void SnapshotReplica::follow(Applied ahead, Applied applied, Settled settled) {
    asio::post(thread_, [this, ahead = std::move(ahead), applied = std::move(applied),
                         settled = std::move(settled)] {
        ahead_ = ahead;
        applied_ = applied;
        settled_ = settled;
    });
}

void SnapshotReplica::apply(std::uint64_t seq, core::EventEnvelope event,
                            std::optional<core::ChatId> chat, std::uint64_t chat_version) {
    ++queued_;
    asio::post(thread_,
               [this, seq, event = std::move(event), chat = std::move(chat), chat_version] {
                   if (ahead_) {
                       ahead_(seq, event, state_);
                   }
                   core::apply(state_, event);
                   if (chat) {
                       engine::set_chat_version(chat_versions_, *chat, chat_version, event.event);
                   }
                   seq_ = seq;
                   if (applied_) {
                       applied_(seq, event, state_);
                   }
                   if (--queued_ == 0 && settled_) {
                       settled_(state_);
                   }
               });
}

void SnapshotReplica::snapshot(std::uint64_t seq, Encoded encoded) {
    asio::post(thread_, [this, seq, encoded = std::move(encoded)] {
        if (seq != seq_) {
            log_error("no snapshot at event " + std::to_string(seq) + ": the replica is at event " +
                      std::to_string(seq_));
            encoded(std::nullopt);
            return;
        }
        using Milliseconds = std::chrono::duration<double, std::milli>;
        const auto started = std::chrono::steady_clock::now();
        StoredSnapshot snapshot{seq, encode_stored_snapshot(state_, chat_versions_)};
        const Milliseconds took = std::chrono::steady_clock::now() - started;
        log_info("snapshot at event " + std::to_string(seq) + ": " +
                 std::to_string(snapshot.payload.size() >> 10) + " KiB encoded in " +
                 std::to_string(static_cast<long>(took.count())) + " ms off the strand");
        encoded(std::move(snapshot));
        // The encoding's JSON tree was several times the State.
        give_back_free_memory();
    });
}

}  // namespace parley::server
