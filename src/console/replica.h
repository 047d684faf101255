// The console's copy of the part of the core State its agent may see: replaced by a sync,
// advanced by each event through core::apply, and by chat records for chats that came into
// view. It never changes state any other way: the server decides, the replica follows.
// No ImGui, no sockets.
#pragma once

#include "core/state.h"
#include "protocol/session.h"

#include <cstdint>
#include <optional>

namespace parley::console {

class Replica {
public:
    enum class Step {
        applied,
        // Already held (a message at or below the sequence number reached): nothing changed.
        ignored,
        // The message cannot be placed on this copy (no snapshot yet): ask the server for a
        // fresh snapshot.
        out_of_step
    };

    Step apply(protocol::Sync&& sync);
    Step apply(protocol::EventMessage&& message);
    Step apply(protocol::ChatMessage&& message);

    // Drops everything (signed out, or out of step): the next connection asks for a snapshot.
    void forget();

    const core::State& state() const { return state_; }
    bool synced() const { return synced_; }
    // What a reconnect resumes from; none before the first snapshot.
    std::optional<std::uint64_t> resume_point() const;
    // Changes with every change of state(): what caches of it are keyed on.
    std::uint64_t version() const { return version_; }

private:
    // Why a message numbered `seq` is not applied (no snapshot yet, or already held), if so.
    std::optional<Step> refuse(std::uint64_t seq) const;

    core::State state_;
    std::uint64_t seq_ = 0;
    std::uint64_t version_ = 0;
    bool synced_ = false;
};

}  // namespace parley::console
