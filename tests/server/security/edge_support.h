// Raw connections for the edge tests: what an attacker's script does with a socket (headers
// without their body, upgrades that never say hello, many sockets from one address), which
// the well-behaved clients of test_server.h never do. Reads wait for a state with a deadline.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace parley::server::testing {

using RawResponse = boost::beast::http::response<boost::beast::http::string_body>;

// One TCP connection from `source` (any 127.x.y.z is this machine) on a shared io_context.
class RawClient {
public:
    RawClient(boost::asio::io_context& io, unsigned short port,
              const std::string& source = "127.0.0.1");
    // Writes everything (blocking); false when the server has closed or reset.
    bool send(const std::string& bytes);
    // Starts reading one response; `answered()` tells when it is complete.
    void read_response();
    bool answered() const { return response_.has_value() || failed_; }
    // The response read, or nothing when the connection ended without one.
    const std::optional<RawResponse>& response() const { return response_; }
    void close();

private:
    boost::beast::tcp_stream stream_;
    boost::beast::flat_buffer buffer_;
    std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser_;
    std::optional<RawResponse> response_;
    bool failed_ = false;
};

// Runs `io` until `done()` or the deadline; true when done.
template <class Done>
bool run_until(boost::asio::io_context& io, Done done,
               std::chrono::milliseconds deadline = std::chrono::seconds(20)) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done() && std::chrono::steady_clock::now() < until) {
        io.restart();
        io.run_for(std::chrono::milliseconds(20));
    }
    return done();
}

// Runs `io` until every client has its answer or the connection ended; true when all have.
bool run_until_all_answered(boost::asio::io_context& io,
                            const std::vector<std::unique_ptr<RawClient>>& clients);

// The request line and headers of an upgrade to /ws, as a browser sends them.
std::string upgrade_request(unsigned short port);

}  // namespace parley::server::testing
