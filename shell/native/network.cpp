#include "network.h"

#include "console/console_app.h"

#include <utility>

namespace parley::shell {

Network::Network(const ServerAddress& server, const std::filesystem::path& downloads,
                 std::function<void()> wake)
    : io_(std::move(wake)),
      link_(io_, server),
      sign_in_(io_, server),
      api_(io_, server, sign_in_),
      downloads_(io_, server, sign_in_, downloads),
      uploads_(io_, server, sign_in_) {}

Network::~Network() {
    io_.stop();
}

std::vector<DownloadReport> Network::exchange(console::ConsoleApp& app) {
    for (const console::ApiAnswer& answer : api_.drain()) {
        app.api_answered(answer);
    }
    for (console::ApiRequest& request : app.take_api_requests()) {
        api_.start(std::move(request));
    }
    for (const console::UploadReport& report : uploads_.drain()) {
        app.upload_reported(report);
    }
    for (const std::string& ref : app.take_downloads()) {
        downloads_.start(ref);
    }
    return downloads_.drain();
}

void Network::upload(const console::UploadRequest& request, const std::filesystem::path& file) {
    uploads_.start(request, file);
}

AutomationPort& Network::open_automation(std::uint16_t port, std::function<void()> wake) {
    automation_ = std::make_unique<AutomationPort>(io_, port, std::move(wake));
    return *automation_;
}

}  // namespace parley::shell
