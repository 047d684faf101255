// Sign-in and sign-out. The browser console gets an HttpOnly SameSite cookie and never sees
// the token; the native console asks for a bearer token ("bearer": true) instead.
#include "protocol/rest/session_bodies.h"
#include "server/auth/cookies.h"
#include "server/base/http_responses.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

namespace body = protocol::rest;

constexpr const char* kCookie = "parley_session";

template <class Body>
HttpResponse response_of(const Call& call, const Body& answer) {
    return json_response(call.request.version(), http::status::ok, body::encode(answer));
}

void answer_sign_in(const CallPtr& call, const AccessResult<IssuedToken>& issued, bool bearer) {
    if (const auto* error = std::get_if<AccessError>(&issued)) {
        call->fail(*error);
        return;
    }
    const auto& session = std::get<IssuedToken>(issued);
    body::SessionAnswer answer{session.principal.actor, session.principal.expires_at, {}, {}};
    if (bearer) {
        answer.token = session.token;
    }
    auto response = response_of(*call, answer);
    const auto max_age = (session.principal.expires_at - call->services.clock()) / 1000;
    response.set(http::field::set_cookie,
                 auth::session_cookie(kCookie, session.token, max_age,
                                      call->services.config.secure_cookies));
    call->reply(std::move(response));
}

}  // namespace

// Checking the password takes argon2id's time, on the password workers.
void sign_in(const CallPtr& call) {
    auto request = call->body_as<body::SignIn>();
    if (!request) {
        return;
    }
    call->with_password_workers([call, request = std::move(*request)] {
        answer_sign_in(
            call,
            call->services.accounts.login(request.agent, request.password, call->context.client_ip),
            request.bearer.value_or(false));
    });
}

void sign_out(const CallPtr& call) {
    if (!call->principal->token_hash.empty()) {
        if (auto error = call->services.accounts.logout(call->principal->token_hash)) {
            call->fail(*error);
            return;
        }
        call->services.connections.end_token(call->principal->token_hash, "signed out");
    }
    auto response = response_of(*call, body::SignedOut{});
    response.set(http::field::set_cookie,
                 auth::expired_cookie(kCookie, call->services.config.secure_cookies));
    call->reply(std::move(response));
}

void who_am_i(const CallPtr& call) {
    call->reply(http::status::ok,
                body::SessionAnswer{call->principal->actor, call->principal->expires_at,
                                    std::nullopt, call->principal->chat});
}

namespace {

void set_own_password(const CallPtr& call, const std::string& current, const std::string& next) {
    const core::AgentId& agent = call->principal->actor.id;
    if (!call->services.accounts.password_matches(agent, current)) {
        call->fail(http::status::forbidden, "wrong_credentials", "The current password is wrong.");
        return;
    }
    if (auto error = call->services.accounts.set_password(agent, next)) {
        call->fail(*error);
        return;
    }
    call->services.connections.end_actor(call->principal->actor, "password changed");
    auto response = response_of(*call, body::PasswordChanged{});
    response.set(http::field::set_cookie,
                 auth::expired_cookie(kCookie, call->services.config.secure_cookies));
    call->reply(std::move(response));
}

}  // namespace

void change_password(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    auto request = call->body_as<body::ChangePassword>();
    if (!request) {
        return;
    }
    call->with_password_workers([call, request = std::move(*request)] {
        set_own_password(call, request.current_password, request.new_password);
    });
}

}  // namespace parley::server::rest
