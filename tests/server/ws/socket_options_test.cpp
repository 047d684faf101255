// Every socket the server accepts sends small frames at once (TCP_NODELAY): an event and the
// ack behind it must not wait for the client's delayed ACK (~40 ms a command on Linux). The
// server runs in this process, so its accepted sockets are among this process's descriptors.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <boost/asio/connect.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

// The port a descriptor's socket is bound to locally, or 0 when it is no TCP socket.
int local_port(int fd) {
    sockaddr_storage address{};
    socklen_t size = sizeof(address);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) != 0) {
        return 0;
    }
    if (address.ss_family == AF_INET) {
        return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
    }
    if (address.ss_family == AF_INET6) {
        return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    }
    return 0;
}

bool connected(int fd) {
    sockaddr_storage address{};
    socklen_t size = sizeof(address);
    return getpeername(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0;
}

// The server's side of each open connection: connected sockets bound to the server's port.
std::vector<int> accepted_sockets(unsigned short port) {
    std::vector<int> found;
    for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
        const int fd = std::stoi(entry.path().filename().string());
        if (local_port(fd) == port && connected(fd)) {
            found.push_back(fd);
        }
    }
    return found;
}

// Waits until the server has accepted `count` connections (it accepts on its own threads).
std::vector<int> wait_for_accepted(unsigned short port, std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    std::vector<int> found = accepted_sockets(port);
    while (found.size() < count && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::yield();
        found = accepted_sockets(port);
    }
    return found;
}

bool no_delay(int fd) {
    int value = 0;
    socklen_t size = sizeof(value);
    EXPECT_EQ(getsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &value, &size), 0);
    return value != 0;
}

TEST(SocketOptions, EveryAcceptedConnectionSendsWithoutDelay) {
    TestServer server;
    // A WebSocket (accepted as HTTP, then upgraded on the same socket) and a bare HTTP
    // connection that has not sent a byte yet.
    WsClient socket_client(server.port());
    ASSERT_EQ(socket_client.hello(sign_in(server.port(), "maria", "maria-demo"))["type"],
              "welcome");
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket http_client(io);
    http_client.connect({boost::asio::ip::make_address("127.0.0.1"), server.port()});

    const std::vector<int> accepted = wait_for_accepted(server.port(), 2);
    ASSERT_EQ(accepted.size(), 2u);
    for (const int fd : accepted) {
        EXPECT_TRUE(no_delay(fd)) << "descriptor " << fd;
    }
}

}  // namespace
}  // namespace parley::server::testing
