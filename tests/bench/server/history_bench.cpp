// history_bench: what the age of the history costs. For each size it writes a store the way a
// running server would have (the server's own engine deciding every command, the events in the
// log, the read model projected beside them, a snapshot at the end): chats spread over a year,
// each accepted, answered in turns and closed, some rated, with the core's ticks archiving them
// as time passes. Then it starts parley-server on that store and prints its start-up time and
// memory, the chat list (first and deep page), search by customer, operator and text,
// analytics over 90 days, one chat's audit trail, a supervisor's sign-in sync, the database
// file per million messages, command latency alone and while 50 searches a second run, and
// then a busy day on top (chats answered and closed, chats left waiting) and the memory and
// the supervisor's sign-in after it.
// Figures only, never pass/fail: these machines are shared.
//
// [SECTION] Options
// [SECTION] Writing a history
// [SECTION] Measuring a server on it
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/apply.h"
#include "core/commands.h"
#include "core/state.h"
#include "engine/engine.h"
#include "percentile.h"
#include "server/auth/passwords.h"
#include "server/engine/stored_snapshot.h"
#include "server/readmodel/read_model.h"
#include "server/store/sqlite_store.h"
#include "sim/script/corpus.h"
#include "sim/script/demo_organisation.h"
#include "support/server_process.h"
#include "support/test_server.h"

namespace parley::bench {
namespace {

using server::testing::HttpConnection;
using server::testing::HttpResult;
using Clock = std::chrono::steady_clock;
using Milliseconds = std::chrono::duration<double, std::milli>;
using nlohmann::json;
namespace http = boost::beast::http;

constexpr core::Duration kDay = 24 * core::kHour;

// [SECTION] Options

struct Options {
    std::vector<int> sizes = {10000, 30000, 100000};
    int messages = 15;
    int days = 365;
    int samples = 100;
    // The busy day run on the server after the measurements: chats answered and closed, and
    // chats left waiting (the team: 200,000 chats a month, ~6,700 a day).
    int day_chats = 6700;
    int open_chats = 10000;
};

bool parse(int argc, char** argv, Options& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string flag = argv[i];
        if (i + 1 >= argc) {
            return false;
        }
        const std::string value = argv[++i];
        if (flag == "--sizes") {
            options.sizes.clear();
            std::stringstream list(value);
            for (std::string size; std::getline(list, size, ',');) {
                options.sizes.push_back(std::atoi(size.c_str()));
            }
        } else if (flag == "--messages") {
            options.messages = std::atoi(value.c_str());
        } else if (flag == "--days") {
            options.days = std::atoi(value.c_str());
        } else if (flag == "--samples") {
            options.samples = std::atoi(value.c_str());
        } else if (flag == "--day-chats") {
            options.day_chats = std::atoi(value.c_str());
        } else if (flag == "--open-chats") {
            options.open_chats = std::atoi(value.c_str());
        } else {
            return false;
        }
    }
    return !options.sizes.empty() &&
           std::all_of(options.sizes.begin(), options.sizes.end(), [](int n) { return n > 0; }) &&
           options.messages >= 2 && options.days > 0 && options.samples > 0 &&
           options.day_chats >= 0 && options.open_chats >= 0;
}

// [SECTION] Writing a history

struct Written {
    std::uint64_t chats = 0;
    std::uint64_t messages = 0;
    std::uint64_t events = 0;
    double seconds = 0;
    double snapshot_ms = 0;
    std::size_t snapshot_bytes = 0;
    core::Timestamp newest = 0;
};

class HistoryWriter {
public:
    explicit HistoryWriter(const std::filesystem::path& data)
        : engine_(state_, {}),
          store_(std::get<std::unique_ptr<server::SqliteStore>>(
              server::SqliteStore::open(data / "parley.db"))),
          model_(data / "readmodel.db"),
          follow_(model_.catchup()) {}

    Written write(int chats, int messages, int days) {
        const auto started = Clock::now();
        const core::Timestamp now = std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                        .count();
        const core::Timestamp first = now - days * kDay;
        for (const sim::DemoStep& step : sim::demo_organisation()) {
            run(step.actor, step.command, first);
        }
        for (const char* agent : {"maria", "ivan", "chen"}) {
            run(core::Actor::agent(agent), core::SetPresence{agent, core::Presence::online}, first);
        }
        const core::Duration gap = days * kDay / chats;
        core::Timestamp ticked = first;
        for (int i = 0; i < chats; ++i) {
            const core::Timestamp at = first + i * gap;
            while (ticked + 10 * core::kMinute <= at) {
                ticked += 10 * core::kMinute;
                run(core::Actor::system(), core::Tick{}, ticked);
            }
            chat(i, messages, at);
        }
        flush_events();
        model_.caught_up(followed_);
        const auto encode_started = Clock::now();
        std::string snapshot = server::encode_stored_snapshot(state_, engine_.chat_versions());
        written_.snapshot_ms = Milliseconds(Clock::now() - encode_started).count();
        written_.snapshot_bytes = snapshot.size();
        store_->save_snapshot({engine_.seq(), std::move(snapshot)}, nullptr);
        for (const char* staff : {"sofia", "maria", "ivan", "chen", "admin"}) {
            store_->put_credential(
                {staff,
                 server::auth::hash_password(std::string(staff) + "-demo", server::auth::kTestCost),
                 now},
                nullptr);
        }
        store_->flush();
        model_.settle();
        written_.events = engine_.seq();
        written_.newest = first + chats * gap;
        written_.seconds = std::chrono::duration<double>(Clock::now() - started).count();
        return written_;
    }

private:
    void run(const core::Actor& actor, core::Command command, core::Timestamp at) {
        const core::CommandEnvelope envelope{"hist-" + std::to_string(++commands_), actor, at,
                                             std::move(command)};
        engine::Step step = engine_.execute(envelope);
        for (engine::Numbered& numbered : step.events) {
            // The engine has applied the whole step to state_; the read model follows a State
            // of its own event by event, as the server's replica does.
            follow_.ahead(numbered.seq, numbered.event, followed_);
            core::apply(followed_, numbered.event);
            follow_.replayed(numbered.seq, numbered.event, followed_);
            pending_.push_back({numbered.seq, numbered.event.command_id, numbered.chat,
                                numbered.chat_version, numbered.event.at,
                                std::move(numbered.payload)});
        }
        if (pending_.size() >= 4096) {
            flush_events();
        }
    }

    void flush_events() {
        if (!pending_.empty()) {
            store_->append(std::move(pending_), nullptr);
            pending_.clear();
        }
    }

    // One chat: a customer asks, an agent of the queue accepts, they take turns, the agent
    // closes it; every third customer rates it.
    void chat(int i, int messages, core::Timestamp at) {
        const auto& books = sim::phrasebooks();
        const sim::Phrasebook& book = books[static_cast<std::size_t>(i) % books.size()];
        const auto pick = [i](const std::vector<std::string>& lines, int salt) {
            return lines[static_cast<std::size_t>(i * 7 + salt) % lines.size()];
        };
        const std::string customer = "cus_hist_" + std::to_string(i);
        const std::string name = pick(book.first_names, 1) + " " + pick(book.last_names, 3);
        const core::QueueId queue = i % 2 == 0 ? 1 : 2;
        const sim::Topic topic = sim::kTopics[i % 4];
        const core::ChatId id = "cht_hist_" + std::to_string(i);
        run(core::Actor::customer(customer),
            core::StartChat{{customer, name, customer + "@example.com", ""},
                            core::Channel::web,
                            queue,
                            pick(book.questions[topic], 0),
                            {},
                            id},
            at);
        const char* agent =
            queue == 1 ? (i % 4 == 0 ? "maria" : "ivan") : (i % 4 == 1 ? "maria" : "chen");
        const core::Actor holder = core::Actor::agent(agent);
        run(holder, core::AcceptChat{id}, at + 20 * core::kSecond);
        const sim::AgentLines& lines = sim::agent_lines();
        for (int m = 1; m < messages; ++m) {
            const core::Timestamp when = at + (20 + 25 * m) * core::kSecond;
            if (m % 2 == 1) {
                run(holder, core::PostAgentMessage{id, pick(lines.answers[topic], m), {}}, when);
            } else {
                run(core::Actor::customer(customer),
                    core::PostCustomerMessage{id, pick(book.follow_ups, m), {}}, when);
            }
        }
        ++written_.chats;
        written_.messages += static_cast<std::uint64_t>(messages);
        const core::Timestamp end = at + (40 + 25 * messages) * core::kSecond;
        run(holder, core::CloseChat{id, "Answered", "", false}, end);
        if (i % 3 == 0) {
            run(core::Actor::customer(customer),
                core::SubmitCsat{id, 3 + i % 3, pick(book.csat_comments, 2)}, end + core::kMinute);
        }
    }

    core::State state_;
    engine::Engine engine_;
    std::unique_ptr<server::SqliteStore> store_;
    server::readmodel::ReadModel model_;
    server::Authority::Catchup follow_;
    core::State followed_;
    std::vector<server::StoredEvent> pending_;
    std::uint64_t commands_ = 0;
    Written written_;
};

// [SECTION] Measuring a server on it

struct Figures {
    double p50 = 0;
    double p99 = 0;
};

// Times `samples` requests of `target` on one keep-alive connection.
Figures timed_reads(unsigned short port, const std::string& token, const std::string& target,
                    int samples) {
    HttpConnection connection(port);
    std::vector<double> ms;
    for (int i = 0; i < samples; ++i) {
        const auto started = Clock::now();
        const HttpResult answer =
            connection.call(http::verb::get, target, {}, {{"Authorization", "Bearer " + token}});
        ms.push_back(Milliseconds(Clock::now() - started).count());
        if (answer.status != 200) {
            std::fprintf(stderr, "%s: %d %s\n", target.c_str(), answer.status,
                         answer.body.substr(0, 200).c_str());
            std::exit(1);
        }
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

// Commands that change something (the agent's presence, back and forth), one at a time.
Figures timed_commands(unsigned short port, const std::string& token, int samples) {
    HttpConnection connection(port);
    std::vector<double> ms;
    for (int i = 0; i < samples; ++i) {
        const json command = {
            {"type", "set_presence"},
            {"agent", "maria"},
            {"presence", i % 2 == 0 ? "away" : "online"},
            {"command_id", "bench-" + std::to_string(i) + "-" +
                               std::to_string(Clock::now().time_since_epoch().count())}};
        const auto started = Clock::now();
        const HttpResult answer = connection.call(http::verb::post, "/api/commands", command.dump(),
                                                  {{"Authorization", "Bearer " + token}});
        ms.push_back(Milliseconds(Clock::now() - started).count());
        if (answer.status != 200) {
            std::fprintf(stderr, "command: %d %s\n", answer.status, answer.body.c_str());
            std::exit(1);
        }
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

std::string cursor_after(unsigned short port, const std::string& token, int pages) {
    HttpConnection connection(port);
    std::string cursor;
    for (int page = 0; page < pages; ++page) {
        const HttpResult answer = connection.call(
            http::verb::get, "/api/chats?limit=50" + (cursor.empty() ? "" : "&cursor=" + cursor),
            {}, {{"Authorization", "Bearer " + token}});
        if (!answer.json.contains("next_cursor")) {
            break;
        }
        cursor = answer.json["next_cursor"].get<std::string>();
    }
    return cursor;
}

// [SECTION] A busy day on top of the history

// Fails the bench with the request's answer: a day that did not happen measures nothing.
HttpResult expect(HttpResult answer, int status, const char* what) {
    if (answer.status != status) {
        std::fprintf(stderr, "%s: %d %s\n", what, answer.status,
                     answer.body.substr(0, 300).c_str());
        std::exit(1);
    }
    return answer;
}

// One agent's share of the day, one chat after another through the REST API: an integration
// hands the customer over, the agent accepts, they take turns, the agent closes it.
void answer_chats(unsigned short port, const std::string& key, const std::string& agent,
                  core::QueueId queue, int first, int count, int messages) {
    HttpConnection connection(port);
    const std::string staff = server::testing::sign_in(port, agent, agent + "-demo");
    const auto as = [](const std::string& token) {
        return std::map<std::string, std::string>{{"Authorization", "Bearer " + token}};
    };
    const auto run = [&](json command) {
        static std::atomic<int> sequence{0};
        command["command_id"] = "day-" + std::to_string(++sequence);
        expect(connection.call(http::verb::post, "/api/commands", command.dump(), as(staff)), 200,
               "command");
    };
    for (int i = first; i < first + count; ++i) {
        const json start = {{"customer", {{"name", "Day customer " + std::to_string(i)}}},
                            {"queue", queue},
                            {"question", "Where is my order " + std::to_string(i) + "?"}};
        const HttpResult started = expect(
            connection.call(http::verb::post, "/api/chats", start.dump(), as(key)), 201, "start");
        const std::string chat = started.json["chat"];
        const std::string customer = started.json["token"];
        run({{"type", "accept_chat"}, {"chat", chat}});
        for (int m = 1; m < messages; ++m) {
            const json text = {
                {"text", (m % 2 == 1 ? "Let me check order " : "Thanks for ") + std::to_string(i)}};
            expect(connection.call(http::verb::post, "/api/chats/" + chat + "/messages",
                                   text.dump(), as(m % 2 == 1 ? staff : customer)),
                   201, "message");
        }
        run({{"type", "close_chat"},
             {"chat", chat},
             {"category", "Answered"},
             {"notes", ""},
             {"resolve_ticket", false}});
    }
}

void leave_waiting(unsigned short port, const std::string& key, int first, int count) {
    HttpConnection connection(port);
    for (int i = first; i < first + count; ++i) {
        const json start = {{"customer", {{"name", "Waiting customer " + std::to_string(i)}}},
                            {"question", "Is anyone there?"}};
        expect(connection.call(http::verb::post, "/api/chats", start.dump(),
                               {{"Authorization", "Bearer " + key}}),
               201, "start");
    }
}

// A day of chats at the size of the team, compressed into as long as the REST API
// takes: three agents answering and closing chats at once, then chats left waiting. What the
// server holds afterwards is a busy day's live State with the year behind it archived.
void busy_day(unsigned short port, const std::string& supervisor, const Options& options) {
    const std::string admin = server::testing::sign_in(port, "admin", "admin-demo");
    const HttpResult made =
        expect(HttpConnection(port).call(http::verb::post, "/api/admin/api-keys",
                                         json{{"name", "Busy day"}}.dump(),
                                         {{"Authorization", "Bearer " + admin}}),
               201, "api key");
    const std::string key = made.json["key"];
    const auto started = Clock::now();
    // Each in a queue of theirs (the demo's: General holds Maria and Ivan, Billing Chen).
    const std::vector<std::pair<std::string, core::QueueId>> agents = {
        {"maria", 1}, {"ivan", 1}, {"chen", 2}};
    const int share = options.day_chats / static_cast<int>(agents.size());
    std::vector<std::thread> workers;
    for (std::size_t a = 0; a < agents.size(); ++a) {
        const int first = static_cast<int>(a) * share;
        const int count = a + 1 == agents.size() ? options.day_chats - first : share;
        workers.emplace_back(answer_chats, port, key, agents[a].first, agents[a].second, first,
                             count, options.messages);
    }
    for (std::thread& worker : workers) {
        worker.join();
    }
    const double answered_s = std::chrono::duration<double>(Clock::now() - started).count();
    workers.clear();
    const int half = options.open_chats / 2;
    workers.emplace_back(leave_waiting, port, key, 0, half);
    workers.emplace_back(leave_waiting, port, key, half, options.open_chats - half);
    for (std::thread& worker : workers) {
        worker.join();
    }
    std::printf("  %-44s %8.1f s   (%d answered and closed, %d left waiting)\n",
                "busy day through the REST API", answered_s, options.day_chats, options.open_chats);
    const auto sync_started = Clock::now();
    server::testing::WsClient ws(port);
    ws.hello(supervisor);
    while (auto message = ws.next(std::chrono::milliseconds(120000))) {
        if (message->value("type", "") == "sync") {
            std::printf("  %-44s %8.0f ms   %8.1f MiB\n", "supervisor sign-in sync after it",
                        Milliseconds(Clock::now() - sync_started).count(),
                        static_cast<double>(message->dump().size()) / 1048576.0);
            break;
        }
    }
}

void print(const char* what, const Figures& figures) {
    std::printf("  %-44s p50 %8.2f ms   p99 %8.2f ms\n", what, figures.p50, figures.p99);
}

void measure(const std::filesystem::path& dir, const Written& written, const Options& options) {
    const auto started = Clock::now();
    server::testing::ServerProcess server(PARLEY_SERVER_BINARY, dir, false);
    const double start_ms = Milliseconds(Clock::now() - started).count();
    const unsigned short port = server.port();
    const double rss_start = server.rss_kib();
    const std::string sofia = server::testing::sign_in(port, "sofia", "sofia-demo");
    const std::string maria = server::testing::sign_in(port, "maria", "maria-demo");
    const std::uintmax_t file = std::filesystem::file_size(dir / "data" / "parley.db");
    const std::uintmax_t read_file = std::filesystem::file_size(dir / "data" / "readmodel.db");

    std::printf("  %-44s %8.0f ms\n", "start-up (process start to listening)", start_ms);
    std::printf("  %-44s %8.1f MiB\n", "server RSS after start-up", rss_start / 1024.0);
    std::printf("  %-44s %8.1f ms   %8.1f MiB compressed\n", "snapshot encode (the whole State)",
                written.snapshot_ms, static_cast<double>(written.snapshot_bytes) / 1048576.0);
    const auto per_million = [&](std::uintmax_t bytes) {
        return static_cast<double>(bytes) / 1048576.0 * 1e6 / static_cast<double>(written.messages);
    };
    std::printf("  %-44s %8.1f MiB  (%.0f MiB per million messages)\n",
                "event log file (parley.db)", static_cast<double>(file) / 1048576.0,
                per_million(file));
    std::printf("  %-44s %8.1f MiB  (%.0f MiB per million messages)\n",
                "read model file (readmodel.db)", static_cast<double>(read_file) / 1048576.0,
                per_million(read_file));

    const int n = options.samples;
    print("chat list, first page (50)", timed_reads(port, sofia, "/api/chats?limit=50", n));
    const std::string deep = cursor_after(port, sofia, 40);
    print("chat list, page 41 (by cursor)",
          timed_reads(port, sofia, "/api/chats?limit=50&cursor=" + deep, n));
    print("search by customer (customer=walker)",
          timed_reads(port, sofia, "/api/chats?limit=50&customer=walker", n));
    print("search by operator (agent=chen)",
          timed_reads(port, sofia, "/api/chats?limit=50&agent=chen", n));
    print("search by text (q=invoice)",
          timed_reads(port, sofia, "/api/chats?limit=50&q=invoice", n));
    print("search by rare text (q=refund, status=queued)",
          timed_reads(port, sofia, "/api/chats?limit=50&q=refund&status=queued", n));
    const core::Timestamp to = written.newest;
    print("analytics by day, 90 days",
          timed_reads(port, sofia,
                      "/api/analytics?by=day&from=" + std::to_string(to - 90 * kDay) +
                          "&to=" + std::to_string(to),
                      std::max(5, n / 10)));
    print("one chat's audit trail (history)",
          timed_reads(port, sofia,
                      "/api/chats/cht_hist_" + std::to_string(written.chats - 2) + "/history", n));

    {
        const auto sync_started = Clock::now();
        server::testing::WsClient ws(port);
        ws.hello(sofia);
        std::optional<json> sync;
        while (auto message = ws.next(std::chrono::milliseconds(120000))) {
            if (message->value("type", "") == "sync") {
                sync = std::move(message);
                break;
            }
        }
        const double sync_ms = Milliseconds(Clock::now() - sync_started).count();
        if (sync) {
            std::printf("  %-44s %8.0f ms   %8.1f MiB\n", "supervisor sign-in sync", sync_ms,
                        static_cast<double>(sync->dump().size()) / 1048576.0);
        } else {
            std::printf("  %-44s none: the server closed after %.0f ms (code %d: %s)\n",
                        "supervisor sign-in sync", sync_ms, ws.close_code(),
                        ws.close_reason().c_str());
        }
    }

    print("command (set_presence), alone", timed_commands(port, maria, n * 2));
    std::atomic<bool> storming{true};
    std::atomic<int> searches{0};
    std::thread storm([&] {
        HttpConnection connection(port);
        const auto begun = Clock::now();
        while (storming) {
            connection.call(http::verb::get, "/api/chats?limit=50&q=password", {},
                            {{"Authorization", "Bearer " + sofia}});
            ++searches;
            // 50 a second: the next one is due 20 ms after the previous was due.
            std::this_thread::sleep_until(begun + std::chrono::milliseconds(20) * searches.load());
        }
    });
    print("command (set_presence), 50 searches/s beside", timed_commands(port, maria, n * 2));
    storming = false;
    storm.join();
    std::printf("  %-44s %8.1f MiB\n", "server RSS after the measurements",
                server.rss_kib() / 1024.0);
    busy_day(port, sofia, options);
    std::printf("  %-44s %8.1f MiB\n", "server RSS after the busy day", server.rss_kib() / 1024.0);
}

}  // namespace
}  // namespace parley::bench

int main(int argc, char** argv) {
    using namespace parley::bench;
    Options options;
    if (!parse(argc, argv, options)) {
        std::fputs(
            "usage: history_bench [--sizes N,N,...] [--messages N] [--days N] [--samples N]\n"
            "                     [--day-chats N] [--open-chats N]\n"
            "  --sizes       chats in each history written (10000,30000,100000)\n"
            "  --messages    messages per chat (15)\n"
            "  --days        days the chats are spread over, up to now (365)\n"
            "  --samples     requests timed per figure (100)\n"
            "  --day-chats   chats answered and closed in the busy day run after (6700)\n"
            "  --open-chats  chats then left waiting (10000)\n",
            stderr);
        return 2;
    }
    for (const int chats : options.sizes) {
        char pattern[] = "/tmp/parley-history-XXXXXX";
        if (mkdtemp(pattern) == nullptr) {
            std::perror("mkdtemp");
            return 1;
        }
        const std::filesystem::path dir = pattern;
        std::filesystem::create_directories(dir / "data");
        Written written;
        {
            HistoryWriter writer(dir / "data");
            written = writer.write(chats, options.messages, options.days);
        }
        std::printf(
            "history of %llu chats, %llu messages, %llu events over %d days "
            "(written in %.1f s)\n",
            static_cast<unsigned long long>(written.chats),
            static_cast<unsigned long long>(written.messages),
            static_cast<unsigned long long>(written.events), options.days, written.seconds);
        std::fflush(stdout);
        measure(dir, written, options);
        std::fflush(stdout);
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
    return 0;
}
