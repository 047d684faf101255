// Signing in from the browser: fetch() posts to /api/session on the page's own origin, and
// the server's HttpOnly cookie stays with the browser, which sends it with the WebSocket
// upgrade. The page's JavaScript answers through exported C functions into the inbox.
#pragma once

#include "console/sign_in.h"

namespace parley::shell {

class WebSignIn final : public console::SignIn {
public:
    WebSignIn();
    ~WebSignIn() override;

    void request(const std::string& agent, const std::string& password) override;
    void sign_out() override;
    std::vector<console::SignInEvent> drain() override;

    void report(console::SignInEvent event) { inbox_.push_back(std::move(event)); }

private:
    std::vector<console::SignInEvent> inbox_;
};

}  // namespace parley::shell
