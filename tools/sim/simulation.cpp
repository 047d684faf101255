#include "sim/simulation.h"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/http/verb.hpp>
#include <random>

#include "sim/client/http_client.h"
#include "sim/floor_setup.h"

namespace parley::sim {
namespace {

using tcp = boost::asio::ip::tcp;

std::string run_tag() {
    std::random_device random;
    return std::to_string(random() % 100000000u) + std::to_string(random() % 100000000u);
}

}  // namespace

std::variant<ServerAddress, std::string> parse_server_url(const std::string& url) {
    std::string rest = url;
    if (rest.starts_with("https://")) {
        return "parley-sim speaks plain HTTP only; give an http:// URL (not '" + url + "').";
    }
    if (rest.starts_with("http://")) {
        rest = rest.substr(7);
    }
    rest = rest.substr(0, rest.find('/'));
    const auto colon = rest.rfind(':');
    ServerAddress address;
    if (colon == std::string::npos || rest.ends_with(']')) {
        address = {rest, "80"};
    } else {
        address = {rest.substr(0, colon), rest.substr(colon + 1)};
    }
    if (address.host.starts_with('[') && address.host.ends_with(']')) {
        address.host = address.host.substr(1, address.host.size() - 2);
    }
    if (address.host.empty() || address.port.empty() ||
        !std::all_of(address.port.begin(), address.port.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
        return "--server needs a URL such as http://127.0.0.1:8080, not '" + url + "'.";
    }
    return address;
}

Simulation::Simulation(SimOptions options, std::function<void(const std::string&)> log)
    : options_(std::move(options)),
      log_(std::move(log)),
      work_(boost::asio::make_work_guard(io_)),
      rng_(options_.seed) {}

Simulation::~Simulation() {
    stop();
}

std::variant<tcp::endpoint, std::string> resolve_server_url(boost::asio::io_context& io,
                                                            const std::string& url) {
    const auto address = parse_server_url(url);
    if (const auto* error = std::get_if<std::string>(&address)) {
        return *error;
    }
    const auto& [host, port] = std::get<ServerAddress>(address);
    tcp::resolver resolver(io);
    boost::system::error_code error;
    const auto found = resolver.resolve(host, port, error);
    if (error || found.empty()) {
        return "Cannot resolve " + host + ": " + error.message() + ".";
    }
    return found.begin()->endpoint();
}

std::optional<std::string> Simulation::start(std::chrono::seconds wait_for_server) {
    const auto resolved = resolve_server_url(io_, options_.server);
    if (const auto* error = std::get_if<std::string>(&resolved)) {
        return *error;
    }
    const tcp::endpoint server = std::get<tcp::endpoint>(resolved);
    thread_ = std::thread([this] { io_.run(); });

    const auto deadline = std::chrono::steady_clock::now() + wait_for_server;
    for (;;) {
        const auto health =
            client::run_http(io_, server, {{boost::beast::http::verb::get, "/healthz", "", ""}}, 1);
        if (health.front().status == 200) {
            break;
        }
        if (std::chrono::steady_clock::now() >= deadline) {
            return "No parley-server answered at " + options_.server + " (" +
                   (health.front().status ? std::to_string(health.front().status)
                                          : health.front().error) +
                   ").";
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }

    context_ = std::make_unique<SimContext>(
        SimContext{io_, server, options_, stats_, log_, run_tag(), server_gone_});
    std::vector<AgentAccount> accounts;
    std::vector<QueueInfo> queues;
    if (options_.agents > 0) {
        auto floor = set_up_floor(io_, server, options_);
        if (auto* failed = std::get_if<std::string>(&floor)) {
            return *failed;
        }
        accounts = std::move(std::get<Floor>(floor).agents);
        queues = std::move(std::get<Floor>(floor).queues);
    }
    for (const AgentAccount& account : accounts) {
        agent_ids_.push_back(account.id);
    }
    boost::asio::post(io_, [this, accounts = std::move(accounts), queues = std::move(queues)] {
        for (const AgentAccount& account : accounts) {
            std::vector<std::string> colleagues;
            for (const AgentAccount& other : accounts) {
                if (other.id != account.id) {
                    colleagues.push_back(other.id);
                }
            }
            agents_.push_back(std::make_shared<Agent>(*context_, account, std::move(colleagues),
                                                      queues, rng_.fork()));
            agents_.back()->start();
        }
        started_at_ = std::chrono::steady_clock::now();
        if (options_.customers_per_minute > 0) {
            arrive_after(options_.first_after_seconds);
        }
        context_->after_wall(options_.summary_every_seconds, [this] { summarise(); });
    });
    return std::nullopt;
}

void Simulation::stop() {
    if (stopped_ || !thread_.joinable()) {
        return;
    }
    stopped_ = true;
    boost::asio::post(io_, [this] {
        for (const auto& customer : customers_) {
            customer->stop();
        }
        for (const auto& agent : agents_) {
            agent->stop();
        }
    });
    // Lets the close frames go out; the server copes with whatever did not.
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    work_.reset();
    io_.stop();
    thread_.join();
}

std::vector<std::string> Simulation::agent_ids() const {
    return agent_ids_;
}

void Simulation::arrive_after(double seconds) {
    context_->after_wall(seconds, [this] { arrive(); });
}

void Simulation::arrive() {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at_).count();
    if ((options_.duration_seconds > 0 && elapsed >= options_.duration_seconds) || server_gone_) {
        return;
    }
    std::erase_if(customers_, [](const auto& customer) { return customer->finished(); });
    // Drawn whether or not they come in, so a full queue does not change who comes next.
    Persona persona = draw_persona(rng_, options_);
    Rng own = rng_.fork();
    const auto waiting = std::count_if(customers_.begin(), customers_.end(),
                                       [](const auto& customer) { return customer->waiting(); });
    if (options_.max_waiting == 0 || waiting < options_.max_waiting) {
        customers_.push_back(std::make_shared<Customer>(*context_, std::move(persona), own));
        customers_.back()->start();
    }
    arrive_after(arrival_gap(rng_, options_));
}

std::string Simulation::summary() const {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_at_).count();
    return summary_line(stats_.read(), {}, elapsed, options_.agents > 0);
}

void Simulation::summarise() {
    const StatsSnapshot now = stats_.read();
    log_(summary_line(now, last_summary_, options_.summary_every_seconds, options_.agents > 0));
    last_summary_ = now;
    context_->after_wall(options_.summary_every_seconds, [this] { summarise(); });
}

}  // namespace parley::sim
