// One HTTP/1.1 connection: reads requests with a size limit and a timeout, answers them in
// order, and hands the socket to a WsSession when the client upgrades at /ws.
#pragma once

#include "server/static_files.h"

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <memory>
#include <optional>

namespace parley::server {

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    HttpSession(boost::asio::ip::tcp::socket socket, std::shared_ptr<const StaticFiles> files);

    void run();

private:
    void read_request();
    void on_read(boost::beast::error_code error);
    void on_write(bool keep_alive, boost::beast::error_code error);
    void close();

    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::shared_ptr<const StaticFiles> files_;
    std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
    std::shared_ptr<void> response_;  // kept alive until its write completes
};

}  // namespace parley::server
