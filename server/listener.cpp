#include "server/listener.h"

#include "server/http_session.h"

#include <boost/asio/strand.hpp>
#include <iostream>

namespace parley::server {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

Listener::Listener(asio::io_context& io, const tcp::endpoint& endpoint,
                   std::shared_ptr<const StaticFiles> files)
    : io_(io), acceptor_(asio::make_strand(io)), files_(std::move(files)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
}

void Listener::run() { accept_next(); }

void Listener::accept_next() {
    acceptor_.async_accept(asio::make_strand(io_), [self = shared_from_this()](
                                                       boost::system::error_code error,
                                                       tcp::socket socket) {
        if (error == asio::error::operation_aborted) {
            return;
        }
        if (error) {
            // Running out of descriptors must not stop the server accepting once some free up.
            std::cerr << "parley-server: accept failed: " << error.message() << "\n";
        } else {
            std::make_shared<HttpSession>(std::move(socket), self->files_)->run();
        }
        self->accept_next();
    });
}

}  // namespace parley::server
