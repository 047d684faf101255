// How much one chat, one customer and one client address (within a rolling window) may upload,
// and the server in total; and the free-disk watermark below which no file is taken, so the
// event log always keeps room to write. Counted from the stored attachments at start-up, so
// a restart forgets nothing, and reserved under one lock before a file is written, so uploads
// running at the same moment cannot together overshoot a quota.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>

#include "core/ids.h"
#include "server/base/config.h"

namespace parley::server {

struct UploadAllowance {
    std::uint64_t files = 0;
    std::uint64_t bytes = 0;
};

struct UploadLimits {
    UploadAllowance chat;
    UploadAllowance customer;
    UploadAllowance address;
    UploadAllowance total;
    core::Duration address_window = 0;
    std::uint64_t min_free_disk_bytes = 0;

    static UploadLimits from(const ServerConfig& config);
};

// One file added to a chat. Customers' uploads also count for the customer and their address;
// staff and integrations leave both empty (an office shares one address, a bot relays many
// customers).
struct UploadClaim {
    std::string chat;
    std::string customer;
    std::string address;
    std::uint64_t bytes = 0;
    core::Timestamp at = 0;
};

struct UploadRefusal {
    // "insufficient_storage" (the disk) or "upload_quota_exceeded".
    std::string code;
    std::string message;
};

class UploadQuotas;

// Room held for one upload while its file and record are written. Dropped without keep(), it
// gives the room back (the file was not saved).
class UploadReservation {
public:
    ~UploadReservation();
    UploadReservation(const UploadReservation&) = delete;
    UploadReservation& operator=(const UploadReservation&) = delete;

    void keep();

private:
    friend class UploadQuotas;
    UploadReservation(UploadQuotas& quotas, UploadClaim claim);

    UploadQuotas& quotas_;
    UploadClaim claim_;
    bool kept_ = false;
};

class UploadQuotas {
public:
    explicit UploadQuotas(UploadLimits limits);

    // An upload stored before this start, oldest first.
    void count(const UploadClaim& claim);
    // Room for the claim, or why not. `free_disk_bytes`: the data folder's free space now
    // (nothing when it cannot be told, and then only the quotas apply).
    std::variant<std::shared_ptr<UploadReservation>, UploadRefusal> reserve(
        const UploadClaim& claim, std::optional<std::uint64_t> free_disk_bytes);

private:
    friend class UploadReservation;

    struct Usage {
        std::uint64_t files = 0;
        std::uint64_t bytes = 0;
    };
    struct AddressUpload {
        core::Timestamp at = 0;
        std::uint64_t bytes = 0;
    };

    void add(const UploadClaim& claim);
    void settle(const UploadClaim& claim, bool kept);
    std::optional<UploadRefusal> refusal(const UploadClaim& claim,
                                         std::optional<std::uint64_t> free_disk_bytes);
    // The address's uploads within the window ending at `now`, older ones dropped.
    Usage address_usage(const std::string& address, core::Timestamp now);
    void forget_old_addresses(core::Timestamp now);

    const UploadLimits limits_;
    std::mutex mutex_;
    std::map<std::string, Usage> chats_;
    std::map<std::string, Usage> customers_;
    std::map<std::string, std::deque<AddressUpload>> addresses_;
    Usage total_;
    // Reserved and not yet settled: on their way to disk, not yet in its free space.
    std::uint64_t pending_bytes_ = 0;
    core::Timestamp next_sweep_ = 0;
};

}  // namespace parley::server
