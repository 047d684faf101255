#include "edge_support.h"

namespace parley::server::testing {
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

RawClient::RawClient(boost::asio::io_context& io, unsigned short port, const std::string& source)
    : stream_(io) {
    tcp::socket& socket = stream_.socket();
    socket.open(tcp::v4());
    socket.bind(tcp::endpoint(boost::asio::ip::make_address(source), 0));
    socket.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
}

bool RawClient::send(const std::string& bytes) {
    beast::error_code error;
    boost::asio::write(stream_.socket(), boost::asio::buffer(bytes), error);
    return !error;
}

void RawClient::read_response() {
    parser_.emplace();
    parser_->body_limit(1 << 20);
    http::async_read(stream_, buffer_, *parser_, [this](beast::error_code error, std::size_t) {
        if (error) {
            failed_ = true;
        } else {
            response_ = parser_->release();
        }
    });
}

void RawClient::close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
}

bool run_until_all_answered(boost::asio::io_context& io,
                            const std::vector<std::unique_ptr<RawClient>>& clients) {
    return run_until(io, [&] {
        for (const auto& client : clients) {
            if (!client->answered()) {
                return false;
            }
        }
        return true;
    });
}

std::string upgrade_request(unsigned short port) {
    return "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
           "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

}  // namespace parley::server::testing
