// Before simulated agents can work: an admin signs in over REST, the queues are read, and each
// simulated agent gets an account (created through the admin API, or its password reset when
// an earlier run created it) in every queue, then signs in for a bearer token.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <string>
#include <variant>
#include <vector>

#include "sim/agent.h"
#include "sim/options.h"

namespace parley::sim {

struct Floor {
    std::vector<QueueInfo> queues;
    std::vector<AgentAccount> agents;
};

// Blocks; the io_context must be running on another thread. An error is one sentence.
std::variant<Floor, std::string> set_up_floor(boost::asio::io_context& io,
                                              const boost::asio::ip::tcp::endpoint& server,
                                              const SimOptions& options);

}  // namespace parley::sim
