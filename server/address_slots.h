// How many connections each client address holds open (HTTP keep-alive and WebSocket alike),
// so one address cannot take every descriptor the server has while others wait. A slot is
// taken when a connection is accepted and given back when its socket goes, whichever session
// (HTTP, then WebSocket) holds it by then. Thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace parley::server {

class AddressSlots;

// One open connection's place in its address's count; given back when destroyed.
class AddressSlot {
public:
    AddressSlot(std::shared_ptr<AddressSlots> slots, std::string address);
    AddressSlot(AddressSlot&& other) noexcept = default;
    AddressSlot& operator=(AddressSlot&& other) noexcept = default;
    AddressSlot(const AddressSlot&) = delete;
    AddressSlot& operator=(const AddressSlot&) = delete;
    ~AddressSlot();

private:
    std::shared_ptr<AddressSlots> slots_;
    std::string address_;
};

class AddressSlots : public std::enable_shared_from_this<AddressSlots> {
public:
    explicit AddressSlots(std::size_t per_address) : per_address_(per_address) {}

    // A slot for one more connection from `address`, or nothing when it holds its share.
    std::optional<AddressSlot> take(const std::string& address);
    std::size_t open_from(const std::string& address);

private:
    friend class AddressSlot;
    void give_back(const std::string& address);

    std::size_t per_address_;
    std::mutex mutex_;
    std::unordered_map<std::string, std::size_t> open_;
};

}  // namespace parley::server
