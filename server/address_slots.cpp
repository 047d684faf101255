#include "server/address_slots.h"

namespace parley::server {

AddressSlot::AddressSlot(std::shared_ptr<AddressSlots> slots, std::string address)
    : slots_(std::move(slots)), address_(std::move(address)) {}

AddressSlot::~AddressSlot() {
    // A moved-from slot has no owner and gives nothing back.
    if (slots_) {
        slots_->give_back(address_);
    }
}

std::optional<AddressSlot> AddressSlots::take(const std::string& address) {
    {
        std::lock_guard lock(mutex_);
        std::size_t& open = open_[address];
        if (open >= per_address_) {
            return std::nullopt;
        }
        ++open;
    }
    return AddressSlot(shared_from_this(), address);
}

std::size_t AddressSlots::open_from(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto found = open_.find(address);
    return found == open_.end() ? 0 : found->second;
}

void AddressSlots::give_back(const std::string& address) {
    std::lock_guard lock(mutex_);
    const auto found = open_.find(address);
    if (found != open_.end() && --found->second == 0) {
        open_.erase(found);
    }
}

}  // namespace parley::server
