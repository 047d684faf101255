// HTTP requests to a parley-server as any client sends them: the REST set-up of the load
// generator (many requests over a few keep-alive connections, waited for) and the simulated
// customers' and agents' single requests (answered through a callback on the io_context).
// Boost.Beast/Asio only; never the server's or the core's code.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/verb.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace parley::client {

using tcp = boost::asio::ip::tcp;

struct HttpJob {
    boost::beast::http::verb method = boost::beast::http::verb::get;
    std::string target;
    std::string body;    // JSON; empty for none
    std::string bearer;  // a token for the Authorization header; empty for none
};

struct HttpResult {
    unsigned status = 0;  // 0 when no answer came
    std::string body;
    std::string error;  // the transport error when there was no answer
};

// Sends every job over `connections` keep-alive connections and blocks until each has an
// answer; results are in job order. The io_context must be running on other threads.
std::vector<HttpResult> run_http(boost::asio::io_context& io, const tcp::endpoint& server,
                                 std::vector<HttpJob> jobs, std::size_t connections);

// Sends one job and calls `answered` on the io_context with its result.
void async_http(boost::asio::io_context& io, const tcp::endpoint& server, HttpJob job,
                std::function<void(HttpResult)> answered);

}  // namespace parley::client
