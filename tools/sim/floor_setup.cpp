#include "sim/floor_setup.h"

#include <boost/beast/http/verb.hpp>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

#include "sim/client/http_client.h"

namespace parley::sim {
namespace {

using verb = boost::beast::http::verb;

struct Person {
    const char* id;
    const char* name;
};

constexpr Person kAgents[] = {
    {"sim-lena", "Lena Novak"},    {"sim-omar", "Omar Haddad"}, {"sim-priya", "Priya Shah"},
    {"sim-tomas", "Tomás Silva"},  {"sim-yuki", "Yuki Tanaka"}, {"sim-noor", "Noor Aziz"},
    {"sim-pavel", "Pavel Orlov"},  {"sim-grace", "Grace Kim"},  {"sim-jonas", "Jonas Berg"},
    {"sim-amara", "Amara Okafor"},
};

// A fresh secret each run: the accounts are the sim's, and nobody needs to know it.
std::string fresh_password() {
    std::random_device random;
    std::string password = "sim-";
    for (int i = 0; i < 4; ++i) {
        password += std::to_string(random());
    }
    return password;
}

std::string failure(const std::string& what, const client::HttpResult& result) {
    return what + " failed: " +
           (result.status == 0 ? result.error : std::to_string(result.status) + " " + result.body);
}

}  // namespace

std::variant<Floor, std::string> set_up_floor(boost::asio::io_context& io,
                                              const boost::asio::ip::tcp::endpoint& server,
                                              const SimOptions& options) {
    const auto one = [&](verb method, std::string target, std::string body, std::string token) {
        return client::run_http(io, server,
                                {{method, std::move(target), std::move(body), std::move(token)}}, 1)
            .front();
    };
    const auto sign_in = [&](const std::string& id, const std::string& password) {
        return one(verb::post, "/api/session",
                   nlohmann::json{{"agent", id}, {"password", password}, {"bearer", true}}.dump(),
                   "");
    };
    const auto admin = sign_in(options.admin, options.admin_password);
    const auto admin_answer = nlohmann::json::parse(admin.body, nullptr, false);
    if (admin.status != 200 || !admin_answer.contains("token")) {
        return failure("Signing in as admin '" + options.admin + "' (see --admin)", admin);
    }
    const std::string admin_token = admin_answer.at("token").get<std::string>();
    const auto listed = one(verb::get, "/api/queues", "", admin_token);
    const auto queues = nlohmann::json::parse(listed.body, nullptr, false);
    if (listed.status != 200 || !queues.contains("queues")) {
        return failure("Reading the queues", listed);
    }
    Floor floor;
    nlohmann::json queue_ids = nlohmann::json::array();
    for (const auto& queue : queues.at("queues")) {
        floor.queues.push_back(
            {queue.at("id").get<core::QueueId>(), queue.at("name").get<std::string>()});
        queue_ids.push_back(queue.at("id"));
    }
    for (int i = 0; i < options.agents; ++i) {
        const auto index = static_cast<std::size_t>(i);
        const bool named = index < std::size(kAgents);
        AgentAccount account{named ? kAgents[index].id : "sim-agent-" + std::to_string(i + 1),
                             named ? kAgents[index].name : "Sim Agent " + std::to_string(i + 1),
                             ""};
        const std::string password = fresh_password();
        const auto created = one(verb::post, "/api/admin/agents",
                                 nlohmann::json{{"id", account.id},
                                                {"name", account.name},
                                                {"role", "agent"},
                                                {"capacity", options.agent_capacity},
                                                {"password", password},
                                                {"queues", queue_ids}}
                                     .dump(),
                                 admin_token);
        if (created.status == 409) {
            const auto reset = one(verb::put, "/api/admin/agents/" + account.id + "/password",
                                   nlohmann::json{{"password", password}}.dump(), admin_token);
            if (reset.status != 200) {
                return failure("Resetting the password of " + account.id, reset);
            }
        } else if (created.status != 201) {
            return failure("Creating agent " + account.id, created);
        }
        const auto signed_in = sign_in(account.id, password);
        const auto answer = nlohmann::json::parse(signed_in.body, nullptr, false);
        if (signed_in.status != 200 || !answer.contains("token")) {
            return failure("Signing in as " + account.id, signed_in);
        }
        account.token = answer.at("token").get<std::string>();
        floor.agents.push_back(std::move(account));
    }
    return floor;
}

}  // namespace parley::sim
