// Uploading the file the agent picked: read on the console's I/O thread (so the frame never
// waits for the disk) and POSTed as the signed-in user to the chat's upload address, with its
// type from its extension and its name percent-encoded as the browser console sends them; the
// server's answer (stored, or refused with its sentence) queues for the frame as the console's
// UploadReport.
#pragma once

#include "console/uploads.h"
#include "inbox.h"
#include "io_thread.h"
#include "server_address.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace parley::shell {

class HttpSignIn;

class FileUploads {
public:
    FileUploads(IoThread& io, ServerAddress server, HttpSignIn& sign_in);

    // Reports UploadStarted at once, then UploadStored or UploadRefused.
    void start(const console::UploadRequest& request, const std::filesystem::path& file);
    std::vector<console::UploadReport> drain() { return reports_.drain(); }

private:
    void send(int id, const std::string& target, const std::filesystem::path& file);
    void report(console::UploadReport report) { reports_.push(std::move(report)); }

    IoThread& io_;
    ServerAddress server_;
    HttpSignIn& sign_in_;
    Inbox<console::UploadReport> reports_;
};

// What the server is told a file is, by its extension (it takes images, PDF and plain text).
std::string content_type_of(const std::filesystem::path& file);

}  // namespace parley::shell
