#include "server/listener.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>

#include "server/base/log.h"
#include "server/http_session.h"

namespace parley::server {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context& io, const tcp::endpoint& endpoint, Services& services,
                   RestApi& api)
    : io_(io),
      acceptor_(asio::make_strand(io)),
      retry_(acceptor_.get_executor()),
      services_(services),
      api_(api),
      slots_(std::make_shared<AddressSlots>(services.config.connections_per_address)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    endpoint_ = acceptor_.local_endpoint();
}

void Listener::run() {
    accept_next();
}

void Listener::stop() {
    asio::post(acceptor_.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->retry_.cancel();
        self->acceptor_.close(ignored);
    });
}

void Listener::accept_next() {
    acceptor_.async_accept(
        asio::make_strand(io_),
        [self = shared_from_this()](boost::system::error_code error, tcp::socket socket) {
            if (error == asio::error::operation_aborted || !self->acceptor_.is_open()) {
                return;
            }
            if (error) {
                // Out of descriptors: wait for some to free up instead of spinning, then go on.
                log_warning("accept failed: " + error.message());
                self->retry_.expires_after(std::chrono::milliseconds(100));
                self->retry_.async_wait([self](boost::system::error_code wait_error) {
                    if (!wait_error) {
                        self->accept_next();
                    }
                });
                return;
            }
            // An event and the ack behind it go out at once instead of waiting for the client's
            // delayed ACK (Nagle): ~40 ms a command otherwise. A socket already reset fails here
            // and again, reported, on its first read.
            boost::system::error_code option_error;
            socket.set_option(tcp::no_delay(true), option_error);
            boost::system::error_code remote_error;
            const auto remote = socket.remote_endpoint(remote_error);
            std::string client_ip = remote_error ? "unknown" : remote.address().to_string();
            auto slot = self->slots_->take(client_ip);
            std::make_shared<HttpSession>(std::move(socket), self->services_, self->api_,
                                          std::move(client_ip), std::move(slot))
                ->run();
            self->accept_next();
        });
}

}  // namespace parley::server
