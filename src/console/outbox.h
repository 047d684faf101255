// Commands on their way to the server: each gets a fresh id (random per console, so ids never
// repeat across reloads: the server remembers every id it saw), waits for its ack or
// rejection, and is resent with the same id after a reconnect, which the server answers as a
// duplicate if it had already taken it. A command waiting longer than a second makes the
// console "delayed" (seed 001). No ImGui, no sockets.
#pragma once

#include "core/commands.h"
#include "protocol/session.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

// How long a command may wait for its answer before the console says it is delayed.
inline constexpr double kDelayedAfterSeconds = 1.0;

struct PendingCommand {
    core::CommandId id;
    // What the agent asked for, in their words ("Accept Ann Lee"), for the top bar and refusals.
    std::string what;
    std::string wire_text;
    double sent_at = 0;
};

// A refusal the agent should read: what they asked for and the core's (or server's) sentence.
struct Refusal {
    std::string what;
    std::string code;
    std::string message;
    double at = 0;
};

class Outbox {
public:
    // Ids are `prefix`-1, -2, ... for tests; a real console passes kRandomIds, and each
    // command gets 128 fresh random bits, so no one who sees an id can predict the next.
    explicit Outbox(std::string prefix);
    static constexpr const char* kRandomIds = "";
    // "con-" and 32 hex digits of randomness.
    static std::string random_id();

    // Records the command and returns it ready to send. An empty `what` marks a command sent on
    // the agent's behalf (typing, read receipts), whose refusal is not shown.
    const PendingCommand& submit(core::Command command, std::string what, double now);
    void on_ack(const protocol::Ack& ack);
    void on_rejected(const protocol::Rejected& rejected, double now);
    // Every pending command, oldest first, marked as sent again at `now`.
    std::vector<std::string> resend(double now);
    void clear();

    const std::vector<PendingCommand>& pending() const { return pending_; }
    bool delayed(double now) const;
    const std::optional<Refusal>& last_refusal() const { return last_refusal_; }
    void dismiss_refusal() { last_refusal_.reset(); }

private:
    std::string prefix_;
    std::uint64_t counter_ = 0;
    std::vector<PendingCommand> pending_;
    std::optional<Refusal> last_refusal_;
};

}  // namespace parley::console
