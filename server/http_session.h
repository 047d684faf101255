// One HTTP/1.1 connection: reads requests with size limits and a timeout, answers them in
// order (REST, metrics, health, static files), and hands the socket to a WsSession when the
// client upgrades at /ws from an allowed origin.
#pragma once

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <optional>
#include <string>

#include "server/rest/api.h"
#include "server/services.h"

namespace parley::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket socket, Services& services, RestApi& api);

    void run();

private:
    void read_header();
    void on_header(boost::beast::error_code error);
    void on_body(boost::beast::error_code error);
    void upgrade();
    template <class Body>
    void send(boost::beast::http::response<Body> response);
    void on_write(bool keep_alive, boost::beast::error_code error);
    void close();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    Services& services_;
    RestApi& api_;
    std::string client_ip_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<void> response_;  // kept alive until its write completes
};

}  // namespace parley::server
