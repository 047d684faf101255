#include "network.h"

#include "console/console_app.h"

#include <utility>

namespace parley::shell {

Network::Network(const ServerAddress& server, std::function<void()> wake)
    : io_(std::move(wake)),
      link_(io_, server),
      sign_in_(io_, server),
      api_(io_, server, sign_in_) {}

Network::~Network() {
    io_.stop();
}

void Network::exchange(console::ConsoleApp& app) {
    for (const console::ApiAnswer& answer : api_.drain()) {
        app.api_answered(answer);
    }
    for (console::ApiRequest& request : app.take_api_requests()) {
        api_.start(std::move(request));
    }
}

AutomationPort& Network::open_automation(std::uint16_t port, std::function<void()> wake) {
    automation_ = std::make_unique<AutomationPort>(io_, port, std::move(wake));
    return *automation_;
}

}  // namespace parley::shell
