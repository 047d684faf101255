// One WebSocket connection: the hello/welcome handshake, then messages both ways. One write in
// flight at a time on the session's strand; the send queue is bounded so a slow reader is
// disconnected with a reason instead of growing the server's memory.
#pragma once

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace parley::server {

class WsSession : public std::enable_shared_from_this<WsSession> {
public:
    explicit WsSession(boost::asio::ip::tcp::socket socket);

    void run(boost::beast::http::request<boost::beast::http::string_body> upgrade);
    void send(std::shared_ptr<const std::string> message);

private:
    void read_next();
    void on_message(std::string text);
    void write_next();
    void close_with(boost::beast::websocket::close_code code, std::string reason);

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    std::deque<std::shared_ptr<const std::string>> outbox_;
    std::function<void()> pending_close_;  // runs once the outbox has drained
    bool greeted_ = false;
    bool closing_ = false;
};

}  // namespace parley::server
