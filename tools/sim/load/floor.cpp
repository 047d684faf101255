#include "floor.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

namespace parley::load {
namespace {

using http_verb = boost::beast::http::verb;
using Clock = std::chrono::steady_clock;

constexpr unsigned kTooManyRequests = 429;
constexpr int kRetries = 30;

double seconds_since(Clock::time_point since) {
    return std::chrono::duration<double>(Clock::now() - since).count();
}

std::string fixed(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

nlohmann::json parsed(const HttpResult& result) {
    return nlohmann::json::parse(result.body, nullptr, false);
}

std::string customer_json(std::size_t n, std::int64_t queue) {
    return nlohmann::json{{"name", "Load customer " + std::to_string(n)},
                          {"email", "customer" + std::to_string(n) + "@load.example"},
                          {"queue", queue},
                          {"question", "Question " + std::to_string(n)}}
        .dump();
}

}  // namespace

std::string first_failure(const std::vector<HttpResult>& results, unsigned status) {
    std::size_t failed = 0;
    std::string first;
    for (const HttpResult& result : results) {
        if (result.status != status) {
            if (failed++ == 0) {
                first = result.status == 0 ? result.error
                                           : "HTTP " + std::to_string(result.status) + " " +
                                                 result.body.substr(0, 300);
            }
        }
    }
    return failed == 0 ? ""
                       : std::to_string(failed) + " of " + std::to_string(results.size()) +
                             " failed; first: " + first;
}

Floor::Floor(LoadGenerator& generator, tcp::endpoint server, FloorSpec spec,
             std::function<void(const std::string&)> say)
    : generator_(generator),
      server_(std::move(server)),
      spec_(std::move(spec)),
      say_(std::move(say)),
      to_accept_(spec_.agents) {}

void Floor::keep_pace(std::size_t requests, Clock::time_point since) const {
    if (spec_.requests_per_second <= 0) {
        return;
    }
    const auto due =
        since + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(
                    static_cast<double>(requests) / spec_.requests_per_second));
    std::this_thread::sleep_until(due);
}

std::vector<HttpResult> Floor::send(std::vector<HttpJob> jobs, std::size_t connections) {
    std::vector<HttpResult> results(jobs.size());
    std::vector<std::size_t> pending(jobs.size());
    for (std::size_t i = 0; i < pending.size(); ++i) {
        pending[i] = i;
    }
    const std::size_t step =
        spec_.requests_per_second > 0
            ? std::max<std::size_t>(1, static_cast<std::size_t>(spec_.requests_per_second))
            : jobs.size();
    for (int attempt = 0; attempt <= kRetries && !pending.empty(); ++attempt) {
        if (attempt > 0) {
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
        std::vector<std::size_t> refused;
        for (std::size_t first = 0; first < pending.size(); first += step) {
            const auto started = Clock::now();
            const std::size_t end = std::min(pending.size(), first + step);
            std::vector<HttpJob> batch;
            for (std::size_t i = first; i < end; ++i) {
                batch.push_back(jobs[pending[i]]);
            }
            auto answers = run_http(generator_.io(), server_, std::move(batch), connections);
            for (std::size_t i = first; i < end; ++i) {
                results[pending[i]] = std::move(answers[i - first]);
                if (results[pending[i]].status == kTooManyRequests) {
                    refused.push_back(pending[i]);
                }
            }
            keep_pace(end - first, started);
        }
        pending = std::move(refused);
    }
    return results;
}

std::optional<std::string> Floor::sign_in_admin() {
    const HttpResult signed_in =
        send({{http_verb::post, "/api/session",
               nlohmann::json{
                   {"agent", spec_.admin_id}, {"password", spec_.admin_password}, {"bearer", true}}
                   .dump(),
               ""}},
             1)
            .front();
    const auto answer = parsed(signed_in);
    admin_token_ = answer.is_object() ? answer.value("token", "") : "";
    if (signed_in.status != 200 || admin_token_.empty()) {
        return "signing in as " + spec_.admin_id + ": HTTP " + std::to_string(signed_in.status) +
               " " + signed_in.body + signed_in.error;
    }
    const HttpResult listed = send({{http_verb::get, "/api/queues", "", admin_token_}}, 1).front();
    const auto queues = parsed(listed);
    if (queues.is_object() && queues.contains("queues") && queues["queues"].is_array()) {
        for (const auto& queue : queues["queues"]) {
            if (queue.is_object() && queue.value("name", "") == spec_.queue) {
                queue_ = queue.value("id", std::int64_t{0});
            }
        }
    }
    if (queue_ == 0) {
        return "no queue " + spec_.queue + " in GET /api/queues: " + listed.body.substr(0, 300) +
               listed.error;
    }
    return std::nullopt;
}

std::optional<std::string> Floor::create_agents() {
    // Creating and signing in both hash a password, slowly by design: two at a time, one per
    // REST worker.
    std::vector<HttpJob> jobs;
    for (std::size_t a = 0; a < spec_.agents; ++a) {
        char id[96];
        std::snprintf(id, sizeof id, "%s-%03zu", spec_.agent_prefix.c_str(), a);
        agent_ids_.emplace_back(id);
        jobs.push_back({http_verb::post, "/api/admin/agents",
                        nlohmann::json{{"id", id},
                                       {"name", "Load Agent " + std::to_string(a)},
                                       {"role", "agent"},
                                       {"company", ""},
                                       {"capacity", spec_.capacity},
                                       {"password", spec_.agent_password},
                                       {"queues", nlohmann::json::array({queue_})}}
                            .dump(),
                        admin_token_});
    }
    auto started = Clock::now();
    if (auto failed = first_failure(send(std::move(jobs), 2), 201); !failed.empty()) {
        return "POST /api/admin/agents: " + failed;
    }
    say_("created " + std::to_string(spec_.agents) + " agents in " + fixed(seconds_since(started)) +
         " s");
    jobs.clear();
    for (const std::string& id : agent_ids_) {
        jobs.push_back(
            {http_verb::post, "/api/session",
             nlohmann::json{{"agent", id}, {"password", spec_.agent_password}, {"bearer", true}}
                 .dump(),
             ""});
    }
    started = Clock::now();
    const auto sessions = send(std::move(jobs), 2);
    if (auto failed = first_failure(sessions, 200); !failed.empty()) {
        return "agent sign-in: " + failed;
    }
    for (const HttpResult& session : sessions) {
        const auto answer = parsed(session);
        agent_tokens_.push_back(answer.is_object() ? answer.value("token", "") : "");
    }
    say_("signed in " + std::to_string(spec_.agents) + " agents in " +
         fixed(seconds_since(started)) + " s");
    return std::nullopt;
}

std::optional<std::string> Floor::connect_agents() {
    std::vector<SessionSpec> specs(spec_.agents);
    for (std::size_t a = 0; a < spec_.agents; ++a) {
        specs[a].agent = true;
        specs[a].agent_id = agent_ids_[a];
        specs[a].token = agent_tokens_[a];
    }
    const auto started = Clock::now();
    std::string error;
    if (!generator_.connect(std::move(specs), 16, spec_.stall, error)) {
        return "agent WebSockets: " + error;
    }
    keep_pace(spec_.agents, started);
    if (!generator_.go_online(spec_.stall, error)) {
        return "set_presence: " + error;
    }
    say_(std::to_string(spec_.agents) + " agents connected and online in " +
         fixed(seconds_since(started)) + " s");
    return std::nullopt;
}

std::optional<std::string> Floor::connect_customers() {
    // A paced set-up spends two requests per customer: the chat's start and its WebSocket.
    const std::size_t batch =
        spec_.requests_per_second > 0
            ? std::max<std::size_t>(
                  1, std::min(spec_.connect_batch,
                              static_cast<std::size_t>(spec_.requests_per_second / 2)))
            : spec_.connect_batch;
    const auto started = Clock::now();
    double start_seconds = 0;
    std::size_t steps = 0;
    for (std::size_t first = 0; first < spec_.customers; first += batch) {
        const std::size_t end = std::min(spec_.customers, first + batch);
        std::vector<HttpJob> jobs;
        for (std::size_t c = first; c < end; ++c) {
            jobs.push_back({http_verb::post, "/api/chats", customer_json(c, queue_), ""});
        }
        const auto starting = Clock::now();
        const auto chats = send(std::move(jobs), 16);
        start_seconds += seconds_since(starting);
        if (auto failed = first_failure(chats, 201); !failed.empty()) {
            return "POST /api/chats: " + failed;
        }
        std::vector<SessionSpec> specs(end - first);
        for (std::size_t c = first; c < end; ++c) {
            const auto answer = parsed(chats[c - first]);
            specs[c - first].chat = answer.value("chat", "");
            specs[c - first].token = answer.value("token", "");
            to_accept_[c % spec_.agents].push_back(specs[c - first].chat);
        }
        const auto connecting = Clock::now();
        std::string error;
        if (!generator_.connect(std::move(specs), 200, spec_.stall, error)) {
            return "customer WebSockets: " + error;
        }
        keep_pace(end - first, connecting);
        if (end == spec_.customers || ++steps % 5 == 0) {
            const SyncSizes::Role synced = generator_.sync_sizes().customers;
            say_(std::to_string(end) + " of " + std::to_string(spec_.customers) +
                 " customers: chat started and connected; " + fixed(seconds_since(started)) +
                 " s so far, " + fixed(start_seconds) +
                 " of them starting chats; the largest "
                 "first sync " +
                 fixed(static_cast<double>(synced.largest) / 1024.0) + " KiB");
        }
    }
    return std::nullopt;
}

std::optional<std::string> Floor::accept_chats() {
    const auto started = Clock::now();
    const auto refused =
        generator_.accept_chats(std::move(to_accept_), spec_.accept_window, spec_.stall);
    to_accept_.assign(spec_.agents, {});
    if (!refused) {
        return "accept_chat: no answers for " + std::to_string(spec_.stall.count()) + " s";
    }
    accepts_refused_ = *refused;
    say_(std::to_string(spec_.customers) + " chats accepted in " + fixed(seconds_since(started)) +
         " s (" + std::to_string(*refused) + " refused)");
    return std::nullopt;
}

}  // namespace parley::load
