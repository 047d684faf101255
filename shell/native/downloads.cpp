#include "downloads.h"

#include "download_name.h"
#include "http_exchange.h"
#include "http_sign_in.h"

#include <cstdlib>
#include <fstream>
#include <utility>

namespace parley::shell {
namespace {

bool server_download(const std::string& ref) {
    return ref.starts_with("/api/attachments/") || ref.starts_with("/api/analytics?");
}

}  // namespace

Downloads::Downloads(IoThread& io, ServerAddress server, HttpSignIn& sign_in,
                     std::filesystem::path folder)
    : io_(io),
      server_(std::move(server)),
      sign_in_(sign_in),
      folder_(std::move(folder)),
      reports_(io) {}

void Downloads::start(const std::string& ref) {
    if (!server_download(ref)) {
        return report(DownloadFailed{ref, "not a download of this server"});
    }
    HttpRequest call;
    call.target = ref;
    call.token = sign_in_.token();
    start_http_exchange(io_.context(), server_, std::move(call), [this, ref](HttpReply reply) {
        if (reply.status != 200) {
            return report(DownloadFailed{
                ref, reply.status == 0 ? reply.body
                                       : "the server answered " + std::to_string(reply.status)});
        }
        save(ref, reply.content_disposition, reply.body);
    });
}

// On the I/O thread, so the frame never waits for the disk; downloads there run one at a time,
// so two of the same name cannot both find it free.
void Downloads::save(const std::string& ref, const std::string& disposition,
                     const std::string& body) {
    const std::filesystem::path path = unused_path(folder_, download_file_name(disposition, ref));
    std::filesystem::path partial = path;
    partial += ".part";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        file.write(body.data(), static_cast<std::streamsize>(body.size()));
        if (!file.flush()) {
            std::error_code ignored;
            std::filesystem::remove(partial, ignored);
            return report(DownloadFailed{ref, "cannot write " + partial.string()});
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, path, error);
    if (error) {
        return report(DownloadFailed{ref, "cannot name " + path.string() + ": " + error.message()});
    }
    report(DownloadSaved{path});
}

std::filesystem::path home_folder() {
    std::error_code ignored;
    if (const char* home = std::getenv("HOME");
        home != nullptr && std::filesystem::is_directory(home, ignored)) {
        return home;
    }
    return std::filesystem::current_path();
}

std::filesystem::path default_downloads_folder() {
    std::error_code ignored;
    const std::filesystem::path folder = home_folder() / "Downloads";
    return std::filesystem::is_directory(folder, ignored) ? folder
                                                          : std::filesystem::current_path();
}

}  // namespace parley::shell
