// File uploads into a chat and their downloads. Only types that are safe to hand back (images,
// PDF, plain text) are taken, their first bytes must match the type they claim, and every
// download is an attachment with nosniff, so an upload can never run as a page of this origin.
// Bytes live in AttachmentFiles (named by hash), metadata in the AccountStore; who may fetch
// a file is who may reach its chat. An upload needs a chat that would take the message it is
// for, room in the upload quotas and free disk above the watermark; a download is streamed
// from disk, never read whole into memory.
//
// [SECTION] Names and types
// [SECTION] Upload
// [SECTION] Download
#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <system_error>

#include "core/attachments.h"
#include "core/names.h"
#include "protocol/session.h"
#include "server/access/uploads.h"
#include "server/auth/tokens.h"
#include "server/rest/chat_access.h"
#include "server/rest/media_type.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

// [SECTION] Names and types

struct FileType {
    std::string_view content_type;
    // What the file's first bytes must be ('?' matches any byte); empty: no check.
    std::string_view signature;
};

constexpr std::array<FileType, 6> kFileTypes = {{
    {"image/png", "\x89PNG\r\n\x1a\n"},
    {"image/jpeg", "\xFF\xD8\xFF"},
    {"image/gif", "GIF8"},
    {"image/webp", "RIFF????WEBP"},
    {"application/pdf", "%PDF-"},
    {"text/plain", ""},
}};

const FileType* file_type(std::string_view content_type) {
    const auto found = std::find_if(kFileTypes.begin(), kFileTypes.end(), [&](const FileType& t) {
        return t.content_type == content_type;
    });
    return found == kFileTypes.end() ? nullptr : &*found;
}

bool starts_like(std::string_view bytes, std::string_view signature) {
    if (bytes.size() < signature.size()) {
        return false;
    }
    for (std::size_t i = 0; i < signature.size(); ++i) {
        if (signature[i] != '?' && signature[i] != bytes[i]) {
            return false;
        }
    }
    return true;
}

// The code point at text[i] and its length in bytes; length 0 for invalid UTF-8 (overlong,
// surrogate, truncated, beyond U+10FFFF).
std::pair<char32_t, std::size_t> next_code_point(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
        return {lead, 1};
    }
    struct Form {
        unsigned char mask;
        unsigned char tag;
        std::size_t length;
        char32_t minimum;
    };
    constexpr std::array<Form, 3> kForms = {
        {{0xE0, 0xC0, 2, 0x80}, {0xF0, 0xE0, 3, 0x800}, {0xF8, 0xF0, 4, 0x10000}}};
    const auto form = std::find_if(kForms.begin(), kForms.end(),
                                   [&](const Form& f) { return (lead & f.mask) == f.tag; });
    if (form == kForms.end() || i + form->length > text.size()) {
        return {0, 0};
    }
    char32_t value = lead & static_cast<unsigned char>(~form->mask);
    for (std::size_t k = 1; k < form->length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            return {0, 0};
        }
        value = (value << 6) | (byte(i + k) & 0x3Fu);
    }
    const bool surrogate = value >= 0xD800 && value <= 0xDFFF;
    if (value < form->minimum || value > 0x10FFFF || surrogate) {
        return {0, 0};
    }
    return {value, form->length};
}

// Controls, and the direction marks that make "gpj.exe" read as "exe.jpg".
bool hidden_character(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200E || c == 0x200F ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// The last path segment, valid UTF-8 without hidden characters, trimmed, at most 200 bytes.
std::string safe_file_name(std::string_view raw) {
    const std::size_t slash = raw.find_last_of("/\\");
    if (slash != std::string_view::npos) {
        raw = raw.substr(slash + 1);
    }
    std::string name;
    for (std::size_t i = 0; i < raw.size();) {
        const auto [code_point, length] = next_code_point(raw, i);
        if (length == 0) {
            ++i;
            continue;
        }
        if (!hidden_character(code_point) && name.size() + length <= 200) {
            name.append(raw.substr(i, length));
        }
        i += length;
    }
    const std::size_t first = name.find_first_not_of(' ');
    const std::size_t last = name.find_last_not_of(' ');
    name = first == std::string::npos ? "" : name.substr(first, last - first + 1);
    return name.empty() || name == "." || name == ".." ? "file" : name;
}

// RFC 6266: an ASCII fallback for old clients, and the exact name as RFC 5987 UTF-8.
std::string content_disposition(const std::string& name) {
    std::string fallback;
    std::string encoded;
    constexpr std::string_view kAttrChars = "!#$&+-.^_`|~";
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = std::isalnum(byte) != 0 && byte < 0x80;
        if (plain || kAttrChars.find(c) != std::string_view::npos) {
            encoded += c;
        } else {
            constexpr std::string_view kHex = "0123456789ABCDEF";
            encoded += '%';
            encoded += kHex[byte >> 4];
            encoded += kHex[byte & 0x0F];
        }
        if ((byte & 0xC0) != 0x80) {
            fallback += byte < 0x80 && c != '"' && c != '\\' ? c : '_';
        }
    }
    return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

// [SECTION] Upload

struct Upload {
    core::ChatId chat;
    std::string name;
    std::string content_type;
};

// Free bytes on the disk of the attachments folder; nothing when the system cannot say.
std::optional<std::uint64_t> free_disk_bytes(const AttachmentFiles& files) {
    std::error_code error;
    const auto space = std::filesystem::space(files.root(), error);
    if (error) {
        return std::nullopt;
    }
    return space.available;
}

void fail_to_save(Call& call, const StoreError& error) {
    call.fail(http::status::service_unavailable, "store_unavailable",
              "The file could not be saved (" + error.code + "); try again.");
}

// Room is reserved in the quotas before the bytes touch the disk, and given back when they
// are not saved after all.
void store_upload(const CallPtr& call, const Upload& upload) {
    const std::string& bytes = call->request.body();
    Services& services = call->services;
    StoredAttachment record{auth::new_id("att_"),
                            {},
                            upload.name,
                            upload.content_type,
                            bytes.size(),
                            upload.chat,
                            uploader_of(call->principal->actor),
                            services.clock(),
                            call->context.client_ip};
    auto reserved =
        services.upload_quotas.reserve(upload_claim(record), free_disk_bytes(services.attachments));
    if (const auto* refused = std::get_if<UploadRefusal>(&reserved)) {
        call->fail(http::status::insufficient_storage, refused->code, refused->message);
        return;
    }
    auto reservation = std::get<std::shared_ptr<UploadReservation>>(std::move(reserved));
    auto stored = services.attachments.put(bytes);
    if (const auto* error = std::get_if<StoreError>(&stored)) {
        fail_to_save(*call, *error);
        return;
    }
    record.content_hash = std::get<std::string>(std::move(stored));
    services.account_store.put_attachment(
        record, [call, record, reservation](std::optional<StoreError> error) {
            call->guarded([&] {
                if (error) {
                    fail_to_save(*call, *error);
                    return;
                }
                reservation->keep();
                call->reply(http::status::created,
                            protocol::rest::AttachmentUploaded{record.id, record.name, record.size,
                                                               record.content_type, record.chat});
            });
        });
}

// The organisation's settings may narrow what the server takes; the core checks them again
// when the file is posted.
bool allowed_by_settings(Call& call, const core::Settings& settings, const Upload& upload) {
    if (call.request.body().size() > settings.max_attachment_bytes) {
        call.fail(
            http::status::payload_too_large, "too_large",
            "Files may be at most " + std::to_string(settings.max_attachment_bytes) + " bytes.");
        return false;
    }
    const auto& types = settings.allowed_attachment_types;
    if (std::find(types.begin(), types.end(), upload.content_type) == types.end()) {
        call.fail(http::status::unsupported_media_type, "type_not_allowed",
                  "Files of type " + upload.content_type + " are not allowed here.");
        return false;
    }
    return true;
}

// Checks that need no State: size, type, content; answers and returns false otherwise.
bool acceptable_file(Call& call, const std::string& content_type) {
    const std::string& bytes = call.request.body();
    if (bytes.size() > call.services.config.max_upload_bytes) {
        call.fail(http::status::payload_too_large, "too_large",
                  "Files may be at most " + std::to_string(call.services.config.max_upload_bytes) +
                      " bytes.");
        return false;
    }
    if (bytes.empty()) {
        call.fail(http::status::bad_request, "empty_file", "The file is empty.");
        return false;
    }
    const FileType* type = file_type(content_type);
    if (!type) {
        call.fail(http::status::unsupported_media_type, "type_not_allowed",
                  "Only PNG, JPEG, GIF and WebP images, PDF and plain text files are taken.");
        return false;
    }
    if (!starts_like(bytes, type->signature)) {
        call.fail(http::status::unsupported_media_type, "content_mismatch",
                  "The file's content is not " + content_type + ".");
        return false;
    }
    return true;
}

}  // namespace

void upload_attachment(const CallPtr& call) {
    const auto chat = chat_param(*call);
    if (!chat) {
        return;
    }
    if (call->principal->actor.kind == core::ActorKind::customer &&
        call->principal->chat != *chat) {
        fail_unknown_chat(*call, *chat);
        return;
    }
    Upload upload{*chat, safe_file_name(percent_decoded(call->request["X-File-Name"], Plus::plus)),
                  media_type(call->request[http::field::content_type])};
    if (!acceptable_file(*call, upload.content_type)) {
        return;
    }
    read_state(call, [call, upload = std::move(upload)](const core::State& state) {
        if (!reachable_chat(*call, state, upload.chat)) {
            return;
        }
        // A file is only ever posted in a message: it is taken when the message would be.
        if (auto refused = core::may_attach(state, call->principal->actor, upload.chat,
                                            call->services.clock())) {
            call->fail(protocol::Rejected{{}, refused->code, refused->message});
            return;
        }
        if (allowed_by_settings(*call, state.settings, upload)) {
            call->off_strand([call, upload] { store_upload(call, upload); });
        }
    });
}

// [SECTION] Download

namespace {

void fail_unknown_attachment(Call& call) {
    call.fail(http::status::not_found, "unknown_attachment",
              "There is no such attachment that you can see.");
}

void send_file(const CallPtr& call, const StoredAttachment& stored) {
    FileResponse response{http::status::ok, call->request.version()};
    boost::beast::error_code error;
    const auto file = call->services.attachments.path_of(stored.content_hash);
    if (file) {
        response.body().open(file->c_str(), boost::beast::file_mode::scan, error);
    }
    if (!file || error == boost::system::errc::no_such_file_or_directory) {
        fail_unknown_attachment(*call);
        return;
    }
    if (error) {
        call->fail(http::status::service_unavailable, "store_unavailable",
                   "The file cannot be read right now (" + error.message() + ").");
        return;
    }
    response.set(http::field::content_type, stored.content_type);
    response.set(http::field::content_disposition, content_disposition(stored.name));
    response.set("X-Content-Type-Options", "nosniff");
    response.set(http::field::cache_control, "private, no-store");
    response.set("Content-Security-Policy", "default-src 'none'; sandbox");
    response.prepare_payload();
    call->reply(std::move(response));
}

}  // namespace

void download_attachment(const CallPtr& call) {
    const std::string& id = call->params["attachment"];
    std::optional<StoredAttachment> stored;
    if (looks_like_attachment_id(id)) {
        stored = call->services.account_store.attachment(id);
    }
    const Principal& caller = *call->principal;
    if (!stored ||
        (caller.actor.kind == core::ActorKind::customer && caller.chat != stored->chat)) {
        fail_unknown_attachment(*call);
        return;
    }
    read_reachable_chat(
        call, stored->chat,
        [call, stored = *stored](const core::State&, const core::Chat&) {
            call->off_strand([call, stored] { send_file(call, stored); });
        },
        [call] { fail_unknown_attachment(*call); });
}

}  // namespace parley::server::rest
