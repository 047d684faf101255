// The desktop console's network side: its one I/O thread and every socket on it (the WebSocket
// link, sign-in, the REST calls, downloads, uploads, and the automation port when asked for). Once
// per frame, exchange() hands the console what arrived and starts what it asked for; nothing here
// waits on the network.
#pragma once

#include "automation_port.h"
#include "beast_link.h"
#include "downloads.h"
#include "file_uploads.h"
#include "http_api.h"
#include "http_sign_in.h"
#include "io_thread.h"
#include "server_address.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>

namespace parley::console {
class ConsoleApp;
}

namespace parley::shell {

class Network {
public:
    // `wake` is called on the I/O thread whenever something arrived for the console; downloads
    // are saved into `downloads`.
    Network(const ServerAddress& server, const std::filesystem::path& downloads,
            std::function<void()> wake);
    // Stops the I/O thread before the parts whose sockets it runs go.
    ~Network();
    Network(const Network&) = delete;
    Network& operator=(const Network&) = delete;

    console::Link& link() { return link_; }
    console::SignIn& sign_in() { return sign_in_; }
    // Also returns what became of downloads, for the shell to tell the agent.
    std::vector<DownloadReport> exchange(console::ConsoleApp& app);
    // Uploads the file the agent picked for the console's `request`.
    void upload(const console::UploadRequest& request, const std::filesystem::path& file);
    // Opens the automation bridge's port (see automation_port.h); `wake` is called when a
    // request arrived. Throws when the port cannot be opened.
    AutomationPort& open_automation(std::uint16_t port, std::function<void()> wake);

private:
    IoThread io_;
    BeastLink link_;
    HttpSignIn sign_in_;
    HttpApi api_;
    Downloads downloads_;
    FileUploads uploads_;
    std::unique_ptr<AutomationPort> automation_;
};

}  // namespace parley::shell
