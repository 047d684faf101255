// Accepts TCP connections and hands each to an HttpSession on its own strand.
#pragma once

#include "server/static_files.h"

#include <boost/asio/ip/tcp.hpp>
#include <memory>

namespace parley::server {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             std::shared_ptr<const StaticFiles> files);

    void run();
    boost::asio::ip::tcp::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }

private:
    void accept_next();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::shared_ptr<const StaticFiles> files_;
};

}  // namespace parley::server
