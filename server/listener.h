// Accepts TCP connections and hands each to an HttpSession on its own strand, with a slot in
// its address's share of connections (or none, and the session refuses).
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <memory>

#include "server/address_slots.h"
#include "server/rest/api.h"
#include "server/services.h"

namespace parley::server {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    Listener(boost::asio::io_context& io, const boost::asio::ip::tcp::endpoint& endpoint,
             Services& services, RestApi& api);
    void run();
    // Stops accepting; connections already open go on.
    void stop();
    boost::asio::ip::tcp::endpoint local_endpoint() const { return endpoint_; }

private:
    void accept_next();

    boost::asio::io_context& io_;
    boost::asio::ip::tcp::acceptor acceptor_;
    boost::asio::steady_timer retry_;
    boost::asio::ip::tcp::endpoint endpoint_;
    Services& services_;
    RestApi& api_;
    std::shared_ptr<AddressSlots> slots_;
};

}  // namespace parley::server
