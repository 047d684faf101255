// How the console signs an agent in and out: a shell implements it (the browser posts to
// /api/session with fetch and keeps the HttpOnly cookie; the desktop asks for a bearer token
// over HTTP). Answers arrive later and are drained at the start of a frame, like the Link's.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parley::console {

struct SignedIn {
    // The desktop's bearer token for the hello; the browser's session rides in its cookie.
    std::optional<std::string> token;
};
struct SignInFailed {
    std::string message;
};
struct SignedOut {};

using SignInEvent = std::variant<SignedIn, SignInFailed, SignedOut>;

class SignIn {
public:
    virtual ~SignIn() = default;

    virtual void request(const std::string& agent, const std::string& password) = 0;
    // Ends the session on the server (its sockets close too).
    virtual void sign_out() = 0;
    virtual std::vector<SignInEvent> drain() = 0;
};

}  // namespace parley::console
