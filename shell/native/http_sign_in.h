// Signing in from the desktop: POST /api/session asking for a bearer token, kept in memory only
// (for the WebSocket hello, the REST calls and DELETE /api/session on sign-out). The requests run
// on the console's I/O thread; answers queue for the frame to drain.
#pragma once

#include "console/sign_in.h"
#include "io_thread.h"
#include "server_address.h"

#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace parley::shell {

class HttpSignIn final : public console::SignIn {
public:
    HttpSignIn(IoThread& io, ServerAddress server);

    void request(const std::string& agent, const std::string& password) override;
    void sign_out() override;
    std::vector<console::SignInEvent> drain() override;
    // The signed-in user's bearer token, for the console's other REST calls.
    std::optional<std::string> token();

private:
    void report(console::SignInEvent event);

    IoThread& io_;
    ServerAddress server_;
    std::mutex mutex_;
    std::vector<console::SignInEvent> inbox_;
    std::optional<std::string> token_;  // guarded by mutex_
};

}  // namespace parley::shell
