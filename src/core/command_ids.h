// The set of processed command ids, for idempotency. An open-addressing hash table over ids
// kept in arrival order: one probe touches one small slot, and the order (and so any
// snapshot of it) is the same natively and in wasm, which std::unordered_set does not
// promise across standard libraries. Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"

namespace parley::core {

// Command ids are the client's to choose, so they are only unique per actor: the key the core
// remembers (and stamps on the command's events) is the actor plus the client's id, and no
// actor can claim or suppress another's. Client ids hold no control characters, so the
// separator below never occurs in one.
inline constexpr char kCommandKeySeparator = '\x1f';
CommandId command_key(const Actor& actor, std::string_view client_id);
// The client's own id in `key` when `actor` sent the command, otherwise empty: what that
// actor may be shown of an event's command.
CommandId client_id_for(const Actor& actor, std::string_view key);
// True when a client may use `id` as a command id (non-empty, no control characters).
bool valid_client_id(std::string_view id);

// How many of the newest command ids a State remembers by default. Older ones are forgotten, so
// the set does not grow with the age of the history: the server answers a repeat of an older
// command from its event log before the core sees it (Authority::submit).
inline constexpr std::size_t kRememberedCommands = 100000;

// Remembers at least the newest `window` ids (up to twice as many: the oldest half goes at once,
// so forgetting costs O(1) per insert). The same inserts forget the same ids natively and in
// wasm, so equal histories give equal sets.
class CommandIdSet {
public:
    bool contains(std::string_view id) const;
    // Adds the id; false when it was already there.
    bool insert(std::string_view id);
    std::size_t size() const { return ids_.size(); }
    bool empty() const { return ids_.empty(); }
    // Every id, in the order first seen.
    const std::vector<CommandId>& in_order() const { return ids_; }
    // Takes effect at the next insert.
    void set_window(std::size_t window) { window_ = window == 0 ? 1 : window; }
    bool operator==(const CommandIdSet& other) const { return ids_ == other.ids_; }

private:
    struct Slot {
        std::uint64_t hash = 0;
        // Index into ids_ plus one; 0 marks an empty slot.
        std::uint64_t index = 0;
    };
    static std::uint64_t hash_of(std::string_view id);
    std::size_t find_slot(std::string_view id, std::uint64_t hash) const;
    void grow();
    void forget_oldest();
    // Puts the slot in the first free place from its hash on.
    void place(const Slot& slot);

    std::vector<Slot> slots_;
    std::vector<CommandId> ids_;
    std::size_t window_ = kRememberedCommands;
};

}  // namespace parley::core
