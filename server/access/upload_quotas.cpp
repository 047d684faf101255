#include "server/access/upload_quotas.h"

#include <algorithm>
#include <utility>

namespace parley::server {
namespace {

constexpr std::uint64_t kMiB = 1024 * 1024;

std::string allowance_text(const UploadAllowance& allowance) {
    return std::to_string(allowance.files) + " files or " + std::to_string(allowance.bytes / kMiB) +
           " MiB";
}

}  // namespace

UploadLimits UploadLimits::from(const ServerConfig& config) {
    const auto allowance = [](unsigned files, unsigned mib) {
        return UploadAllowance{files, std::uint64_t{mib} * kMiB};
    };
    return {allowance(config.chat_upload_files, config.chat_upload_mib),
            allowance(config.customer_upload_files, config.customer_upload_mib),
            allowance(config.address_upload_files, config.address_upload_mib),
            allowance(config.total_upload_files, config.total_upload_mib),
            static_cast<core::Duration>(config.address_upload_hours) * core::kHour,
            std::uint64_t{config.min_free_disk_mib} * kMiB};
}

UploadReservation::UploadReservation(UploadQuotas& quotas, UploadClaim claim)
    : quotas_(quotas), claim_(std::move(claim)) {}

UploadReservation::~UploadReservation() {
    if (!kept_) {
        quotas_.settle(claim_, false);
    }
}

void UploadReservation::keep() {
    if (!kept_) {
        kept_ = true;
        quotas_.settle(claim_, true);
    }
}

UploadQuotas::UploadQuotas(UploadLimits limits) : limits_(limits) {}

void UploadQuotas::count(const UploadClaim& claim) {
    const std::lock_guard lock(mutex_);
    add(claim);
}

std::variant<std::shared_ptr<UploadReservation>, UploadRefusal> UploadQuotas::reserve(
    const UploadClaim& claim, std::optional<std::uint64_t> free_disk_bytes) {
    const std::lock_guard lock(mutex_);
    if (claim.at >= next_sweep_) {
        forget_old_addresses(claim.at);
    }
    if (auto refused = refusal(claim, free_disk_bytes)) {
        return *std::move(refused);
    }
    add(claim);
    pending_bytes_ += claim.bytes;
    return std::shared_ptr<UploadReservation>(new UploadReservation(*this, claim));
}

std::optional<UploadRefusal> UploadQuotas::refusal(const UploadClaim& claim,
                                                   std::optional<std::uint64_t> free_disk_bytes) {
    if (free_disk_bytes &&
        *free_disk_bytes < limits_.min_free_disk_bytes + pending_bytes_ + claim.bytes) {
        return UploadRefusal{"insufficient_storage",
                             "The server is short of disk space, so it takes no files for now; "
                             "messages still go through."};
    }
    const auto exceeds = [&claim](const Usage& used, const UploadAllowance& allowed) {
        return used.files + 1 > allowed.files || used.bytes + claim.bytes > allowed.bytes;
    };
    const auto usage_in = [](const std::map<std::string, Usage>& usages, const std::string& key) {
        const auto found = usages.find(key);
        return found == usages.end() ? Usage{} : found->second;
    };
    const auto refuse = [](std::string message) {
        return UploadRefusal{"upload_quota_exceeded", std::move(message)};
    };
    if (exceeds(total_, limits_.total)) {
        return refuse("The server holds as many files as it may (" + allowance_text(limits_.total) +
                      "); it takes no more for now.");
    }
    if (exceeds(usage_in(chats_, claim.chat), limits_.chat)) {
        return refuse("This chat holds as many files as it may (" + allowance_text(limits_.chat) +
                      ").");
    }
    if (!claim.customer.empty() &&
        exceeds(usage_in(customers_, claim.customer), limits_.customer)) {
        return refuse("You have uploaded as many files as you may (" +
                      allowance_text(limits_.customer) + ").");
    }
    if (!claim.address.empty() &&
        exceeds(address_usage(claim.address, claim.at), limits_.address)) {
        return refuse("Too many files were uploaded from your network address (at most " +
                      allowance_text(limits_.address) + " in " +
                      std::to_string(limits_.address_window / core::kHour) +
                      " hours); try again later.");
    }
    return std::nullopt;
}

void UploadQuotas::add(const UploadClaim& claim) {
    const auto grow = [&claim](Usage& usage) {
        usage.files += 1;
        usage.bytes += claim.bytes;
    };
    grow(total_);
    grow(chats_[claim.chat]);
    if (!claim.customer.empty()) {
        grow(customers_[claim.customer]);
    }
    if (!claim.address.empty()) {
        addresses_[claim.address].push_back({claim.at, claim.bytes});
    }
}

void UploadQuotas::settle(const UploadClaim& claim, bool kept) {
    const std::lock_guard lock(mutex_);
    pending_bytes_ -= claim.bytes;
    if (kept) {
        return;
    }
    const auto shrink = [&claim](std::map<std::string, Usage>& usages, const std::string& key) {
        const auto found = usages.find(key);
        if (found == usages.end()) {
            return;
        }
        found->second.files -= 1;
        found->second.bytes -= claim.bytes;
        if (found->second.files == 0) {
            usages.erase(found);
        }
    };
    total_.files -= 1;
    total_.bytes -= claim.bytes;
    shrink(chats_, claim.chat);
    if (!claim.customer.empty()) {
        shrink(customers_, claim.customer);
    }
    const auto address = addresses_.find(claim.address);
    if (address == addresses_.end()) {
        return;
    }
    auto& uploads = address->second;
    const auto entry = std::find_if(uploads.rbegin(), uploads.rend(), [&](const AddressUpload& u) {
        return u.at == claim.at && u.bytes == claim.bytes;
    });
    if (entry != uploads.rend()) {
        uploads.erase(std::next(entry).base());
    }
}

UploadQuotas::Usage UploadQuotas::address_usage(const std::string& address, core::Timestamp now) {
    const auto found = addresses_.find(address);
    if (found == addresses_.end()) {
        return {};
    }
    auto& uploads = found->second;
    while (!uploads.empty() && uploads.front().at <= now - limits_.address_window) {
        uploads.pop_front();
    }
    Usage usage;
    for (const AddressUpload& upload : uploads) {
        usage.files += 1;
        usage.bytes += upload.bytes;
    }
    return usage;
}

void UploadQuotas::forget_old_addresses(core::Timestamp now) {
    for (auto it = addresses_.begin(); it != addresses_.end();) {
        if (address_usage(it->first, now).files == 0) {
            it = addresses_.erase(it);
        } else {
            ++it;
        }
    }
    next_sweep_ = now + std::min(limits_.address_window, core::kHour);
}

}  // namespace parley::server
