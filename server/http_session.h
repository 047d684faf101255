// One HTTP/1.1 connection: reads requests with size limits and a timeout, answers them in
// order (REST, metrics, health, static files), and hands the socket to a WsSession when the
// client upgrades at /ws from an allowed origin. A request's headers are judged (Host, route,
// credential) before its body is read; a refused body is drained, bounded, never held.
#pragma once

#include <array>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <optional>
#include <string>

#include "server/address_slots.h"
#include "server/rest/api.h"
#include "server/services.h"

namespace parley::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    // Without a slot the client's address holds its share of connections: the session only
    // says so and closes.
    HttpSession(boost::asio::ip::tcp::socket socket, Services& services, RestApi& api,
                std::string client_ip, std::optional<AddressSlot> slot);

    void run();

private:
    void read_header();
    void on_header(boost::beast::error_code error);
    // Whether the request (its headers) names this server; answers 421 itself when not.
    bool host_checked();
    // A response sent before the body was read ends the connection: the body is not ours.
    void refuse(HttpResponse response);
    void refuse_busy();
    void on_body(boost::beast::error_code error);
    void upgrade();
    template <class Body>
    void send(boost::beast::http::response<Body> response);
    void on_write(bool keep_alive, boost::beast::error_code error);
    void close();
    // After the answer to a request whose body was left unread: reads and drops what the
    // client still sends, bounded in bytes and time, so closing does not reset the connection
    // and lose the answer.
    void drain(std::shared_ptr<std::array<char, 4096>> sink, std::size_t dropped);

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    Services& services_;
    RestApi& api_;
    std::string client_ip_;
    std::string local_address_;
    unsigned short local_port_ = 0;
    std::optional<AddressSlot> slot_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::optional<Admission> admission_;
    std::shared_ptr<void> response_;  // kept alive until its write completes
};

}  // namespace parley::server
