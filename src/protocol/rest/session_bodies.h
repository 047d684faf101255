// REST bodies of the session routes (server/README.md, "Session"): sign in, who am I, sign
// out, change my password.
#pragma once

#include <optional>
#include <string>

#include "core/actor.h"
#include "core/ids.h"

namespace parley::protocol::rest {

// POST /api/session
struct SignIn {
    core::AgentId agent;
    std::string password;
    // Also hand out the token, for Authorization: Bearer (the cookie alone otherwise).
    std::optional<bool> bearer;
};

// POST /api/session, GET /api/session
struct SessionAnswer {
    core::Actor actor;
    core::Timestamp expires_at = 0;
    // Only when asked for (SignIn::bearer).
    std::optional<std::string> token;
    // A customer token's one chat.
    std::optional<core::ChatId> chat;
};

// DELETE /api/session
struct SignedOut {
    bool signed_out = true;
};

// POST /api/session/password
struct ChangePassword {
    std::string current_password;
    std::string new_password;
};

struct PasswordChanged {
    bool password_changed = true;
    bool signed_out = true;
};

}  // namespace parley::protocol::rest
