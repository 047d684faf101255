// Sign-in and sign-out. The browser console gets an HttpOnly SameSite cookie and never sees
// the token; the native console asks for a bearer token ("bearer": true) instead.
#include "core/names.h"
#include "server/auth/cookies.h"
#include "server/base/http_responses.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

constexpr const char* kCookie = "parley_session";

nlohmann::json actor_json(const core::Actor& actor) {
    return {{"kind", core::to_string(actor.kind)}, {"id", actor.id}};
}

void answer_sign_in(const CallPtr& call, const AccessResult<IssuedToken>& issued, bool bearer) {
    if (const auto* error = std::get_if<AccessError>(&issued)) {
        call->fail(*error);
        return;
    }
    const auto& session = std::get<IssuedToken>(issued);
    nlohmann::json answer = {{"actor", actor_json(session.principal.actor)},
                             {"expires_at", session.principal.expires_at}};
    if (bearer) {
        answer["token"] = session.token;
    }
    auto response = json_response(call->request.version(), http::status::ok, answer.dump());
    const auto max_age = (session.principal.expires_at - call->services.clock()) / 1000;
    response.set(http::field::set_cookie,
                 auth::session_cookie(kCookie, session.token, max_age,
                                      call->services.config.secure_cookies));
    call->reply(std::move(response));
}

// Checking the password takes argon2id's time, on the password workers.
void sign_in(const CallPtr& call) {
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    const auto agent = reader.text("agent", Need::required);
    const auto password = reader.text("password", Need::required, 1024);
    const bool bearer = reader.boolean("bearer", Need::optional).value_or(false);
    if (!reader.ok()) {
        return;
    }
    call->with_password_workers([call, agent = *agent, password = *password, bearer] {
        answer_sign_in(
            call, call->services.accounts.login(agent, password, call->context.client_ip), bearer);
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
    auto response =
        json_response(call->request.version(), http::status::ok, R"({"signed_out":true})");
    response.set(http::field::set_cookie,
                 auth::expired_cookie(kCookie, call->services.config.secure_cookies));
    call->reply(std::move(response));
}

void who_am_i(const CallPtr& call) {
    nlohmann::json answer = {{"actor", actor_json(call->principal->actor)},
                             {"expires_at", call->principal->expires_at}};
    if (call->principal->chat) {
        answer["chat"] = *call->principal->chat;
    }
    call->reply(http::status::ok, answer);
}

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
    auto response = json_response(call->request.version(), http::status::ok,
                                  R"({"password_changed":true,"signed_out":true})");
    response.set(http::field::set_cookie,
                 auth::expired_cookie(kCookie, call->services.config.secure_cookies));
    call->reply(std::move(response));
}

void change_password(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    const auto current = reader.text("current_password", Need::required, 1024);
    const auto next = reader.text("new_password", Need::required, 1024);
    if (!reader.ok()) {
        return;
    }
    call->with_password_workers(
        [call, current = *current, next = *next] { set_own_password(call, current, next); });
}

constexpr Route kSessionRoutes[] = {
    {http::verb::post, "/api/session", sign_in, true},
    {http::verb::delete_, "/api/session", sign_out, false},
    {http::verb::get, "/api/session", who_am_i, false},
    {http::verb::post, "/api/session/password", change_password, false},
};

}  // namespace

std::span<const Route> session_routes() {
    return kSessionRoutes;
}

}  // namespace parley::server::rest
