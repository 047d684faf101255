#include "http_sign_in.h"

#include "http_exchange.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <utility>

namespace parley::shell {
namespace http = boost::beast::http;

namespace {

struct Reply {
    unsigned status = 0;
    nlohmann::json body;
};

Reply exchange(const std::string& host, const std::string& port, http::verb verb,
               const std::optional<std::string>& token, const std::string& body) {
    HttpReply reply = http_exchange(host, port, verb, "/api/session", token, body);
    return {reply.status, nlohmann::json::parse(reply.body, nullptr, false)};
}

}  // namespace

HttpSignIn::HttpSignIn(std::string host, std::string port)
    : host_(std::move(host)), port_(std::move(port)) {}

HttpSignIn::~HttpSignIn() {
    if (worker_.joinable()) {
        worker_.join();
    }
}

void HttpSignIn::run(std::function<void()> work) {
    if (worker_.joinable()) {
        worker_.join();
    }
    worker_ = std::thread(std::move(work));
}

void HttpSignIn::request(const std::string& agent, const std::string& password) {
    const std::string body =
        nlohmann::json{{"agent", agent}, {"password", password}, {"bearer", true}}.dump();
    run([this, body] {
        try {
            const Reply reply = exchange(host_, port_, http::verb::post, std::nullopt, body);
            if (reply.status == 200 && reply.body.contains("token")) {
                const std::string token = reply.body["token"].get<std::string>();
                {
                    std::lock_guard lock(mutex_);
                    token_ = token;
                }
                report(console::SignedIn{token});
                return;
            }
            report(console::SignInFailed{reply.body.is_object() && reply.body.contains("message")
                                             ? reply.body["message"].get<std::string>()
                                             : "The server refused the sign-in."});
        } catch (const std::exception& error) {
            report(console::SignInFailed{std::string("The server cannot be reached: ") +
                                         error.what()});
        }
    });
}

void HttpSignIn::sign_out() {
    run([this] {
        std::optional<std::string> token;
        {
            std::lock_guard lock(mutex_);
            token = std::exchange(token_, std::nullopt);
        }
        try {
            if (token) {
                exchange(host_, port_, http::verb::delete_, token, {});
            }
        } catch (const std::exception&) {
            // Signed out here either way; the server lets the token expire.
        }
        report(console::SignedOut{});
    });
}

std::optional<std::string> HttpSignIn::token() {
    std::lock_guard lock(mutex_);
    return token_;
}

std::vector<console::SignInEvent> HttpSignIn::drain() {
    std::lock_guard lock(mutex_);
    return std::exchange(inbox_, {});
}

void HttpSignIn::report(console::SignInEvent event) {
    std::lock_guard lock(mutex_);
    inbox_.push_back(std::move(event));
}

}  // namespace parley::shell
