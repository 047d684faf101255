// parley-server over real sockets on loopback: HTTP answers and the WebSocket handshake.
#include "protocol/handshake.h"
#include "server/listener.h"

#include <boost/asio/connect.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <gtest/gtest.h>

#include <fstream>
#include <thread>

namespace parley::server {
namespace {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

class ServerSocketTest : public ::testing::Test {
protected:
    void SetUp() override {
        web_root = std::filesystem::temp_directory_path() /
                   ("parley-web-" + std::string(::testing::UnitTest::GetInstance()
                                                    ->current_test_info()
                                                    ->name()));
        std::filesystem::create_directories(web_root);
        std::ofstream(web_root / "index.html") << "<title>Parley</title>";
        std::ofstream(web_root / "parley.wasm", std::ios::binary) << std::string("\0asm", 4);
        listener = std::make_shared<Listener>(
            io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0),
            std::make_shared<const StaticFiles>(web_root));
        listener->run();
        port = listener->local_endpoint().port();
        thread = std::thread([this] { io.run(); });
    }

    void TearDown() override {
        io.stop();
        thread.join();
        std::filesystem::remove_all(web_root);
    }

    http::response<http::string_body> request(http::verb verb, const std::string& target,
                                              const std::string& if_none_match = {}) {
        asio::io_context client_io;
        beast::tcp_stream stream(client_io);
        stream.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
        http::request<http::empty_body> req{verb, target, 11};
        req.set(http::field::host, "127.0.0.1");
        if (!if_none_match.empty()) {
            req.set(http::field::if_none_match, if_none_match);
        }
        http::write(stream, req);
        beast::flat_buffer buffer;
        http::response_parser<http::string_body> parser;
        parser.skip(verb == http::verb::head);
        http::read(stream, buffer, parser);
        return parser.release();
    }

    std::unique_ptr<websocket::stream<tcp::socket>> open_socket(asio::io_context& client_io) {
        auto ws = std::make_unique<websocket::stream<tcp::socket>>(client_io);
        ws->next_layer().connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
        ws->handshake("127.0.0.1", "/ws");
        return ws;
    }

    static std::string exchange(websocket::stream<tcp::socket>& ws, const std::string& text) {
        ws.write(asio::buffer(text));
        beast::flat_buffer buffer;
        ws.read(buffer);
        return beast::buffers_to_string(buffer.data());
    }

    asio::io_context io{1};
    std::filesystem::path web_root;
    std::shared_ptr<Listener> listener;
    std::uint16_t port = 0;
    std::thread thread;
};

TEST_F(ServerSocketTest, HealthzAnswersOkWithJson) {
    const auto response = request(http::verb::get, "/healthz");
    EXPECT_EQ(response.result(), http::status::ok);
    EXPECT_EQ(response[http::field::content_type], "application/json");
    EXPECT_NE(response.body().find("\"status\":\"ok\""), std::string::npos);
    EXPECT_NE(response.body().find("\"protocol_version\":1"), std::string::npos);
}

TEST_F(ServerSocketTest, ServesTheConsoleWithCorrectTypesAndRevalidation) {
    const auto index = request(http::verb::get, "/");
    EXPECT_EQ(index.result(), http::status::ok);
    EXPECT_EQ(index.body(), "<title>Parley</title>");
    const auto wasm = request(http::verb::get, "/parley.wasm");
    EXPECT_EQ(wasm[http::field::content_type], "application/wasm");
    EXPECT_EQ(wasm[http::field::cache_control], "no-cache");
    const std::string etag(wasm[http::field::etag]);
    ASSERT_FALSE(etag.empty());
    EXPECT_EQ(request(http::verb::get, "/parley.wasm", etag).result(),
              http::status::not_modified);
    const auto head = request(http::verb::head, "/parley.wasm");
    EXPECT_EQ(head.result(), http::status::ok);
    EXPECT_EQ(head[http::field::content_length], "4");
}

TEST_F(ServerSocketTest, RefusesWhatItDoesNotServe) {
    const auto missing = request(http::verb::get, "/../../etc/passwd");
    EXPECT_EQ(missing.result(), http::status::not_found);
    EXPECT_NE(missing.body().find("\"code\":\"not_found\""), std::string::npos);
    EXPECT_EQ(request(http::verb::post, "/healthz").result(), http::status::method_not_allowed);
}

TEST_F(ServerSocketTest, WebSocketHelloIsWelcomed) {
    asio::io_context client_io;
    auto ws = open_socket(client_io);
    const auto reply = protocol::decode_handshake_reply(
        exchange(*ws, protocol::encode_hello({protocol::kProtocolVersion, "test"})));
    ASSERT_TRUE(reply);
    const auto* welcome = std::get_if<protocol::Welcome>(&reply.value());
    ASSERT_NE(welcome, nullptr);
    EXPECT_EQ(welcome->protocol_version, protocol::kProtocolVersion);
    EXPECT_FALSE(welcome->server_version.empty());
}

TEST_F(ServerSocketTest, WrongProtocolVersionIsRefusedAndClosed) {
    asio::io_context client_io;
    auto ws = open_socket(client_io);
    const auto reply = protocol::decode_handshake_reply(
        exchange(*ws, protocol::encode_hello({protocol::kProtocolVersion + 1, "future"})));
    ASSERT_TRUE(reply);
    const auto& error = std::get<protocol::WireError>(reply.value());
    EXPECT_EQ(error.code, "protocol_mismatch");
    beast::flat_buffer buffer;
    beast::error_code closed;
    ws->read(buffer, closed);
    EXPECT_EQ(closed, websocket::error::closed);
    EXPECT_EQ(ws->reason().code, websocket::close_code::policy_error);
}

TEST_F(ServerSocketTest, GarbageBeforeHelloIsAnErrorNotACrash) {
    asio::io_context client_io;
    auto ws = open_socket(client_io);
    const auto reply = protocol::decode_handshake_reply(exchange(*ws, "{not json"));
    ASSERT_TRUE(reply);
    EXPECT_EQ(std::get<protocol::WireError>(reply.value()).code, "malformed_json");
    EXPECT_EQ(request(http::verb::get, "/healthz").result(), http::status::ok);
}

}  // namespace
}  // namespace parley::server
