#include "server/ws_session.h"

#include "protocol/handshake.h"

#include <boost/asio/dispatch.hpp>
#include <utility>

namespace parley::server {
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {
constexpr std::size_t kMaxMessageBytes = 1 << 20;
constexpr std::size_t kMaxQueuedMessages = 4096;
}  // namespace

WsSession::WsSession(boost::asio::ip::tcp::socket socket) : ws_(std::move(socket)) {}

void WsSession::run(beast::http::request<beast::http::string_body> upgrade) {
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(beast::http::field::server, "parley-server/" PARLEY_VERSION);
    }));
    ws_.read_message_max(kMaxMessageBytes);
    auto request = std::make_shared<beast::http::request<beast::http::string_body>>(
        std::move(upgrade));
    ws_.async_accept(*request, [self = shared_from_this(), request](beast::error_code error) {
        if (!error) {
            self->read_next();
        }
    });
}

void WsSession::read_next() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
        if (error) {
            return;
        }
        std::string text = beast::buffers_to_string(self->buffer_.data());
        self->buffer_.consume(self->buffer_.size());
        self->on_message(std::move(text));
        if (!self->closing_) {
            self->read_next();
        }
    });
}

void WsSession::on_message(std::string text) {
    if (greeted_) {
        send(std::make_shared<const std::string>(protocol::encode_error(protocol::WireError{
            "not_available", "This server does not take commands over this connection yet."})));
        return;
    }
    auto hello = protocol::decode_hello(text);
    if (!hello) {
        send(std::make_shared<const std::string>(
            protocol::encode_error(hello.error())));
        close_with(websocket::close_code::policy_error, "handshake failed");
        return;
    }
    if (hello.value().protocol_version != protocol::kProtocolVersion) {
        send(std::make_shared<const std::string>(
            protocol::encode_version_mismatch(hello.value().protocol_version)));
        close_with(websocket::close_code::policy_error, "protocol version mismatch");
        return;
    }
    greeted_ = true;
    send(std::make_shared<const std::string>(
        protocol::encode_welcome({protocol::kProtocolVersion, PARLEY_VERSION})));
}

void WsSession::send(std::shared_ptr<const std::string> message) {
    boost::asio::dispatch(ws_.get_executor(), [self = shared_from_this(),
                                               message = std::move(message)]() mutable {
        if (self->closing_) {
            return;
        }
        if (self->outbox_.size() >= kMaxQueuedMessages) {
            // The front message is being written and must outlive that write.
            self->outbox_.erase(self->outbox_.begin() + 1, self->outbox_.end());
            self->close_with(websocket::close_code::policy_error,
                             "send queue overflow: the client reads too slowly");
            return;
        }
        self->outbox_.push_back(std::move(message));
        if (self->outbox_.size() == 1) {
            self->write_next();
        }
    });
}

void WsSession::write_next() {
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(*outbox_.front()),
                    [self = shared_from_this()](beast::error_code error, std::size_t) {
                        if (error) {
                            self->outbox_.clear();
                            return;
                        }
                        self->outbox_.pop_front();
                        if (!self->outbox_.empty()) {
                            self->write_next();
                        } else if (self->pending_close_) {
                            std::exchange(self->pending_close_, nullptr)();
                        }
                    });
}

void WsSession::close_with(websocket::close_code code, std::string reason) {
    if (closing_) {
        return;
    }
    closing_ = true;
    // The close frame goes after what is already queued (the error that explains it), so it
    // waits for the outbox to drain.
    auto do_close = [self = shared_from_this(), code, reason = std::move(reason)] {
        self->ws_.async_close(websocket::close_reason(code, reason),
                              [self](beast::error_code) {});
    };
    if (outbox_.empty()) {
        do_close();
    } else {
        pending_close_ = std::move(do_close);
    }
}

}  // namespace parley::server
