// REST dispatch: match a route, authenticate, hand the Call to its handler; and the Call's
// answering helpers.
#include "server/rest/api.h"

#include <boost/asio/post.hpp>
#include <boost/beast/http.hpp>

#include "core/rejection.h"
#include "core/roles.h"
#include "server/auth/cookies.h"
#include "server/auth/tokens.h"
#include "server/base/http_responses.h"
#include "server/base/log.h"
#include "server/rest/cookie_guard.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server {
namespace http = boost::beast::http;

namespace rest {
namespace {

// The answer to a request that needs a credential and has none that works.
const AccessError kNotSignedIn{401, "not_signed_in",
                               "Sign in first: the session is missing, ended or expired."};

std::string_view path_of(std::string_view target) {
    return target.substr(0, target.find('?'));
}

std::vector<std::string_view> segments(std::string_view path) {
    std::vector<std::string_view> parts;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = std::min(path.find('/', start), path.size());
        parts.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return parts;
}

bool matches(std::string_view pattern, std::string_view path,
             std::map<std::string, std::string>& params) {
    const auto want = segments(pattern);
    const auto have = segments(path);
    if (want.size() != have.size()) {
        return false;
    }
    std::map<std::string, std::string> found;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i].size() > 2 && want[i].front() == '{' && want[i].back() == '}') {
            if (have[i].empty()) {
                return false;
            }
            found[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
        } else if (want[i] != have[i]) {
            return false;
        }
    }
    params = std::move(found);
    return true;
}

struct Credential {
    std::string value;
    // The browser's session cookie, which it sends by itself, not a bearer token or API key.
    bool cookie = false;
};

std::optional<Credential> credential_of(const HttpRequest& request) {
    const std::string_view authorization = request[http::field::authorization];
    if (authorization.starts_with("Bearer ")) {
        return Credential{std::string(authorization.substr(7)), false};
    }
    if (auto cookie = auth::cookie_value(request[http::field::cookie], "parley_session")) {
        return Credential{std::move(*cookie), true};
    }
    return std::nullopt;
}

bool is_upload(http::verb method, std::string_view path) {
    return method == http::verb::post && path.starts_with("/api/chats/") &&
           path.ends_with("/attachments");
}

http::status status_for(std::string_view code) {
    namespace codes = core::codes;
    if (code == codes::kNotAuthorized || code == codes::kNotQueueMember ||
        code == codes::kNotAssignee || code == codes::kNotOffered ||
        code == codes::kNotTransferTarget) {
        return http::status::forbidden;
    }
    if (code.starts_with("unknown_")) {
        return http::status::not_found;
    }
    if (code == codes::kAttachmentTooLarge) {
        return http::status::payload_too_large;
    }
    if (code == codes::kAttachmentTypeNotAllowed) {
        return http::status::unsupported_media_type;
    }
    if (code == codes::kInvalidCommandId || code == codes::kMissingArgument ||
        code == codes::kInvalidArgument || code == codes::kEmptyMessage ||
        code == codes::kMessageTooLong || code == "rate_limited") {
        return code == "rate_limited" ? http::status::too_many_requests : http::status::bad_request;
    }
    if (code == "unavailable" || code == "store_unavailable") {
        return http::status::service_unavailable;
    }
    return http::status::conflict;
}

const Route* find_route(std::span<const Route> routes, const HttpRequest& request,
                        std::map<std::string, std::string>& params, bool& path_known) {
    const std::string_view path = path_of(request.target());
    for (const Route& route : routes) {
        std::map<std::string, std::string> found;
        if (!matches(route.pattern, path, found)) {
            continue;
        }
        path_known = true;
        if (route.method == request.method()) {
            params = std::move(found);
            return &route;
        }
    }
    return nullptr;
}

}  // namespace

void Call::reply(ApiResponse response) {
    if (answered.test_and_set()) {
        return;
    }
    std::visit([this](auto& message) { message.keep_alive(request.keep_alive()); }, response);
    respond(std::move(response));
}

void Call::reply_encoded(http::status status, std::string json) {
    reply(json_response(request.version(), status, std::move(json)));
}

void Call::refuse_body(const protocol::ProtocolError& error) {
    const bool too_large = error.code == protocol::ProtocolErrorCode::too_large;
    fail(too_large ? http::status::payload_too_large : http::status::bad_request,
         protocol::error_code_name(error.code), error.message);
}

void Call::fail(http::status status, std::string_view code, std::string_view message) {
    reply(error_response(request.version(), status, code, message));
}

void Call::fail(const AccessError& error) {
    auto response = error_response(request.version(), static_cast<http::status>(error.status),
                                   error.code, error.message);
    if (error.retry_after_seconds) {
        response.set(http::field::retry_after, std::to_string(*error.retry_after_seconds));
    }
    reply(std::move(response));
}

void Call::fail(const protocol::Rejected& rejected) {
    fail(status_for(rejected.code), rejected.code, rejected.message);
}

std::optional<std::string> Call::query(std::string_view name) const {
    const std::string_view target = request.target();
    const std::size_t question = target.find('?');
    if (question == std::string_view::npos) {
        return std::nullopt;
    }
    std::string_view rest = target.substr(question + 1);
    while (!rest.empty()) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        const std::size_t eq = pair.find('=');
        if (percent_decoded(pair.substr(0, eq), Plus::space) == name) {
            return eq == std::string_view::npos ? std::string()
                                                : percent_decoded(pair.substr(eq + 1), Plus::space);
        }
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    }
    return std::nullopt;
}

bool Call::require_signed_in() {
    if (principal) {
        return true;
    }
    fail(kNotSignedIn);
    return false;
}

bool Call::require_staff() {
    if (!require_signed_in()) {
        return false;
    }
    if (principal->actor.kind != core::ActorKind::agent) {
        fail(http::status::forbidden, "not_authorized", "Only staff may do this.");
        return false;
    }
    return true;
}

void Call::with_role(core::Role at_least, std::function<void()> then) {
    if (!require_staff()) {
        return;
    }
    services.authority.read([self = shared_from_this(), at_least, then = std::move(then)](
                                const core::State& state, std::uint64_t) {
        if (self->require_role(state, at_least)) {
            self->guarded(then);
        }
    });
}

bool Call::require_role(const core::State& state, core::Role at_least) {
    if (!core::acts_with_role(state, principal->actor, at_least)) {
        fail(http::status::forbidden, "not_authorized", "Your role may not do this.");
        return false;
    }
    return true;
}

void Call::command(core::Command command, std::function<void(const protocol::Ack&)> on_ack) {
    command_as(principal->actor, std::move(command), std::move(on_ack));
}

void Call::command_as(core::Actor actor, core::Command command,
                      std::function<void(const protocol::Ack&)> on_ack) {
    submit(command_id_for(request), std::move(actor), std::move(command), std::move(on_ack));
}

void Call::submit(core::CommandId id, core::Actor actor, core::Command command,
                  std::function<void(const protocol::Ack&)> on_ack) {
    const std::string limiter_key = principal && !principal->token_hash.empty()
                                        ? principal->token_hash
                                        : actor.id + "@" + context.client_ip;
    if (!services.command_limiter.allow(limiter_key, services.clock())) {
        fail(http::status::too_many_requests, "rate_limited",
             "Too many commands; wait a moment and send it again.");
        return;
    }
    if (auto refused =
            services.customer_limits.check(actor, command, context.client_ip, services.clock())) {
        fail(AccessError{429, "rate_limited", refused->message, refused->retry_after_seconds});
        return;
    }
    services.authority.submit(
        std::move(id), std::move(actor), std::move(command),
        [self = shared_from_this(), on_ack = std::move(on_ack)](const Outcome& outcome) {
            if (const auto* rejected = std::get_if<protocol::Rejected>(&outcome)) {
                self->fail(*rejected);
            } else {
                self->guarded([&] { on_ack(std::get<protocol::Ack>(outcome)); });
            }
        });
}

void Call::off_strand(std::function<void()> work) {
    boost::asio::post(workers,
                      [self = shared_from_this(), work = std::move(work)] { self->guarded(work); });
}

void Call::read_model(std::function<void(sqlite::Connection&, const core::State& directory)> read) {
    services.read_model.read_through(services.authority.committed_seq(),
                                     [self = shared_from_this(), read = std::move(read)](
                                         sqlite::Connection& db, const core::State& directory) {
                                         self->guarded([&] { read(db, directory); });
                                     });
}

void Call::with_password_workers(std::function<void()> work) {
    services.password_workers.post(
        [self = shared_from_this(), work = std::move(work)] { self->guarded(work); });
}

void Call::guarded(const std::function<void()>& work) {
    try {
        work();
    } catch (const std::exception& error) {
        // A handler bug must cost one request, never the server.
        log_error(std::string("REST handler failed: ") + error.what());
        fail(http::status::internal_server_error, "internal_error",
             "The server failed to handle this request; it has been logged.");
    }
}

std::string command_id_for(const HttpRequest& request) {
    const std::string_view key = request["Idempotency-Key"];
    if (!key.empty() && key.size() <= 100) {
        return "rest:" + std::string(key);
    }
    return auth::new_id("rest_");
}

}  // namespace rest

RestApi::RestApi(Services& services, std::span<const rest::Route> routes)
    : services_(services), routes_(routes) {}

bool RestApi::handles(std::string_view target) {
    return target.starts_with("/api/") || rest::path_of(target) == "/metrics";
}

std::uint64_t RestApi::body_limit(http::verb method, std::string_view target,
                                  const ServerConfig& config) {
    if (rest::is_upload(method, rest::path_of(target))) {
        return config.max_upload_bytes;
    }
    return 1 << 20;
}

std::variant<Admission, HttpResponse> RestApi::admit(const HttpRequest& header) const {
    const auto refuse = [&](const AccessError& error) {
        auto response = error_response(header.version(), static_cast<http::status>(error.status),
                                       error.code, error.message);
        response.keep_alive(header.keep_alive());
        return response;
    };
    Admission admission;
    bool path_known = false;
    admission.route = rest::find_route(routes_, header, admission.params, path_known);
    if (!admission.route) {
        return path_known
                   ? refuse({405, "method_not_allowed", "This address does not take that method."})
                   : refuse({404, "not_found", "There is no such API address."});
    }
    const auto credential = rest::credential_of(header);
    if (credential) {
        auto who = services_.accounts.authenticate(credential->value);
        if (auto* principal = std::get_if<Principal>(&who)) {
            admission.principal = std::move(*principal);
        } else if (!admission.route->open || std::get<AccessError>(who).code == "invalid_api_key") {
            // An open route ignores a stale session, but a bad API key is an integration's
            // mistake: starting its chat anonymously would drop the bot's context unseen.
            return refuse(std::get<AccessError>(who));
        }
    }
    if (!admission.route->open && !admission.principal) {
        return refuse(rest::kNotSignedIn);
    }
    if (admission.principal && credential->cookie) {
        if (auto refused = rest::cross_site_refusal(
                header, rest::is_upload(header.method(), rest::path_of(header.target())))) {
            return refuse(*refused);
        }
    }
    return admission;
}

void RestApi::handle(HttpRequest request, Admission admission, RequestContext context,
                     Respond respond) {
    auto call = std::make_shared<rest::Call>(services_, std::move(request), std::move(context),
                                             std::move(respond), workers_.get_executor());
    call->params = std::move(admission.params);
    call->principal = std::move(admission.principal);
    const rest::Route* route = admission.route;
    call->guarded([&] { route->handler(call); });
}

}  // namespace parley::server
