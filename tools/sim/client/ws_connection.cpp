#include "sim/client/ws_connection.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>

namespace parley::client {
namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;

}  // namespace

WsConnection::WsConnection(boost::asio::any_io_executor executor, tcp::endpoint server,
                           std::uint64_t max_message_bytes, Handlers handlers)
    : server_(std::move(server)),
      host_(server_.address().to_string() + ":" + std::to_string(server_.port())),
      max_message_bytes_(max_message_bytes),
      handlers_(std::move(handlers)),
      ws_(std::move(executor)) {}

void WsConnection::start() {
    auto& socket = beast::get_lowest_layer(ws_);
    socket.expires_after(std::chrono::seconds(30));
    socket.async_connect(
        server_, [self = shared_from_this()](beast::error_code error) { self->on_connect(error); });
}

void WsConnection::on_connect(beast::error_code error) {
    if (error) {
        fail("connect: " + error.message());
        return;
    }
    auto& socket = beast::get_lowest_layer(ws_);
    socket.socket().set_option(tcp::no_delay(true));
    // The WebSocket keeps its own time limits; the TCP stream's would fight them.
    socket.expires_never();
    // Client frames are masked; the mask only has to defeat proxies, not attackers, and
    // the secure generator is a cost per message the servers never pay.
    ws_.secure_prng(false);
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    ws_.read_message_max(max_message_bytes_);
    ws_.async_handshake(
        host_, "/ws", [self = shared_from_this()](beast::error_code e) { self->on_handshake(e); });
}

void WsConnection::on_handshake(beast::error_code error) {
    if (error) {
        fail("WebSocket handshake: " + error.message());
        return;
    }
    ws_.text(true);
    open_ = true;
    handlers_.opened();
    read_next();
}

void WsConnection::fail(const std::string& why) {
    ended_ = true;
    handlers_.failed(why);
}

void WsConnection::read_next() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
        self->on_read(error);
    });
}

void WsConnection::on_read(beast::error_code error) {
    if (error) {
        on_lost(error);
        return;
    }
    const std::string_view text(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    handlers_.message(text);
    buffer_.consume(buffer_.size());
    // A first sync can be large; the buffer need not stay that size.
    if (buffer_.capacity() > (std::size_t{1} << 20)) {
        buffer_.shrink_to_fit();
    }
    read_next();
}

void WsConnection::on_lost(beast::error_code error) {
    open_ = false;
    if (ended_) {
        return;
    }
    ended_ = true;
    const auto& reason = ws_.reason();
    std::string why = error.message();
    if (!reason.reason.empty()) {
        why += " (close " + std::to_string(reason.code) + ": " +
               std::string(reason.reason.data(), reason.reason.size()) + ")";
    }
    handlers_.lost(why);
}

int WsConnection::close_code() const {
    return static_cast<int>(ws_.reason().code);
}

std::string& WsConnection::next_slot() {
    if (spare_.empty()) {
        outbox_.emplace_back();
    } else {
        outbox_.push_back(std::move(spare_.back()));
        spare_.pop_back();
        outbox_.back().clear();
    }
    return outbox_.back();
}

void WsConnection::send(std::string_view text) {
    next_slot().assign(text);
    flush();
}

void WsConnection::flush() {
    if (open_ && !writing_ && !outbox_.empty()) {
        write_next();
    }
}

void WsConnection::close() {
    if (!open_) {
        return;
    }
    ws_.async_close(websocket::close_code::normal,
                    [self = shared_from_this()](beast::error_code) {});
}

void WsConnection::write_next() {
    writing_ = true;
    ws_.async_write(boost::asio::buffer(outbox_.front()),
                    [self = shared_from_this()](beast::error_code error, std::size_t) {
                        self->on_written(error);
                    });
}

void WsConnection::on_written(beast::error_code error) {
    writing_ = false;
    if (error) {
        // The read loop sees the same failure and reports it.
        outbox_.clear();
        return;
    }
    spare_.push_back(std::move(outbox_.front()));
    outbox_.pop_front();
    flush();
}

}  // namespace parley::client
