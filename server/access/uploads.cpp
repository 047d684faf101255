#include "server/access/uploads.h"

#include <type_traits>
#include <variant>

namespace parley::server {
namespace {

constexpr std::string_view kDownloadPrefix = "/api/attachments/";

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
    return {stored.name, stored.content_type, stored.size, std::string(kDownloadPrefix) + stored.id};
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
