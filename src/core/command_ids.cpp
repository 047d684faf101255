// CommandIdSet: linear probing, power-of-two table kept at most half full, FNV-1a hashes
// (the same on every platform). Standard library only.
#include "core/command_ids.h"

#include <algorithm>
#include <cstddef>

namespace parley::core {

namespace {

char kind_letter(ActorKind kind) {
    switch (kind) {
    case ActorKind::customer:
        return 'c';
    case ActorKind::agent:
        return 'a';
    case ActorKind::integration:
        return 'i';
    case ActorKind::system:
        return 's';
    }
    return 's';
}

std::string key_prefix(const Actor& actor) {
    std::string prefix(1, kind_letter(actor.kind));
    prefix += actor.id;
    prefix += kCommandKeySeparator;
    return prefix;
}

}  // namespace

CommandId command_key(const Actor& actor, std::string_view client_id) {
    return key_prefix(actor).append(client_id);
}

CommandId client_id_for(const Actor& actor, std::string_view key) {
    const std::string prefix = key_prefix(actor);
    if (!key.starts_with(prefix))
        return {};
    return CommandId(key.substr(prefix.size()));
}

bool valid_client_id(std::string_view id) {
    if (id.empty())
        return false;
    for (const char c : id) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            return false;
    }
    return true;
}

std::uint64_t CommandIdSet::hash_of(std::string_view id) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (char c : id) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return hash ^ (hash >> 29);
}

// The slot holding `id`, or the empty slot where it would go. The table is never full.
std::size_t CommandIdSet::find_slot(std::string_view id, std::uint64_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(hash) & mask;
    while (slots_[at].index != 0) {
        if (slots_[at].hash == hash && ids_[position_of(slots_[at].index)] == id)
            return at;
        at = (at + 1) & mask;
    }
    return at;
}

bool CommandIdSet::contains(std::string_view id) const {
    if (slots_.empty())
        return false;
    return slots_[find_slot(id, hash_of(id))].index != 0;
}

bool CommandIdSet::insert(std::string_view id) {
    if (ids_.size() >= 2 * window_)
        forget_oldest();
    if ((ids_.size() + 1) * 2 > slots_.size())
        grow();
    const std::uint64_t hash = hash_of(id);
    const std::size_t at = find_slot(id, hash);
    if (slots_[at].index != 0)
        return false;
    ids_.emplace_back(id);
    slots_[at] = Slot{hash, ids_.size()};
    return true;
}

// Keeps the newest `window_` ids and indexes them again from scratch.
void CommandIdSet::forget_oldest() {
    const std::size_t keep = std::min(window_, ids_.size());
    ids_.erase(ids_.begin(), ids_.end() - static_cast<std::ptrdiff_t>(keep));
    slots_.assign(slots_.size(), Slot{});
    for (std::size_t i = 0; i < ids_.size(); ++i)
        place(Slot{hash_of(ids_[i]), i + 1});
}

void CommandIdSet::place(const Slot& slot) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(slot.hash) & mask;
    while (slots_[at].index != 0)
        at = (at + 1) & mask;
    slots_[at] = slot;
}

void CommandIdSet::grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    for (const Slot& slot : old) {
        if (slot.index != 0)
            place(slot);
    }
}

}  // namespace parley::core
