// Signing in from the desktop: POST /api/session with "bearer": true over plain HTTP (Beast),
// keeping the token in memory for the WebSocket hello and for DELETE /api/session on sign-out.
// Each request runs on its own short-lived thread; answers queue for the frame to drain.
#pragma once

#include "console/sign_in.h"

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace parley::shell {

class HttpSignIn final : public console::SignIn {
public:
    HttpSignIn(std::string host, std::string port);
    ~HttpSignIn() override;

    void request(const std::string& agent, const std::string& password) override;
    void sign_out() override;
    std::vector<console::SignInEvent> drain() override;
    // The signed-in user's bearer token, for the console's other REST calls.
    std::optional<std::string> token();

private:
    void run(std::function<void()> work);
    void report(console::SignInEvent event);

    std::string host_;
    std::string port_;
    std::thread worker_;
    std::mutex mutex_;
    std::vector<console::SignInEvent> inbox_;
    std::optional<std::string> token_;  // guarded by mutex_
};

}  // namespace parley::shell
