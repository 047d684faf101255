// The WebSocket layer that lets a burst leave in one socket write: messages the session says
// belong together leave in one write and arrive whole and in order, a message alone leaves at
// once, and a close never waits behind held bytes. (That a slow reader still backs up into the
// bounded send queue is Operations.AClientThatStopsReadingIsDisconnectedWithAReason.)
#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "server/coalescing_stream.h"

namespace parley::server::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;

// A server WebSocket over the layer, run on its own thread, and a plain client on loopback.
class CoalescedConnection {
public:
    CoalescedConnection() {
        tcp::acceptor acceptor(server_io_, {asio::ip::make_address("127.0.0.1"), 0});
        client_.next_layer().connect(acceptor.local_endpoint());
        server_.emplace(acceptor.accept(), WebSocketWrites{frames_, socket_writes_});
        // As the sessions do: one frame a message.
        server_->auto_fragment(false);
        std::promise<beast::error_code> accepted;
        server_->async_accept([&](beast::error_code error) { accepted.set_value(error); });
        thread_ = std::thread([this] { server_io_.run(); });
        client_.handshake("127.0.0.1", "/");
        EXPECT_FALSE(accepted.get_future().get());
        // The handshake's response went through the layer too.
        frames_before_ = frames_.value();
        socket_writes_before_ = socket_writes_.value();
    }

    ~CoalescedConnection() {
        server_io_.stop();
        thread_.join();
    }

    // Writes the messages one after the other on the server, as a session drains its queue:
    // each but the last says more follow when `together`, the last too when `more_after`.
    // Returns once the last has completed.
    void write(std::vector<std::string> messages, bool together, bool more_after = false) {
        std::promise<beast::error_code> written;
        asio::post(server_io_, [&] { write_from(messages, 0, together, more_after, written); });
        EXPECT_FALSE(written.get_future().get());
    }

    // A session always has a read waiting: it is what answers the client's close.
    void read_on_server() {
        asio::post(server_io_, [this] {
            server_->async_read(server_buffer_, [](beast::error_code, std::size_t) {});
        });
    }

    std::string read() {
        beast::flat_buffer buffer;
        client_.read(buffer);
        return beast::buffers_to_string(buffer.data());
    }

    websocket::stream<beast::tcp_stream>& client() { return client_; }
    std::uint64_t frames() const { return frames_.value() - frames_before_; }
    std::uint64_t socket_writes() const { return socket_writes_.value() - socket_writes_before_; }

private:
    void write_from(const std::vector<std::string>& messages, std::size_t index, bool together,
                    bool more_after, std::promise<beast::error_code>& written) {
        const bool last = index + 1 == messages.size();
        server_->next_layer().coalesce(last ? more_after : together);
        server_->async_write(
            asio::buffer(messages[index]),
            [&, index, together, more_after, last](beast::error_code error, std::size_t) {
                if (error || last) {
                    written.set_value(error);
                } else {
                    write_from(messages, index + 1, together, more_after, written);
                }
            });
    }

    metrics::Counter frames_;
    metrics::Counter socket_writes_;
    std::uint64_t frames_before_ = 0;
    std::uint64_t socket_writes_before_ = 0;
    beast::flat_buffer server_buffer_;
    asio::io_context server_io_;
    // The server thread waits for the test's next step between operations.
    asio::executor_work_guard<asio::io_context::executor_type> busy_{server_io_.get_executor()};
    std::optional<websocket::stream<CoalescingStream>> server_;
    asio::io_context client_io_;
    websocket::stream<beast::tcp_stream> client_{client_io_};
    std::thread thread_;
};

std::vector<std::string> numbered(int count, std::size_t size) {
    std::vector<std::string> messages;
    for (int i = 0; i < count; ++i) {
        std::string message = "message " + std::to_string(i) + " ";
        message.resize(size, 'x');
        messages.push_back(std::move(message));
    }
    return messages;
}

TEST(CoalescingStream, MessagesQueuedTogetherLeaveInOneSocketWrite) {
    CoalescedConnection connection;
    const std::vector<std::string> messages = numbered(40, 200);
    connection.write(messages, true);
    EXPECT_EQ(connection.frames(), 40u);
    EXPECT_EQ(connection.socket_writes(), 1u);
    for (const std::string& message : messages) {
        EXPECT_EQ(connection.read(), message);
    }
}

TEST(CoalescingStream, AMessageAloneLeavesAtOnce) {
    CoalescedConnection connection;
    connection.write({"first"}, false);
    EXPECT_EQ(connection.read(), "first");
    connection.write({"second"}, false);
    EXPECT_EQ(connection.read(), "second");
    EXPECT_EQ(connection.socket_writes(), 2u);
}

TEST(CoalescingStream, ABurstLargerThanTheHeldBytesLeavesInSeveralWrites) {
    CoalescedConnection connection;
    const std::size_t size = CoalescingStream::kHeldBytes / 4;
    const std::vector<std::string> messages = numbered(20, size);
    std::thread reader([&] {
        for (const std::string& message : messages) {
            EXPECT_EQ(connection.read(), message);
        }
    });
    connection.write(messages, true);
    reader.join();
    // Four messages fill the buffer; each write carries at least that much, never all 20.
    EXPECT_GT(connection.socket_writes(), 1u);
    EXPECT_LE(connection.socket_writes(), 20u / 4 + 1);
}

TEST(CoalescingStream, AClosingClientGetsWhatWasHeldAndTheCloseReply) {
    CoalescedConnection connection;
    connection.read_on_server();
    // The session said more follow, so this stays in the layer until something flushes it:
    // here the server's close reply and teardown.
    connection.write({"held back"}, true, true);
    EXPECT_EQ(connection.socket_writes(), 0u);
    beast::error_code error;
    connection.client().close(websocket::close_code::normal, error);
    EXPECT_FALSE(error) << error.message();
}

}  // namespace
}  // namespace parley::server::testing
