#include "server/http_session.h"

#include "server/http_handler.h"
#include "server/ws_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>

namespace parley::server {
namespace beast = boost::beast;
namespace http = beast::http;

namespace {
constexpr auto kRequestTimeout = std::chrono::seconds(30);
constexpr std::uint64_t kMaxRequestBodyBytes = 1 << 20;
}  // namespace

HttpSession::HttpSession(boost::asio::ip::tcp::socket socket,
                         std::shared_ptr<const StaticFiles> files)
    : stream_(std::move(socket)), files_(std::move(files)) {}

void HttpSession::run() {
    boost::asio::dispatch(stream_.get_executor(),
                          [self = shared_from_this()] { self->read_request(); });
}

void HttpSession::read_request() {
    parser_.emplace();
    parser_->body_limit(kMaxRequestBodyBytes);
    stream_.expires_after(kRequestTimeout);
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code error, std::size_t) {
                         self->on_read(error);
                     });
}

void HttpSession::on_read(beast::error_code error) {
    if (error == http::error::end_of_stream) {
        close();
        return;
    }
    if (error) {
        return;
    }
    if (beast::websocket::is_upgrade(parser_->get())) {
        if (parser_->get().target() == "/ws") {
            stream_.expires_never();
            std::make_shared<WsSession>(stream_.release_socket())->run(parser_->release());
            return;
        }
    }
    auto response = std::make_shared<HttpResponse>(handle_http(parser_->release(), *files_));
    response_ = response;
    const bool keep_alive = response->keep_alive();
    http::async_write(stream_, *response,
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
    read_request();
}

void HttpSession::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ignored);
}

}  // namespace parley::server
