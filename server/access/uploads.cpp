#include "server/access/uploads.h"

#include <algorithm>
#include <boost/asio/ip/address.hpp>
#include <type_traits>
#include <variant>

#include "core/names.h"

namespace parley::server {
namespace {

constexpr std::string_view kDownloadPrefix = "/api/attachments/";
constexpr std::string_view kCustomerUploader = "customer:";

// One IPv6 subscriber holds a whole /64 and may use any address in it, so the address quota
// counts the /64; an IPv4 address (also when mapped into IPv6) counts alone.
std::string quota_address(const std::string& client) {
    boost::system::error_code error;
    const auto address = boost::asio::ip::make_address(client, error);
    if (error || address.is_v4()) {
        return client;
    }
    const auto v6 = address.to_v6();
    if (v6.is_v4_mapped()) {
        return boost::asio::ip::make_address_v4(boost::asio::ip::v4_mapped, v6).to_string();
    }
    auto bytes = v6.to_bytes();
    std::fill(bytes.begin() + 8, bytes.end(), 0);
    return boost::asio::ip::address_v6(bytes).to_string() + "/64";
}

template <class Post>
std::optional<std::string> resolve(AccountStore& store, Post& post) {
    for (core::Attachment& attachment : post.attachments) {
        auto stored = chat_upload(store, post.chat, attachment.ref);
        if (!stored) {
            return "There is no attachment " + attachment.ref + " in this chat; upload it first.";
        }
        attachment = std::move(*stored);
    }
    return std::nullopt;
}

}  // namespace

core::Attachment message_attachment(const StoredAttachment& stored) {
    return {stored.name, stored.content_type, stored.size,
            std::string(kDownloadPrefix) + stored.id};
}

std::string uploader_of(const core::Actor& actor) {
    return std::string(core::to_string(actor.kind)) + ":" + actor.id;
}

UploadClaim upload_claim(const StoredAttachment& stored) {
    UploadClaim claim{stored.chat, {}, {}, stored.size, stored.at};
    if (stored.uploaded_by.starts_with(kCustomerUploader)) {
        claim.customer = stored.uploaded_by;
        claim.address = quota_address(stored.client);
    }
    return claim;
}

bool looks_like_attachment_id(std::string_view id) {
    constexpr std::string_view prefix = "att_";
    if (id.size() != prefix.size() + 32 || !id.starts_with(prefix)) {
        return false;
    }
    for (const char c : id.substr(prefix.size())) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

std::optional<core::Attachment> chat_upload(AccountStore& store, const core::ChatId& chat,
                                            std::string_view id) {
    if (id.starts_with(kDownloadPrefix)) {
        id.remove_prefix(kDownloadPrefix.size());
    }
    if (!looks_like_attachment_id(id)) {
        return std::nullopt;
    }
    const auto stored = store.attachment(std::string(id));
    if (!stored || stored->chat != chat) {
        return std::nullopt;
    }
    return message_attachment(*stored);
}

std::optional<std::string> resolve_message_uploads(AccountStore& store, core::Command& command) {
    return std::visit(
        [&store](auto& cmd) -> std::optional<std::string> {
            using C = std::decay_t<decltype(cmd)>;
            if constexpr (std::is_same_v<C, core::PostCustomerMessage> ||
                          std::is_same_v<C, core::PostAgentMessage>) {
                return resolve(store, cmd);
            } else {
                return std::nullopt;
            }
        },
        command);
}

}  // namespace parley::server
