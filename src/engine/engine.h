// The engine: the one pipeline from a command to what each connection is sent. It decides a
// command with the core, numbers the events it causes (the log's sequence and each chat's
// version), applies them, and works out who may see each one and in what form, encoded once
// per audience. It opens a connection's feed with a sync or resumes it where the client left
// off. No I/O, clock or threads: the server adds the socket, the event log and the timers and
// delivers only after a commit; the in-page demo and the console tests deliver at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/commands.h"
#include "core/decide.h"
#include "core/state.h"
#include "engine/fanout.h"
#include "engine/feeds.h"
#include "engine/queue_positions.h"

namespace parley::engine {

// Each chat's version after its latest event: the per-chat optimistic-concurrency counter.
using ChatVersions = std::unordered_map<core::ChatId, std::uint64_t>;

// Sets the chat's version after `event`; an archived chat has no later event, so its counter
// leaves with it and the map holds the live chats only.
void set_chat_version(ChatVersions& versions, const core::ChatId& chat, std::uint64_t version,
                      const core::Event& event);

// One event as the engine numbered and applied it.
struct Numbered {
    std::uint64_t seq = 0;
    core::EventEnvelope event;
    // The event as the log stores it and staff receive it.
    std::string payload;
    std::optional<core::ChatId> chat;
    std::uint64_t chat_version = 0;
    // What each feed that may see the event is sent; the owner pushes them (Feed::push).
    std::vector<Delivery> deliveries;
};

struct Step {
    std::optional<core::Rejection> rejection;
    // The command id was used before: nothing changed.
    bool duplicate = false;
    std::vector<Numbered> events;
};

// How a connection starts: with the feed's messages after its resume point, or with a sync.
struct Opening {
    std::shared_ptr<Feed> feed;
    bool resumes = false;
    // Without `resumes`: the actor's visible State now.
    Message sync;
    // A waiting customer's place in the queue, or null.
    Message position;
};

// Hands each of the event's deliveries to its feed, at once.
void deliver(const Numbered& numbered);

class Engine {
public:
    // The engine works on a State its owner keeps (the authority's, the demo stage's, a test's).
    Engine(core::State& state, Feeds::Limits limits = {});

    const core::State& state() const { return state_; }
    // The last sequence number given to an event.
    std::uint64_t seq() const { return seq_; }
    const ChatVersions& chat_versions() const { return chat_versions_; }

    // Decides the command (stamped by the caller with actor and time) and records its events.
    Step execute(const core::CommandEnvelope& envelope);
    // Numbers, applies and addresses one event the core decided.
    Numbered record(core::EventEnvelope event);

    // Start-up: the State and chat versions of a snapshot at `seq`.
    void restore(ChatVersions chat_versions, std::uint64_t seq);
    // Start-up: an event of the log, numbered `seq`, applied without addressing it.
    void replay(std::uint64_t seq, const core::EventEnvelope& event,
                const std::optional<core::ChatId>& chat);

    // The feed of `actor` for a new connection; see Opening.
    Opening open(const core::Actor& actor, std::optional<std::uint64_t> resume_from);
    // For owners with nothing to wait for before delivering (no commit): opens the feed, sends
    // the subscriber its opening and attaches it.
    void attach(const std::shared_ptr<Subscriber>& subscriber, const core::Actor& actor,
                std::optional<std::uint64_t> resume_from);
    void close(const Subscriber& subscriber, const core::Actor& actor, core::Timestamp now);
    // Queue positions that changed since the last call, for the waiting customers' feeds.
    std::vector<Delivery> queue_positions();
    // Forgets the feeds of actors gone longer than the limits keep them.
    void expire(core::Timestamp now) { feeds_.expire(now); }

private:
    std::uint64_t next_chat_version(const core::ChatId& chat, const core::Event& event);
    void refresh_wide(const core::AgentId& agent);

    core::State& state_;
    Feeds feeds_;
    QueuePositions positions_;
    ChatVersions chat_versions_;
    std::uint64_t seq_ = 0;
};

}  // namespace parley::engine
