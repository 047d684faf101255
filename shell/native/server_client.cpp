#include "server_client.h"

#include "console/console_app.h"

#include <utility>

namespace parley::shell {

ServerClient::ServerClient(const ServerAddress& server, std::function<void()> wake)
    : io_(std::move(wake)),
      link_(io_, server),
      sign_in_(io_, server),
      api_(io_, server, sign_in_) {}

ServerClient::~ServerClient() {
    io_.stop();
}

void ServerClient::exchange(console::ConsoleApp& app) {
    for (const console::ApiAnswer& answer : api_.drain()) {
        app.api_answered(answer);
    }
    for (console::ApiRequest& request : app.take_api_requests()) {
        api_.start(std::move(request));
    }
}

}  // namespace parley::shell
