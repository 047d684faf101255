#include "http_sign_in.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <utility>

namespace parley::shell {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

struct Reply {
    unsigned status = 0;
    nlohmann::json body;
};

Reply exchange(const std::string& host, const std::string& port, http::verb verb,
               const std::optional<std::string>& token, const std::string& body) {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host, port));
    http::request<http::string_body> request(verb, "/api/session", 11);
    request.set(http::field::host, host + ":" + port);
    request.set(http::field::content_type, "application/json");
    if (token) {
        request.set(http::field::authorization, "Bearer " + *token);
    }
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    return {response.result_int(), nlohmann::json::parse(response.body(), nullptr, false)};
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

std::vector<console::SignInEvent> HttpSignIn::drain() {
    std::lock_guard lock(mutex_);
    return std::exchange(inbox_, {});
}

void HttpSignIn::report(console::SignInEvent event) {
    std::lock_guard lock(mutex_);
    inbox_.push_back(std::move(event));
}

}  // namespace parley::shell
