// lifecycle_bench: whole chat lifecycles against a live parley-server child process, as a
// support floor lives them: a customer starts a chat over REST, an agent accepts it over the
// WebSocket, five messages go each way (the customer's over REST, the agent's over the
// WebSocket), the agent transfers it to a colleague, who accepts and closes it. It prints the
// serial lifecycle time (p50/p99), lifecycles per second with parallel pairs of agents, and the
// accept race: several agents accepting the same chat at once, and how long until each has
// its answer. Every step waits for its reply, so a reply held back by the network (Nagle and
// delayed ACKs: ~40 ms a step) shows at once. It also prints messages per second written over
// REST by customers and by agents on keep-alive connections, each into its own chat, as an
// integration or a widget without a WebSocket writes. Figures only, never pass/fail.
//
// [SECTION] Options
// [SECTION] The floor
// [SECTION] One lifecycle
// [SECTION] Runs
#include <sys/resource.h>

#include <algorithm>
#include <array>
#include <barrier>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include "percentile.h"
#include "support/server_process.h"
#include "support/test_server.h"

namespace parley::bench {
namespace {

using server::testing::HttpResult;
using server::testing::ServerProcess;
using server::testing::WsClient;
using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::duration<double, std::milli>;
using nlohmann::json;
namespace http = boost::beast::http;

// [SECTION] Options

// Each flag with its default and what it sets; the usage is written from the same table.
struct Flag {
    const char* name;
    int value;
    const char* help;
};

struct Options {
    Flag serial{"--serial", 100, "lifecycles one after the other"};
    Flag parallel{"--parallel", 16, "pairs of agents working lifecycles at the same time"};
    Flag per_pair{"--per-pair", 20, "lifecycles each pair works in the parallel run"};
    Flag racers{"--racers", 8, "agents accepting the same chat at once"};
    Flag races{"--races", 20, "chats they race for"};
    Flag rest_connections{"--rest-connections", 16,
                          "keep-alive connections writing messages over REST"};
    Flag rest_seconds{"--rest-seconds", 5, "seconds each REST message run lasts"};
    Flag storm{"--storm", 10000, "customers reconnecting at once, resuming by sequence number"};
    Flag idle{"--idle", 50000, "idle WebSockets whose memory in the server is measured"};

    std::array<Flag*, 9> flags() {
        return {&serial,           &parallel,     &per_pair, &racers, &races,
                &rest_connections, &rest_seconds, &storm,    &idle};
    }
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        const auto flags = options.flags();
        const auto found = std::find_if(flags.begin(), flags.end(),
                                        [&](const Flag* known) { return flag == known->name; });
        if (found == flags.end() || i + 1 >= argc || std::atoi(argv[i + 1]) <= 0) {
            std::fputs("usage: lifecycle_bench [flags]\n", stderr);
            for (const Flag* known : flags) {
                std::fprintf(stderr, "  %-18s N  %s (%d)\n", known->name, known->help,
                             known->value);
            }
            return false;
        }
        (*found)->value = std::atoi(argv[++i]);
    }
    return true;
}

// [SECTION] The floor

// The demo's pick queue, where an agent accepts the chat they choose.
constexpr int kBillingQueue = 2;
constexpr const char* kPassword = "bench-password-2026";

struct Agent {
    std::string id;
    std::string token;
    std::unique_ptr<WsClient> ws;
};

Agent agent_online(unsigned short port, const std::string& admin, const std::string& id) {
    const json account = {{"id", id},       {"name", "Bench " + id}, {"role", "agent"},
                          {"capacity", 20}, {"password", kPassword}, {"queues", {kBillingQueue}}};
    const HttpResult created =
        server::testing::http_call(port, http::verb::post, "/api/admin/agents", account.dump(),
                                   {{"Authorization", "Bearer " + admin}});
    if (created.status != 201 && created.status != 200) {
        std::fprintf(stderr, "creating %s: %d %s\n", id.c_str(), created.status,
                     created.body.c_str());
        std::exit(1);
    }
    Agent agent{id, server::testing::sign_in(port, id, kPassword),
                std::make_unique<WsClient>(port)};
    agent.ws->hello(agent.token);
    agent.ws->expect("sync");
    agent.ws->command({{"type", "set_presence"}, {"agent", id}, {"presence", "online"}});
    agent.ws->seen.clear();
    return agent;
}

bool acked(const json& reply) {
    return reply.value("type", "") == "ack";
}

// [SECTION] One lifecycle

// Milliseconds from the customer's first request to the close's ack; negative when a step
// was refused (printed).
double lifecycle(unsigned short port, Agent& first, Agent& second, int number) {
    const auto started = Clock::now();
    const json chat = server::testing::start_chat_as_customer(
        port, "Customer " + std::to_string(number), "My invoice is wrong", "Billing");
    const std::string id = chat.value("chat", "");
    const std::string customer = "Bearer " + chat.value("token", "");
    const auto step = [&](WsClient& ws, json command) {
        command["chat"] = id;
        const json reply = ws.command(command);
        if (!acked(reply)) {
            std::fprintf(stderr, "%s refused: %s\n", command.value("type", "").c_str(),
                         reply.dump().c_str());
        }
        return acked(reply);
    };
    bool ok = step(*first.ws, {{"type", "accept_chat"}});
    for (int i = 0; ok && i < 5; ++i) {
        const json message = {{"text", "Customer line " + std::to_string(i)}};
        const HttpResult posted =
            server::testing::http_call(port, http::verb::post, "/api/chats/" + id + "/messages",
                                       message.dump(), {{"Authorization", customer}});
        ok = posted.status == 201;
        if (!ok) {
            std::fprintf(stderr, "customer message refused: %d %s\n", posted.status,
                         posted.body.c_str());
        }
        ok = ok && step(*first.ws, {{"type", "post_agent_message"},
                                    {"text", "Agent line " + std::to_string(i)}});
    }
    ok = ok &&
         step(*first.ws, {{"type", "transfer_to_agent"}, {"target", second.id}, {"side_note", ""}});
    ok = ok && step(*second.ws, {{"type", "accept_transfer"}});
    ok = ok && step(*second.ws, {{"type", "close_chat"},
                                 {"category", "Billing question"},
                                 {"notes", ""},
                                 {"resolve_ticket", false}});
    first.ws->seen.clear();
    second.ws->seen.clear();
    return ok ? Milliseconds(Clock::now() - started).count() : -1;
}

void report(const char* what, const std::vector<double>& ms) {
    std::printf("%-34s p50 %7.2f ms   p99 %7.2f ms   (%zu runs)\n", what, percentile(ms, 0.5),
                percentile(ms, 0.99), ms.size());
}

// Waits for the workers, then gives every time they recorded in one list.
std::vector<double> joined(std::vector<std::thread>& workers,
                           const std::vector<std::vector<double>>& times) {
    for (std::thread& worker : workers) {
        worker.join();
    }
    std::vector<double> all;
    for (const auto& one : times) {
        all.insert(all.end(), one.begin(), one.end());
    }
    return all;
}

// [SECTION] Runs

void serial_run(unsigned short port, std::vector<Agent>& agents, int count) {
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        const double ms = lifecycle(port, agents[0], agents[1], i);
        if (ms >= 0) {
            times.push_back(ms);
        }
    }
    report("serial lifecycle", times);
}

void parallel_run(unsigned short port, std::vector<Agent>& agents, int pairs, int per_pair) {
    std::vector<std::vector<double>> times(static_cast<std::size_t>(pairs));
    const auto started = Clock::now();
    std::vector<std::thread> workers;
    for (int p = 0; p < pairs; ++p) {
        workers.emplace_back([&, p] {
            for (int i = 0; i < per_pair; ++i) {
                const double ms =
                    lifecycle(port, agents[2 * p], agents[2 * p + 1], 100000 * (p + 1) + i);
                if (ms >= 0) {
                    times[p].push_back(ms);
                }
            }
        });
    }
    const std::vector<double> all = joined(workers, times);
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    std::printf("lifecycles/s, %2d pairs in parallel  %7.1f /s\n", pairs,
                static_cast<double>(all.size()) / seconds);
    report("  each lifecycle meanwhile", all);
}

// Every racer sends accept_chat for the same chat at the same moment; one wins, the others
// are refused. The figure is the time until the last of them has its answer.
void accept_race(unsigned short port, std::vector<Agent>& agents, int racers, int races) {
    std::vector<double> last_answer;
    for (int race = 0; race < races; ++race) {
        const json chat = server::testing::start_chat_as_customer(
            port, "Racer " + std::to_string(race), "Who takes me?", "Billing");
        const std::string id = chat.value("chat", "");
        std::barrier ready(racers + 1);
        std::vector<double> answered(static_cast<std::size_t>(racers));
        std::vector<int> won(static_cast<std::size_t>(racers));
        Clock::time_point go;
        std::vector<std::thread> threads;
        for (int r = 0; r < racers; ++r) {
            threads.emplace_back([&, r] {
                ready.arrive_and_wait();
                const json reply = agents[r].ws->command({{"type", "accept_chat"}, {"chat", id}});
                answered[r] = Milliseconds(Clock::now() - go).count();
                won[r] = acked(reply) ? 1 : 0;
            });
        }
        go = Clock::now();
        ready.arrive_and_wait();
        for (std::thread& thread : threads) {
            thread.join();
        }
        const auto winners = std::count(won.begin(), won.end(), 1);
        if (winners != 1) {
            std::fprintf(stderr, "race %d: %ld winners\n", race, static_cast<long>(winners));
        }
        last_answer.push_back(*std::max_element(answered.begin(), answered.end()));
        const int winner = static_cast<int>(std::find(won.begin(), won.end(), 1) - won.begin());
        if (winner < racers) {
            agents[winner].ws->command({{"type", "close_chat"},
                                        {"chat", id},
                                        {"category", "Billing question"},
                                        {"notes", ""},
                                        {"resolve_ticket", false}});
        }
        for (int r = 0; r < racers; ++r) {
            agents[r].ws->seen.clear();
        }
    }
    char what[64];
    std::snprintf(what, sizeof what, "accept race, %d agents, all answered", racers);
    report(what, last_answer);
}

// A connection that writes messages over REST: into which chat, with whose credential.
struct Writer {
    std::string chat;
    std::string bearer;
};

// The per-chat caps on what a customer writes would refuse a run of thousands of messages a
// chat: they are lifted, so the run measures the server and not the cap.
void lift_customer_caps(unsigned short port, const std::string& admin) {
    const std::map<std::string, std::string> as_admin = {{"Authorization", "Bearer " + admin}};
    json settings = server::testing::http_call(port, http::verb::get, "/api/settings", {}, as_admin)
                        .json.value("settings", json::object());
    settings["customer_messages_per_chat"] = 1000000000;
    settings["customer_bytes_per_chat"] = std::uint64_t{1} << 40;
    const json command = {
        {"type", "update_settings"}, {"command_id", "bench-caps"}, {"settings", settings}};
    const HttpResult done = server::testing::http_call(port, http::verb::post, "/api/commands",
                                                       command.dump(), as_admin);
    if (done.status != 200) {
        std::fprintf(stderr, "lifting the caps: %d %s\n", done.status, done.body.c_str());
        std::exit(1);
    }
}

// Each writer posts messages into its chat one after the other on its own keep-alive
// connection for `seconds`: messages per second in all, and one request's p50/p99.
void rest_messages(unsigned short port, const char* who, const std::vector<Writer>& writers,
                   int seconds) {
    std::vector<std::vector<double>> took(writers.size());
    std::vector<int> refused(writers.size());
    const auto started = Clock::now();
    const auto until = started + std::chrono::seconds(seconds);
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < writers.size(); ++w) {
        threads.emplace_back([&, w] {
            server::testing::HttpConnection connection(port);
            const std::string target = "/api/chats/" + writers[w].chat + "/messages";
            const std::map<std::string, std::string> headers = {
                {"Authorization", writers[w].bearer}};
            for (int n = 0; Clock::now() < until; ++n) {
                const auto sent = Clock::now();
                const json message = {{"text", std::string(who) + " line " + std::to_string(n)}};
                const HttpResult posted =
                    connection.call(http::verb::post, target, message.dump(), headers);
                if (posted.status == 201) {
                    took[w].push_back(Milliseconds(Clock::now() - sent).count());
                } else if (refused[w]++ == 0) {
                    std::fprintf(stderr, "%s message refused: %d %s\n", who, posted.status,
                                 posted.body.c_str());
                }
            }
        });
    }
    const std::vector<double> all = joined(threads, took);
    const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
    const int refusals = std::accumulate(refused.begin(), refused.end(), 0);
    std::printf("%s messages/s over REST, %zu conns %8.1f /s   (%d refused)\n", who, writers.size(),
                static_cast<double>(all.size()) / elapsed, refusals);
    report("  each request meanwhile", all);
}

// Customers write into chats agents hold, then the agents answer, both over REST: each message
// reaches the customer's and the agent's feeds, as in a live chat.
void rest_runs(unsigned short port, const std::string& admin, std::vector<Agent>& agents,
               int connections, int seconds) {
    lift_customer_caps(port, admin);
    std::vector<Writer> customers;
    std::vector<Writer> staff;
    for (int c = 0; c < connections; ++c) {
        Agent& agent = agents[static_cast<std::size_t>(c) % agents.size()];
        const json chat = server::testing::start_chat_as_customer(
            port, "Writer " + std::to_string(c), "A long question", "Billing");
        const std::string id = chat.value("chat", "");
        if (!acked(agent.ws->command({{"type", "accept_chat"}, {"chat", id}}))) {
            std::fprintf(stderr, "%s could not accept %s\n", agent.id.c_str(), id.c_str());
            std::exit(1);
        }
        customers.push_back({id, "Bearer " + chat.value("token", "")});
        staff.push_back({id, "Bearer " + agent.token});
    }
    rest_messages(port, "visitor", customers, seconds);
    rest_messages(port, "agent", staff, seconds);
    for (Agent& agent : agents) {
        agent.ws->drain(std::chrono::milliseconds(20));
        agent.ws->seen.clear();
    }
}

// The storm's customers: each chat's token, the last sequence number its WebSocket saw, and
// the text posted while it was away.
struct StormCustomer {
    std::string token;
    std::uint64_t seq = 0;
    std::string missed;
};

// Whether `message` is the event (or the sync) carrying `text`.
bool carries(const json& message, const std::string& text) {
    const std::string type = message.value("type", "");
    return (type == "event" || type == "sync") && message.dump().find(text) != std::string::npos;
}

// Every customer is connected and then cut off at once; while away, each writes one message
// over REST; then all reconnect together, each resuming from the last sequence number it saw.
// The figure is the time until the last of them has the message it missed; any customer that
// never gets it, or gets it twice, is counted.
void reconnect_storm(unsigned short port, int count) {
    std::vector<StormCustomer> customers(static_cast<std::size_t>(count));
    {
        boost::asio::io_context shared;
        std::vector<std::unique_ptr<WsClient>> connected;
        for (int i = 0; i < count; ++i) {
            const json chat = server::testing::start_chat_as_customer(
                port, "Storm " + std::to_string(i), "Still there?", "Billing");
            StormCustomer& customer = customers[static_cast<std::size_t>(i)];
            customer.token = chat.value("token", "");
            customer.missed = "missed-while-away-" + std::to_string(i) + "-";
            auto ws = std::make_unique<WsClient>(shared, port);
            ws->hello(customer.token);
            ws->expect("sync");
            customer.seq = server::testing::last_seq(ws->seen);
            connected.push_back(std::move(ws));
            const json message = {{"text", customer.missed}};
            server::testing::http_call(
                port, http::verb::post, "/api/chats/" + chat.value("chat", "") + "/messages",
                message.dump(), {{"Authorization", "Bearer " + customer.token}});
        }
    }
    boost::asio::io_context shared;
    const auto started = Clock::now();
    std::vector<std::unique_ptr<WsClient>> back;
    for (const StormCustomer& customer : customers) {
        back.push_back(std::make_unique<WsClient>(shared, port));
        back.back()->send({{"type", "hello"},
                           {"protocol_version", 1},
                           {"client", "lifecycle_bench"},
                           {"token", customer.token},
                           {"resume_from", customer.seq}});
    }
    // Read each customer until the message it missed arrives, in turn: a customer whose catch-up
    // came meanwhile waits in its socket, so the last one caught up ends the storm.
    std::vector<int> seen(customers.size());
    for (std::size_t i = 0; i < customers.size(); ++i) {
        while (seen[i] == 0) {
            const auto message = back[i]->next(std::chrono::seconds(10));
            if (!message) {
                break;
            }
            seen[i] += carries(*message, customers[i].missed) ? 1 : 0;
        }
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    // Then whatever else came, to find a message delivered twice.
    for (std::size_t i = 0; i < customers.size(); ++i) {
        while (const auto message = back[i]->next(std::chrono::milliseconds(2))) {
            seen[i] += carries(*message, customers[i].missed) ? 1 : 0;
        }
    }
    const auto lost = std::count(seen.begin(), seen.end(), 0);
    const auto doubled =
        std::count_if(seen.begin(), seen.end(), [](int times) { return times > 1; });
    std::printf(
        "reconnect storm, %5d customers     all caught up in %.2f s, %ld lost, %ld doubled\n",
        count, seconds, static_cast<long>(lost), static_cast<long>(doubled));
}

// Open WebSockets that said hello and then sit idle (a customer's tabs, one chat token for all,
// as no limit keeps one customer to one tab), from several loopback addresses since one
// address has fewer free ports than that. The figure is the server's memory per connection.
void idle_connections(const ServerProcess& server, int count) {
    const json chat =
        server::testing::start_chat_as_customer(server.port(), "Idle", "Just looking", "Billing");
    const std::string token = chat.value("token", "");
    boost::asio::io_context shared;
    std::vector<std::unique_ptr<WsClient>> open;
    open.reserve(static_cast<std::size_t>(count));
    constexpr int kPerAddress = 20000;
    const double before = server.rss_kib();
    for (int i = 0; i < count; ++i) {
        const std::string source = "127.0.0." + std::to_string(2 + i / kPerAddress);
        open.push_back(std::make_unique<WsClient>(shared, server.port(), source));
        open.back()->hello(token);
        open.back()->expect("sync");
        open.back()->seen.clear();
    }
    const double after = server.rss_kib();
    std::printf("idle WebSockets, %6d open         server RSS %.0f -> %.0f MiB: %.1f KiB each\n",
                count, before / 1024, after / 1024, (after - before) / count);
}

// Room for the idle connections' descriptors on both sides (the server inherits it). Without
// the right to raise the hard limit (a container), the soft one goes up to it; the answer is
// the limit both processes run with.
rlim_t raise_descriptor_limit(rlim_t wanted) {
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_max < wanted) {
        limit.rlim_max = wanted;
    }
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
        getrlimit(RLIMIT_NOFILE, &limit);
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    getrlimit(RLIMIT_NOFILE, &limit);
    return limit.rlim_cur;
}

int run(const Options& options) {
    // Bench traffic comes from one address, far beyond what a stranger may send.
    setenv("PARLEY_CHAT_STARTS_PER_ADDRESS", "1000000", 1);
    setenv("PARLEY_CONNECTIONS_PER_ADDRESS", "100000", 1);
    setenv("PARLEY_PASSWORD_COST", "test", 1);
    // The other runs' connections are closed by then; this many descriptors stay free.
    constexpr rlim_t kSpare = 4000;
    const rlim_t descriptors =
        raise_descriptor_limit(static_cast<rlim_t>(options.idle.value) + kSpare);
    const int idle = static_cast<int>(
        std::min<rlim_t>(static_cast<rlim_t>(options.idle.value), descriptors - kSpare));
    if (idle < options.idle.value) {
        std::printf(
            "idle WebSockets: %d asked, %d measured: this machine allows %lu open files "
            "per process\n",
            options.idle.value, idle, static_cast<unsigned long>(descriptors));
    }
    const auto dir = server::testing::fresh_temp_dir("parley-lifecycle-");
    int status = 0;
    {
        ServerProcess server(PARLEY_SERVER_BINARY, dir, true);
        const unsigned short port = server.port();
        const std::string admin = server::testing::sign_in(port, "admin", "admin-demo");
        const int needed = std::max(2 * options.parallel.value, options.racers.value);
        std::vector<Agent> agents;
        for (int i = 0; i < needed; ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "bench-%03d", i);
            agents.push_back(agent_online(port, admin, id));
        }
        std::printf("parley-server on 127.0.0.1:%u, %d agents online in Billing (pick)\n", port,
                    needed);
        serial_run(port, agents, options.serial.value);
        parallel_run(port, agents, options.parallel.value, options.per_pair.value);
        accept_race(port, agents, options.racers.value, options.races.value);
        rest_runs(port, admin, agents, options.rest_connections.value, options.rest_seconds.value);
        reconnect_storm(port, options.storm.value);
        idle_connections(server, idle);
        status = server.terminate();
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return status == 0 ? 0 : 1;
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
    parley::bench::Options options;
    if (!parley::bench::parse(argc, argv, options)) {
        return 2;
    }
    return parley::bench::run(options);
}
