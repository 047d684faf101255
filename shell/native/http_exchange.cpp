#include "http_exchange.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <memory>
#include <utility>

namespace parley::shell {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

// Each step (connect, send, receive) must finish within this, or the call fails.
constexpr auto kStepTimeout = std::chrono::seconds(30);
// Attachments and CSV exports arrive in one body; more than this is not a file of ours.
constexpr std::uint64_t kLargestReply = 256ull * 1024 * 1024;

// One request's sockets and buffers, kept alive by the handlers that use them.
struct Exchange : std::enable_shared_from_this<Exchange> {
    Exchange(asio::io_context& io, ServerAddress address, HttpDone on_done)
        : server(std::move(address)), resolver(io), stream(io), done(std::move(on_done)) {
        parser.body_limit(kLargestReply);
    }

    ServerAddress server;
    tcp::resolver resolver;
    beast::tcp_stream stream;
    http::request<http::string_body> request;
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    HttpDone done;

    void fail(const char* what, beast::error_code error) {
        done({0, std::string(what) + ": " + error.message() + ".", {}});
    }

    void start() {
        resolver.async_resolve(server.host, server.port,
                               [self = shared_from_this()](beast::error_code error,
                                                           tcp::resolver::results_type found) {
                                   if (error) {
                                       return self->fail("The server's name did not resolve",
                                                         error);
                                   }
                                   self->connect(found);
                               });
    }

    void connect(const tcp::resolver::results_type& found) {
        stream.expires_after(kStepTimeout);
        stream.async_connect(found, [self = shared_from_this()](beast::error_code error,
                                                                const tcp::endpoint&) {
            if (error) {
                return self->fail("The server cannot be reached", error);
            }
            self->stream.expires_after(kStepTimeout);
            http::async_write(
                self->stream, self->request, [self](beast::error_code write_error, std::size_t) {
                    if (write_error) {
                        return self->fail("Sending to the server failed", write_error);
                    }
                    self->receive();
                });
        });
    }

    void receive() {
        stream.expires_after(kStepTimeout);
        http::async_read(stream, buffer, parser,
                         [self = shared_from_this()](beast::error_code error, std::size_t) {
                             if (error) {
                                 return self->fail("The server's answer did not arrive", error);
                             }
                             auto& response = self->parser.get();
                             beast::error_code ignored;
                             self->stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
                             self->done({response.result_int(), std::move(response.body()),
                                         std::string(response[http::field::content_disposition])});
                         });
    }
};

}  // namespace

void start_http_exchange(asio::io_context& io, const ServerAddress& server, HttpRequest request,
                         HttpDone done) {
    auto exchange = std::make_shared<Exchange>(io, server, std::move(done));
    auto& message = exchange->request;
    message.version(11);
    message.method(request.verb);
    message.target(request.target);
    message.set(http::field::host, server.authority());
    if (!request.body.empty()) {
        message.set(http::field::content_type, request.content_type);
    }
    if (request.token) {
        message.set(http::field::authorization, "Bearer " + *request.token);
    }
    if (request.file_name) {
        message.set("X-File-Name", *request.file_name);
    }
    message.body() = std::move(request.body);
    message.prepare_payload();
    asio::post(io, [exchange] { exchange->start(); });
}

}  // namespace parley::shell
