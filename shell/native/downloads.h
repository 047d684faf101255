// Downloads from the desktop console (attachments, analytics exports): fetched as the signed-in
// user on the console's I/O thread and saved into the downloads folder under the server's file
// name, made safe (download_name.h). A file appears under its final name only once complete.
// Only the server's download addresses are followed, as in the browser console: a ref comes from
// chat data and must not send the agent's token anywhere else.
#pragma once

#include "inbox.h"
#include "io_thread.h"
#include "server_address.h"

#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace parley::shell {

class HttpSignIn;

struct DownloadSaved {
    std::filesystem::path path;
};
struct DownloadFailed {
    std::string ref;
    std::string problem;
};
using DownloadReport = std::variant<DownloadSaved, DownloadFailed>;

class Downloads {
public:
    Downloads(IoThread& io, ServerAddress server, HttpSignIn& sign_in,
              std::filesystem::path folder);

    void start(const std::string& ref);
    std::vector<DownloadReport> drain() { return reports_.drain(); }

private:
    void save(const std::string& ref, const std::string& disposition, const std::string& body);
    void report(DownloadReport report) { reports_.push(std::move(report)); }

    IoThread& io_;
    ServerAddress server_;
    HttpSignIn& sign_in_;
    std::filesystem::path folder_;
    Inbox<DownloadReport> reports_;
};

// The folder downloads go to without --downloads: the user's Downloads folder when there is
// one, else the current folder.
std::filesystem::path default_downloads_folder();
// The user's home folder ($HOME), else the current folder: where the file picker starts.
std::filesystem::path home_folder();

}  // namespace parley::shell
