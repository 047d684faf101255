// A message's files are the server's own uploads: whoever sends post_*_message (WebSocket, REST
// message route or POST /api/commands) names files uploaded to that chat, and what the message
// carries (name, type, size, download address) comes from the store, never from the sender.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/actor.h"
#include "core/commands.h"
#include "server/access/upload_quotas.h"
#include "server/store/store.h"

namespace parley::server {

// What a message carries for an uploaded file; `ref` is its download address.
core::Attachment message_attachment(const StoredAttachment& stored);
// Who uploaded a file, as its record says: "customer:cus_1", "agent:maria".
std::string uploader_of(const core::Actor& actor);
// What a stored (or about to be stored) upload counts for in the quotas.
UploadClaim upload_claim(const StoredAttachment& stored);
// Ids from new_id("att_"): checked before they reach the store.
bool looks_like_attachment_id(std::string_view id);

// The upload `id` (or its download address) as a message's attachment when it is a file of
// `chat`; nothing otherwise.
std::optional<core::Attachment> chat_upload(AccountStore& store, const core::ChatId& chat,
                                            std::string_view id);

// Replaces each attachment of a post_customer_message or post_agent_message with the stored
// upload its ref names. Returns the refusal sentence (code unknown_attachment) when one is not
// a file of the message's chat; other commands are left as they are.
std::optional<std::string> resolve_message_uploads(AccountStore& store, core::Command& command);

}  // namespace parley::server
