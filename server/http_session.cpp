#include "server/http_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <limits>

#include "server/auth/origin.h"
#include "server/cors.h"
#include "server/host_allowlist.h"
#include "server/http_handler.h"
#include "server/security_headers.h"
#include "server/ws_session.h"

namespace parley::server {
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr auto kRequestTimeout = std::chrono::seconds(30);
// Enough for a client to read the refusal it is given; an unread upload is not waited for.
constexpr auto kDrainTimeout = std::chrono::seconds(2);
constexpr std::size_t kDrainBytes = 1 << 20;

}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket, Services& services, RestApi& api,
                         std::string client_ip, std::optional<AddressSlot> slot)
    : stream_(std::move(socket)),
      services_(services),
      api_(api),
      client_ip_(std::move(client_ip)),
      slot_(std::move(slot)) {
    beast::error_code error;
    const auto local = stream_.socket().local_endpoint(error);
    if (!error) {
        local_address_ = local.address().to_string();
        local_port_ = local.port();
    }
}

void HttpSession::run() {
    boost::asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
        if (self->slot_) {
            self->read_header();
        } else {
            self->refuse_busy();
        }
    });
}

void HttpSession::read_header() {
    parser_.emplace();
    admission_.reset();
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

void HttpSession::refuse_busy() {
    auto response = error_response(11, http::status::service_unavailable, "too_many_connections",
                                   "This address has too many connections open to Parley; "
                                   "close some and try again.");
    response.set(http::field::retry_after, "5");
    refuse(std::move(response));
}

void HttpSession::refuse(HttpResponse response) {
    response.keep_alive(false);
    send(std::move(response));
}

bool HttpSession::host_checked() {
    const auto& header = parser_->get();
    // Health probes name the server however their network reaches it, and learn nothing.
    if (header.target() == "/healthz" ||
        host_allowed(header[http::field::host], local_address_, local_port_, services_.config)) {
        return true;
    }
    auto response =
        error_response(header.version(), http::status::misdirected_request, "host_not_allowed",
                       "This server does not answer to that host name; add it to "
                       "--allowed-hosts if it is one of its names.");
    refuse(std::move(response));
    return false;
}

void HttpSession::on_header(beast::error_code error) {
    if (error == http::error::end_of_stream) {
        close();
        return;
    }
    if (error) {
        if (error == http::error::header_limit) {
            refuse(error_response(11, http::status::request_header_fields_too_large,
                                  "headers_too_large", "The request headers are too large."));
        }
        return;
    }
    const auto& header = parser_->get();
    if (!services_.request_limiter.allow(client_ip_, services_.clock())) {
        auto response =
            error_response(header.version(), http::status::too_many_requests, "rate_limited",
                           "Too many requests from this address; slow down.");
        response.set(http::field::retry_after, "1");
        refuse(std::move(response));
        return;
    }
    if (!host_checked()) {
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
    if (RestApi::handles(header.target())) {
        auto admitted = api_.admit(header);
        if (auto* refused = std::get_if<HttpResponse>(&admitted)) {
            allow_cross_origin(*refused, header[http::field::origin], header[http::field::host],
                               services_.config.allowed_origins);
            send(std::move(*refused));
            return;
        }
        admission_ = std::get<Admission>(std::move(admitted));
    }
    const std::uint64_t limit =
        RestApi::body_limit(header.method(), header.target(), services_.config);
    if (header.has_content_length() && *parser_->content_length() > limit) {
        refuse(error_response(header.version(), http::status::payload_too_large, "too_large",
                              "The request body is larger than the " + std::to_string(limit) +
                                  " bytes allowed here."));
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
        refuse(error_response(header.version(), http::status::forbidden, "origin_not_allowed",
                              "Pages from this origin may not connect to Parley."));
        return;
    }
    stream_.expires_never();
    std::make_shared<WsSession>(stream_.release_socket(), services_, client_ip_, std::move(*slot_))
        ->run(parser_->release());
}

void HttpSession::on_body(beast::error_code error) {
    if (error == http::error::body_limit) {
        refuse(error_response(11, http::status::payload_too_large, "too_large",
                              "The request body is too large."));
        return;
    }
    if (error) {
        return;
    }
    HttpRequest request = parser_->release();
    if (admission_) {
        std::string origin(request[http::field::origin]);
        std::string host(request[http::field::host]);
        api_.handle(
            std::move(request), std::move(*admission_), RequestContext{client_ip_},
            [self = shared_from_this(), origin = std::move(origin),
             host = std::move(host)](ApiResponse response) {
                std::visit(
                    [&](auto& message) {
                        allow_cross_origin(message, origin, host,
                                           self->services_.config.allowed_origins);
                    },
                    response);
                boost::asio::post(
                    self->stream_.get_executor(), [self, response = std::move(response)]() mutable {
                        std::visit([&self](auto& message) { self->send(std::move(message)); },
                                   response);
                    });
            });
        return;
    }
    send(handle_http(request, services_));
}

template <class Body>
void HttpSession::send(http::response<Body> response) {
    add_security_headers(response);
    if (!parser_ || !parser_->is_done()) {
        response.keep_alive(false);
    }
    auto held = std::make_shared<http::response<Body>>(std::move(response));
    response_ = held;
    const bool keep_alive = held->keep_alive();
    http::async_write(
        stream_, *held,
        [self = shared_from_this(), keep_alive](beast::error_code write_error, std::size_t) {
            self->on_write(keep_alive, write_error);
        });
}

void HttpSession::on_write(bool keep_alive, beast::error_code error) {
    response_.reset();
    if (error) {
        return;
    }
    if (keep_alive) {
        read_header();
        return;
    }
    close();
    if (!parser_ || !parser_->is_done()) {
        stream_.expires_after(kDrainTimeout);
        drain(std::make_shared<std::array<char, 4096>>(), 0);
    }
}

void HttpSession::drain(std::shared_ptr<std::array<char, 4096>> sink, std::size_t dropped) {
    if (dropped >= kDrainBytes) {
        return;
    }
    stream_.async_read_some(
        boost::asio::buffer(*sink),
        [self = shared_from_this(), sink, dropped](beast::error_code error, std::size_t read) {
            if (!error) {
                self->drain(sink, dropped + read);
            }
        });
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace parley::server
