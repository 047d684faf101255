// One client WebSocket to a parley-server's /ws: connect and handshake, one write in flight
// with a queue behind it (whose strings are reused, so steady sending does not allocate),
// and a read loop handing each text message to its owner. It knows nothing of the protocol:
// the load generator and the simulated customers and agents speak it on top.
// Boost.Beast/Asio only.
#pragma once

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parley::client {

using tcp = boost::asio::ip::tcp;

class WsConnection : public std::enable_shared_from_this<WsConnection> {
public:
    // Every handler runs on the connection's executor. The owner holds the connection, so
    // handlers capture their owner weakly.
    struct Handlers {
        // The handshake succeeded: the owner says hello.
        std::function<void()> opened;
        // One whole text message; the view is valid only during the call.
        std::function<void(std::string_view)> message;
        // The connection never opened (connect or handshake failed), with the reason.
        std::function<void(const std::string&)> failed;
        // An open connection ended, with the reason and the peer's close code if any.
        std::function<void(const std::string&)> lost;
    };

    WsConnection(boost::asio::any_io_executor executor, tcp::endpoint server,
                 std::uint64_t max_message_bytes, Handlers handlers);

    void start();
    // A cleared string queued last; fill it, then flush().
    std::string& next_slot();
    void flush();
    void send(std::string_view text);
    // Closes politely; `lost` follows.
    void close();

    bool is_open() const { return open_; }
    // The close code the server sent (1001: it is shutting down), or 0.
    int close_code() const;
    boost::asio::any_io_executor executor() { return ws_.get_executor(); }

private:
    void on_connect(boost::beast::error_code error);
    void on_handshake(boost::beast::error_code error);
    void fail(const std::string& why);
    void read_next();
    void on_read(boost::beast::error_code error);
    void on_lost(boost::beast::error_code error);
    void write_next();
    void on_written(boost::beast::error_code error);

    tcp::endpoint server_;
    std::string host_;
    std::uint64_t max_message_bytes_;
    Handlers handlers_;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    boost::beast::flat_buffer buffer_;
    std::deque<std::string> outbox_;
    std::vector<std::string> spare_;
    bool writing_ = false;
    bool open_ = false;
    bool ended_ = false;
};

}  // namespace parley::client
