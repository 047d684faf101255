// Signing in from the desktop: POST /api/session asking for a bearer token, kept in memory only
// (for the WebSocket hello, the REST calls and DELETE /api/session on sign-out). The requests run
// on the console's I/O thread; answers queue for the frame to drain.
#pragma once

#include "console/sign_in.h"
#include "inbox.h"
#include "io_thread.h"
#include "server_address.h"

#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace parley::shell {

class HttpSignIn final : public console::SignIn {
public:
    HttpSignIn(IoThread& io, ServerAddress server);

    void request(const std::string& agent, const std::string& password) override;
    void sign_out() override;
    std::vector<console::SignInEvent> drain() override { return inbox_.drain(); }
    // The signed-in user's bearer token, for the console's other REST calls.
    std::optional<std::string> token();

private:
    void report(console::SignInEvent event) { inbox_.push(std::move(event)); }

    IoThread& io_;
    ServerAddress server_;
    Inbox<console::SignInEvent> inbox_;
    std::mutex mutex_;
    std::optional<std::string> token_;  // guarded by mutex_
};

}  // namespace parley::shell
