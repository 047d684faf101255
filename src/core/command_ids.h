// The set of processed command ids, for idempotency. An open-addressing hash table over ids
// kept in arrival order: one probe touches one small slot, and the order (and so any
// snapshot of it) is the same natively and in wasm, which std::unordered_set does not
// promise across standard libraries. Standard library only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.h"

namespace parley::core {

class CommandIdSet {
public:
    bool contains(std::string_view id) const;
    // Adds the id; false when it was already there.
    bool insert(std::string_view id);
    std::size_t size() const { return ids_.size(); }
    bool empty() const { return ids_.empty(); }
    // Every id, in the order first seen.
    const std::vector<CommandId>& in_order() const { return ids_; }
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

    std::vector<Slot> slots_;
    std::vector<CommandId> ids_;
};

}  // namespace parley::core
