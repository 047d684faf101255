// The desktop console's side of its server: the one I/O thread and everything on it (the
// WebSocket link, sign-in, the REST calls). Once per frame, exchange() hands the console what
// arrived and starts what it asked for; nothing in it waits on the network.
#pragma once

#include "beast_link.h"
#include "http_api.h"
#include "http_sign_in.h"
#include "io_thread.h"
#include "server_address.h"

#include <functional>

namespace parley::console {
class ConsoleApp;
}

namespace parley::shell {

class ServerClient {
public:
    // `wake` is called on the I/O thread whenever something arrived for the frame.
    ServerClient(const ServerAddress& server, std::function<void()> wake);
    // Stops the I/O thread before the parts whose sockets it runs go.
    ~ServerClient();
    ServerClient(const ServerClient&) = delete;
    ServerClient& operator=(const ServerClient&) = delete;

    console::Link& link() { return link_; }
    console::SignIn& sign_in() { return sign_in_; }
    void exchange(console::ConsoleApp& app);

private:
    IoThread io_;
    BeastLink link_;
    HttpSignIn sign_in_;
    HttpApi api_;
};

}  // namespace parley::shell
