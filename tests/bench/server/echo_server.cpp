// echo_ceiling_server: the bare ceiling server_bench compares Parley with. It keeps Parley's
// network stack — an io_context with one thread per core, a strand per connection, the Beast
// HTTP upgrade into websocket::stream<tcp_stream> with the same options, the received text
// copied into a shared string, one write in flight and a queue behind it — and drops
// everything else: no core, no store, no authentication. Each text message goes back to its
// sender. Depends on Boost.Beast/Asio only; never on Parley's code, so it stays a ceiling.
#include <sys/resource.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace parley::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

// Parley's limits (server/ws_session.cpp), so both servers do the same checks per message.
constexpr std::size_t kMaxMessageBytes = 1 << 20;
constexpr std::size_t kMaxQueuedMessages = 8192;

class EchoSession : public std::enable_shared_from_this<EchoSession> {
public:
    explicit EchoSession(tcp::socket socket) : ws_(std::move(socket)) {}

    void run(http::request<http::string_body> upgrade) {
        auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
        timeouts.idle_timeout = std::chrono::seconds(60);
        timeouts.keep_alive_pings = true;
        ws_.set_option(timeouts);
        ws_.read_message_max(kMaxMessageBytes);
        auto request = std::make_shared<http::request<http::string_body>>(std::move(upgrade));
        ws_.async_accept(*request, [self = shared_from_this(), request](beast::error_code error) {
            if (!error) {
                self->read_next();
            }
        });
    }

private:
    void read_next() {
        ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code error, std::size_t) {
            if (error) {
                return;
            }
            auto text =
                std::make_shared<const std::string>(beast::buffers_to_string(self->buffer_.data()));
            self->buffer_.consume(self->buffer_.size());
            self->send(std::move(text));
            self->read_next();
        });
    }

    void send(std::shared_ptr<const std::string> text) {
        if (outbox_.size() >= kMaxQueuedMessages) {
            ws_.async_close(websocket::close_code::policy_error,
                            [self = shared_from_this()](beast::error_code) {});
            return;
        }
        outbox_.push_back(std::move(text));
        if (outbox_.size() == 1) {
            write_next();
        }
    }

    void write_next() {
        ws_.text(true);
        ws_.async_write(asio::buffer(*outbox_.front()),
                        [self = shared_from_this()](beast::error_code error, std::size_t) {
                            if (error) {
                                self->outbox_.clear();
                                return;
                            }
                            self->outbox_.pop_front();
                            if (!self->outbox_.empty()) {
                                self->write_next();
                            }
                        });
    }

    websocket::stream<beast::tcp_stream> ws_;
    beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<const std::string>> outbox_;
};

// Reads the upgrade request; anything else gets a 404 and the connection closes.
class UpgradeSession : public std::enable_shared_from_this<UpgradeSession> {
public:
    explicit UpgradeSession(tcp::socket socket) : stream_(std::move(socket)) {}

    void run() {
        stream_.expires_after(std::chrono::seconds(30));
        http::async_read(stream_, buffer_, request_,
                         [self = shared_from_this()](beast::error_code error, std::size_t) {
                             self->on_request(error);
                         });
    }

private:
    void on_request(beast::error_code error) {
        if (error) {
            return;
        }
        if (websocket::is_upgrade(request_) && request_.target() == "/ws") {
            stream_.expires_never();
            std::make_shared<EchoSession>(stream_.release_socket())->run(std::move(request_));
            return;
        }
        auto response = std::make_shared<http::response<http::string_body>>(http::status::not_found,
                                                                            request_.version());
        response->body() = "WebSocket only, at /ws\n";
        response->keep_alive(false);
        response->prepare_payload();
        http::async_write(stream_, *response,
                          [self = shared_from_this(), response](beast::error_code, std::size_t) {
                              beast::error_code ignored;
                              self->stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
                          });
    }

    beast::tcp_stream stream_;
    beast::flat_buffer buffer_;
    http::request<http::string_body> request_;
};

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(asio::io_context& io, const tcp::endpoint& endpoint)
        : io_(io), acceptor_(asio::make_strand(io)) {
        acceptor_.open(endpoint.protocol());
        acceptor_.set_option(asio::socket_base::reuse_address(true));
        acceptor_.bind(endpoint);
        acceptor_.listen(asio::socket_base::max_listen_connections);
    }

    tcp::endpoint endpoint() const { return acceptor_.local_endpoint(); }

    void accept_next() {
        acceptor_.async_accept(
            asio::make_strand(io_),
            [self = shared_from_this()](beast::error_code error, tcp::socket socket) {
                if (error == asio::error::operation_aborted) {
                    return;
                }
                if (!error) {
                    std::make_shared<UpgradeSession>(std::move(socket))->run();
                }
                self->accept_next();
            });
    }

private:
    asio::io_context& io_;
    tcp::acceptor acceptor_;
};

void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

int usage() {
    std::cerr << "usage: echo_ceiling_server [--listen ADDRESS:PORT] [--threads N]\n"
                 "  --listen   where to listen (default 127.0.0.1:0, any free port)\n"
                 "  --threads  I/O threads (default 0: one per core)\n";
    return 2;
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
    using namespace parley::bench;
    std::string listen = "127.0.0.1:0";
    unsigned threads = 0;
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            return usage();
        }
        const std::string value = argv[++i];
        if (flag == "--listen") {
            listen = value;
        } else if (flag == "--threads") {
            threads = static_cast<unsigned>(std::stoul(value));
        } else {
            return usage();
        }
    }
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) {
        return usage();
    }
    raise_descriptor_limit();
    if (threads == 0) {
        threads = std::max(1u, std::thread::hardware_concurrency());
    }

    boost::asio::io_context io;
    std::shared_ptr<Listener> listener;
    try {
        const auto address = boost::asio::ip::make_address(listen.substr(0, colon));
        const auto port = static_cast<unsigned short>(std::stoul(listen.substr(colon + 1)));
        listener = std::make_shared<Listener>(io, tcp::endpoint(address, port));
    } catch (const std::exception& error) {
        std::cerr << "echo_ceiling_server: cannot listen on " << listen << ": " << error.what()
                  << "\n";
        return 1;
    }
    listener->accept_next();
    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&io](boost::system::error_code, int) { io.stop(); });

    const auto endpoint = listener->endpoint();
    std::cout << "echo_ceiling_server listening on http://" << endpoint.address().to_string() << ":"
              << endpoint.port() << " (" << threads << " threads)" << std::endl;
    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) {
        pool.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (std::thread& thread : pool) {
        thread.join();
    }
    return 0;
}
