#include "http_sign_in.h"

#include "http_exchange.h"
#include "protocol/rest/error_body.h"
#include "protocol/rest/rest_codec.h"
#include "protocol/rest/session_bodies.h"

#include <utility>

namespace parley::shell {
namespace http = boost::beast::http;
namespace rest = protocol::rest;

HttpSignIn::HttpSignIn(IoThread& io, ServerAddress server)
    : io_(io), server_(std::move(server)), inbox_(io) {}

void HttpSignIn::request(const std::string& agent, const std::string& password) {
    HttpRequest call;
    call.verb = http::verb::post;
    call.target = "/api/session";
    call.body = rest::encode(rest::SignIn{agent, password, true});
    start_http_exchange(io_.context(), server_, std::move(call), [this](HttpReply reply) {
        if (reply.status == 0) {
            return report(console::SignInFailed{std::move(reply.body)});
        }
        if (reply.status == 200) {
            auto answer = rest::decode<rest::SessionAnswer>(reply.body);
            if (answer && answer.value().token) {
                const std::string token = *answer.value().token;
                {
                    std::lock_guard lock(mutex_);
                    token_ = token;
                }
                return report(console::SignedIn{token});
            }
        }
        const auto refusal = rest::decode<rest::ErrorAnswer>(reply.body);
        report(console::SignInFailed{refusal ? refusal.value().message
                                             : "The server refused the sign-in."});
    });
}

void HttpSignIn::sign_out() {
    std::optional<std::string> token;
    {
        std::lock_guard lock(mutex_);
        token = std::exchange(token_, std::nullopt);
    }
    if (!token) {
        return report(console::SignedOut{});
    }
    // Signed out here whatever the server answers: an unreachable server lets the token expire.
    HttpRequest call;
    call.verb = http::verb::delete_;
    call.target = "/api/session";
    call.token = std::move(token);
    start_http_exchange(io_.context(), server_, std::move(call),
                        [this](const HttpReply&) { report(console::SignedOut{}); });
}

std::optional<std::string> HttpSignIn::token() {
    std::lock_guard lock(mutex_);
    return token_;
}

}  // namespace parley::shell
