#include "file_uploads.h"

#include "console/api_calls.h"
#include "http_exchange.h"
#include "http_sign_in.h"
#include "protocol/rest/chat_bodies.h"
#include "protocol/rest/error_body.h"
#include "protocol/rest/rest_codec.h"

#include <boost/asio/post.hpp>

#include <cctype>
#include <fstream>
#include <iterator>
#include <string_view>
#include <utility>

namespace parley::shell {
namespace rest = protocol::rest;

namespace {

// No attachment the server takes comes near this (its limit is --max-upload-bytes); a file
// larger is refused here rather than read into memory.
constexpr std::uintmax_t kLargestUpload = 256ull * 1024 * 1024;

struct KnownType {
    std::string_view extension;
    std::string_view type;
};

constexpr KnownType kTypes[] = {
    {".png", "image/png"},  {".jpg", "image/jpeg"},  {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},  {".webp", "image/webp"}, {".pdf", "application/pdf"},
    {".txt", "text/plain"}, {".text", "text/plain"}, {".log", "text/plain"},
};

}  // namespace

std::string content_type_of(const std::filesystem::path& file) {
    std::string extension = file.extension().string();
    for (char& c : extension) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    for (const KnownType& known : kTypes) {
        if (known.extension == extension) {
            return std::string(known.type);
        }
    }
    return "application/octet-stream";
}

FileUploads::FileUploads(IoThread& io, ServerAddress server, HttpSignIn& sign_in)
    : io_(io), server_(std::move(server)), sign_in_(sign_in), reports_(io) {}

void FileUploads::start(const console::UploadRequest& request, const std::filesystem::path& file) {
    report(console::UploadStarted{request.id, file.filename().string()});
    boost::asio::post(io_.context(), [this, id = request.id, target = request.path, file] {
        send(id, target, file);
    });
}

void FileUploads::send(int id, const std::string& target, const std::filesystem::path& file) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (error) {
        return report(console::UploadRefused{id, file.string() + ": " + error.message()});
    }
    if (size > kLargestUpload) {
        return report(console::UploadRefused{id, "The file is too large to send."});
    }
    std::ifstream stream(file, std::ios::binary);
    std::string bytes{std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
    if (!stream.good() && !stream.eof()) {
        return report(console::UploadRefused{id, "The file cannot be read: " + file.string()});
    }
    HttpRequest call;
    call.verb = boost::beast::http::verb::post;
    call.target = target;
    call.token = sign_in_.token();
    call.body = std::move(bytes);
    call.content_type = content_type_of(file);
    call.file_name = console::percent_encoded(file.filename().string());
    start_http_exchange(io_.context(), server_, std::move(call), [this, id](HttpReply reply) {
        if (reply.status == 0) {
            return report(console::UploadRefused{
                id, "The file could not be sent: the server cannot be reached."});
        }
        if (reply.status >= 200 && reply.status < 300) {
            if (auto stored = rest::decode<rest::AttachmentUploaded>(reply.body)) {
                const auto& file_answer = stored.value();
                return report(console::UploadStored{
                    id,
                    {file_answer.name, file_answer.content_type, file_answer.size,
                     "/api/attachments/" + file_answer.id}});
            }
        }
        const auto refusal = rest::decode<rest::ErrorAnswer>(reply.body);
        report(console::UploadRefused{
            id, refusal ? refusal.value().message
                        : "The server answered " + std::to_string(reply.status) + "."});
    });
}

}  // namespace parley::shell
