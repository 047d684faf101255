// One signed-in agent's session on the console side: the replica of what they may see and the
// commands on their way. Reads the server's session messages and writes commands; the
// Connection carries both. No ImGui, no sockets.
#pragma once

#include "console/outbox.h"
#include "console/replica.h"
#include "core/actor.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::console {

class Session {
public:
    explicit Session(std::string command_prefix);

    // The server welcomed `actor`: a different person than before starts from nothing.
    void welcomed(const core::Actor& actor);
    // Handles one server message; false when the replica is out of step and needs a snapshot.
    bool receive(const std::string& text, double now);
    // Records a command and returns its wire text.
    std::string submit(core::Command command, std::string what, double now);
    // Forgets the replica and the pending commands (signed out).
    void end();
    // Forgets only the replica (out of step): the next connection asks for a snapshot.
    void forget_replica() { replica_.forget(); }

    const std::optional<core::Actor>& actor() const { return actor_; }
    const Replica& replica() const { return replica_; }
    Outbox& outbox() { return outbox_; }
    const Outbox& outbox() const { return outbox_; }
    // The last message the server sent that was not a session message, for people.
    const std::string& problem() const { return problem_; }

private:
    std::optional<core::Actor> actor_;
    Replica replica_;
    Outbox outbox_;
    std::string problem_;
};

}  // namespace parley::console
