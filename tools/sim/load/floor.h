// A measured support floor set up on a live server, as its staff and customers would: the
// admin creates agents in one queue over REST, they sign in, connect and go online; customers
// start chats over REST and connect with their chat tokens; each agent accepts their share.
// The steps are separate so a caller can read the server between them (memory before the
// first WebSocket and after the last).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "load_generator.h"

namespace parley::load {

struct FloorSpec {
    std::string admin_id = "admin";
    std::string admin_password = "admin-demo";
    std::string queue = "General";
    std::string agent_prefix = "load-agent";  // agent ids are the prefix and -NNN
    std::string agent_password;
    std::size_t agents = 0;
    std::size_t customers = 0;
    int capacity = 100;
    std::size_t accept_window = 4;
    // Chats started and WebSockets opened per step.
    std::size_t connect_batch = 500;
    // Requests per second the set-up keeps under, so a server's per-address limit does not
    // refuse it (0: no pacing); refused requests (429) are tried again a second later anyway.
    double requests_per_second = 0;
    std::chrono::seconds stall{120};
};

class Floor {
public:
    // `say` gets a line per finished step, for a person watching.
    Floor(LoadGenerator& generator, tcp::endpoint server, FloorSpec spec,
          std::function<void(const std::string&)> say);

    // Each returns why it failed, or nothing.
    std::optional<std::string> sign_in_admin();
    std::optional<std::string> create_agents();
    std::optional<std::string> connect_agents();
    std::optional<std::string> connect_customers();
    std::optional<std::string> accept_chats();

    const std::vector<std::string>& agent_ids() const { return agent_ids_; }
    std::uint64_t accepts_refused() const { return accepts_refused_; }
    // After sign_in_admin(): also what reads the server's /metrics.
    const std::string& admin_token() const { return admin_token_; }

private:
    // Every job answered; those refused with 429 are sent again after a second.
    std::vector<HttpResult> send(std::vector<HttpJob> jobs, std::size_t connections);
    void keep_pace(std::size_t requests, std::chrono::steady_clock::time_point since) const;

    LoadGenerator& generator_;
    tcp::endpoint server_;
    FloorSpec spec_;
    std::function<void(const std::string&)> say_;
    std::string admin_token_;
    std::int64_t queue_ = 0;
    std::vector<std::string> agent_ids_;
    std::vector<std::string> agent_tokens_;
    std::vector<std::vector<std::string>> to_accept_;
    std::uint64_t accepts_refused_ = 0;
};

// The first answer that is not `status`, as a sentence; empty when all are.
std::string first_failure(const std::vector<HttpResult>& results, unsigned status);

}  // namespace parley::load
