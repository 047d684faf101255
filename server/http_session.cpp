#include "server/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <limits>

#include "server/auth/origin.h"
#include "server/cors.h"
#include "server/http_handler.h"
#include "server/ws_session.h"

namespace parley::server {
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr auto kRequestTimeout = std::chrono::seconds(30);

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, Services& services, RestApi& api)
    : stream_(std::move(socket)), services_(services), api_(api) {
    beast::error_code error;
    const auto remote = stream_.socket().remote_endpoint(error);
    client_ip_ = error ? "unknown" : remote.address().to_string();
}

void HttpSession::run() {
    boost::asio::dispatch(stream_.get_executor(),
                          [self = shared_from_this()] { self->read_header(); });
}

void HttpSession::read_header() {
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    // Beast checks Content-Length against the body limit as soon as the header is parsed, and
    // its default (1 MiB) would drop larger uploads silently; on_header sets the route's limit.
    parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
    stream_.expires_after(kRequestTimeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code error, std::size_t) {
                                self->on_header(error);
                            });
}

void HttpSession::on_header(beast::error_code error) {
    if (error == http::error::end_of_stream) {
        close();
        return;
    }
    if (error) {
        if (error == http::error::header_limit) {
            send(error_response(11, http::status::request_header_fields_too_large,
                                "headers_too_large", "The request headers are too large."));
        }
        return;
    }
    const auto& header = parser_->get();
    if (!services_.request_limiter.allow(client_ip_, services_.clock())) {
        auto response = error_response(header.version(), http::status::too_many_requests,
                                       "rate_limited",
                                       "Too many requests from this address; slow down.");
        response.set(http::field::retry_after, "1");
        response.keep_alive(false);
        send(std::move(response));
        return;
    }
    if (beast::websocket::is_upgrade(header) && header.target() == "/ws") {
        upgrade();
        return;
    }
    if (auto preflight = cors_preflight(header, services_.config.allowed_origins)) {
        send(std::move(*preflight));
        return;
    }
    const std::uint64_t limit =
        RestApi::body_limit(header.method(), header.target(), services_.config);
    if (header.has_content_length() && *parser_->content_length() > limit) {
        auto response = error_response(header.version(), http::status::payload_too_large,
                                       "too_large",
                                       "The request body is larger than the " +
                                           std::to_string(limit) + " bytes allowed here.");
        response.keep_alive(false);
        send(std::move(response));
        return;
    }
    parser_->body_limit(limit);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code body_error, std::size_t) {
                         self->on_body(body_error);
                     });
}

void HttpSession::upgrade() {
    const auto& header = parser_->get();
    if (!auth::origin_allowed(header[http::field::origin], header[http::field::host],
                              services_.config.allowed_origins)) {
        auto response = error_response(header.version(), http::status::forbidden,
                                       "origin_not_allowed",
                                       "Pages from this origin may not connect to Parley.");
        response.keep_alive(false);
        send(std::move(response));
        return;
    }
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), services_, client_ip_)
        ->run(parser_->release());
}

void HttpSession::on_body(beast::error_code error) {
    if (error == http::error::body_limit) {
        auto response = error_response(11, http::status::payload_too_large, "too_large",
                                       "The request body is too large.");
        response.keep_alive(false);
        send(std::move(response));
        return;
    }
    if (error) {
        return;
    }
    HttpRequest request = parser_->release();
    if (RestApi::handles(request.target())) {
        std::string origin(request[http::field::origin]);
        std::string host(request[http::field::host]);
        api_.handle(std::move(request), RequestContext{client_ip_},
                    [self = shared_from_this(), origin = std::move(origin),
                     host = std::move(host)](ApiResponse response) {
                        std::visit(
                            [&](auto& message) {
                                allow_cross_origin(message, origin, host,
                                                   self->services_.config.allowed_origins);
                            },
                            response);
                        boost::asio::post(self->stream_.get_executor(),
                                          [self, response = std::move(response)]() mutable {
                                              std::visit(
                                                  [&self](auto& message) {
                                                      self->send(std::move(message));
                                                  },
                                                  response);
                                          });
                    });
        return;
    }
    send(handle_http(request, services_));
}

template <class Body>
void HttpSession::send(http::response<Body> response) {
    auto held = std::make_shared<http::response<Body>>(std::move(response));
    response_ = held;
    const bool keep_alive = held->keep_alive();
    http::async_write(stream_, *held,
                      [self = shared_from_this(), keep_alive](beast::error_code write_error,
                                                              std::size_t) {
                          self->on_write(keep_alive, write_error);
                      });
}

void HttpSession::on_write(bool keep_alive, beast::error_code error) {
    response_.reset();
    if (error) {
        return;
    }
    if (!keep_alive) {
        close();
        return;
    }
    read_header();
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace parley::server
