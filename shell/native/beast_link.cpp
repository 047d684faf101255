#include "beast_link.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>

namespace parley::shell {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

// One connection attempt. A reconnect makes a new one, so late callbacks of an old socket
// can be told apart (they find themselves no longer current) and are dropped.
struct BeastLink::Attempt : std::enable_shared_from_this<Attempt> {
    Attempt(BeastLink& owner, asio::io_context& io) : link(owner), resolver(io), ws(io) {}

    BeastLink& link;
    tcp::resolver resolver;
    websocket::stream<beast::tcp_stream> ws;
    beast::flat_buffer buffer;
    std::deque<std::string> outbox;
    bool open = false;

    bool current() const { return link.attempt_.get() == this; }

    void fail(const std::string& what, beast::error_code error) {
        if (current()) {
            link.report(console::LinkClosed{what + ": " + error.message()});
            link.attempt_.reset();
        }
    }

    void start() {
        resolver.async_resolve(link.server_.host, link.server_.port,
                               [self = shared_from_this()](beast::error_code error,
                                                           tcp::resolver::results_type results) {
                                   if (error) {
                                       return self->fail("The server's name did not resolve",
                                                         error);
                                   }
                                   self->connect(results);
                               });
    }

    void connect(const tcp::resolver::results_type& results) {
        beast::get_lowest_layer(ws).expires_after(std::chrono::seconds(10));
        beast::get_lowest_layer(ws).async_connect(
            results, [self = shared_from_this()](beast::error_code error, const tcp::endpoint&) {
                if (error) {
                    return self->fail("The server cannot be reached", error);
                }
                beast::get_lowest_layer(self->ws).expires_never();
                // Commands go out when written, not after the server's delayed ACK.
                beast::error_code option_error;
                beast::get_lowest_layer(self->ws).socket().set_option(tcp::no_delay(true),
                                                                      option_error);
                self->ws.set_option(
                    websocket::stream_base::timeout::suggested(beast::role_type::client));
                self->ws.async_handshake(
                    self->link.server_.authority(), "/ws",
                    [self](beast::error_code handshake_error) {
                        if (handshake_error) {
                            return self->fail("The server refused the WebSocket", handshake_error);
                        }
                        self->open = true;
                        self->link.report(console::LinkOpened{});
                        self->read();
                        if (!self->outbox.empty()) {
                            self->write();
                        }
                    });
            });
    }

    void read() {
        ws.async_read(buffer, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) {
                const auto& closed = self->ws.reason();
                const auto reason = closed.reason;
                if (self->current()) {
                    self->link.report(console::LinkClosed{
                        reason.empty() ? "The server closed the connection." : std::string(reason),
                        closed.code == websocket::close_code::policy_error});
                    self->link.attempt_.reset();
                }
                return;
            }
            self->link.report(console::LinkMessage{beast::buffers_to_string(self->buffer.data())});
            self->buffer.consume(self->buffer.size());
            self->read();
        });
    }

    void enqueue(std::string text) {
        outbox.push_back(std::move(text));
        if (open && outbox.size() == 1) {
            write();
        }
    }

    void write() {
        ws.text(true);
        ws.async_write(asio::buffer(outbox.front()),
                       [self = shared_from_this()](beast::error_code error, std::size_t) {
                           if (error) {
                               return self->fail("Sending to the server failed", error);
                           }
                           self->outbox.pop_front();
                           if (!self->outbox.empty()) {
                               self->write();
                           }
                       });
    }
};

BeastLink::BeastLink(IoThread& io, ServerAddress server)
    : io_(io), server_(std::move(server)), inbox_(io) {}

void BeastLink::open() {
    asio::post(io_.context(), [this] {
        attempt_ = std::make_shared<Attempt>(*this, io_.context());
        attempt_->start();
    });
}

void BeastLink::send(std::string text) {
    asio::post(io_.context(), [this, text = std::move(text)]() mutable {
        if (attempt_) {
            attempt_->enqueue(std::move(text));
        }
    });
}

void BeastLink::close() {
    asio::post(io_.context(), [this] {
        if (attempt_ && attempt_->open) {
            attempt_->ws.async_close(websocket::close_code::normal, [](beast::error_code) {});
        }
    });
}

std::string BeastLink::describe() const {
    return "ws://" + server_.authority() + "/ws";
}

}  // namespace parley::shell
