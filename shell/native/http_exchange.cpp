#include "http_exchange.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>

namespace parley::shell {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

HttpReply http_exchange(const std::string& host, const std::string& port, http::verb verb,
                        const std::string& target, const std::optional<std::string>& token,
                        const std::string& body) {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(std::chrono::seconds(10));
    stream.connect(resolver.resolve(host, port));
    http::request<http::string_body> request(verb, target, 11);
    request.set(http::field::host, host + ":" + port);
    if (!body.empty()) {
        request.set(http::field::content_type, "application/json");
    }
    if (token) {
        request.set(http::field::authorization, "Bearer " + *token);
    }
    request.body() = body;
    request.prepare_payload();
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::response<http::string_body> response;
    http::read(stream, buffer, response);
    beast::error_code ignored;
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    return {response.result_int(), std::move(response.body())};
}

}  // namespace parley::shell
