// The load generator: one WebSocket session per
// simulated customer or agent, and the pacer that makes the offered load open-loop (messages
// leave on schedule whether or not earlier ones were answered, so a slow server shows as
// latency and backlog rather than as a politely slower client).
//
// [SECTION] Helpers
// [SECTION] Process figures
// [SECTION] Shared state of one generator
// [SECTION] Session
// [SECTION] Pacer
// [SECTION] LoadGenerator
#include "load_generator.h"

#include "sim/client/countdown.h"
#include "sim/client/weakly.h"
#include "sim/client/ws_connection.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <charconv>
#include <fstream>
#include <functional>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

namespace parley::bench {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;

// [SECTION] Helpers

// Where the send stamp sits in a message_posted event, and in the echoed command.
constexpr std::string_view kStampMarker = R"("text":"t=)";
constexpr std::string_view kCommandIdMarker = R"("command_id":")";
// A first sync holds every chat its reader may see: for an agent, every chat waiting in
// their queues, megabytes at 10,000 chats.
constexpr std::uint64_t kMaxMessageBytes = std::uint64_t{512} << 20;
constexpr std::size_t kMaxProblems = 20;

void append_number(std::string& out, std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, end);
}

// The decimal number starting at `at`, or nothing.
std::optional<std::int64_t> number_at(std::string_view text, std::size_t at) {
    if (at >= text.size()) {
        return std::nullopt;
    }
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data() + at, text.data() + text.size(), value);
    if (error != std::errc{} || end == text.data() + at) {
        return std::nullopt;
    }
    return value;
}

using client::Countdown;

Percentiles percentiles(std::vector<std::int64_t>& samples) {
    Percentiles out;
    out.samples = samples.size();
    if (samples.empty()) {
        return out;
    }
    std::sort(samples.begin(), samples.end());
    const auto at = [&](double quantile) {
        const auto index = static_cast<std::size_t>(quantile * static_cast<double>(samples.size()));
        return static_cast<double>(samples[std::min(index, samples.size() - 1)]) / 1e6;
    };
    out.p50_ms = at(0.50);
    out.p99_ms = at(0.99);
    out.p999_ms = at(0.999);
    out.max_ms = static_cast<double>(samples.back()) / 1e6;
    return out;
}

double clock_ticks_per_second() {
    return static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// [SECTION] Process figures

double cpu_seconds(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(file, line);
    // The command name (field 2) may hold spaces; the fields after its closing ')' do not.
    const std::size_t name_end = line.rfind(')');
    if (name_end == std::string::npos) {
        return 0;
    }
    std::istringstream fields(line.substr(name_end + 1));
    std::string skipped;
    for (int field = 3; field < 14; ++field) {
        fields >> skipped;
    }
    unsigned long long user = 0;
    unsigned long long system = 0;
    fields >> user >> system;
    return static_cast<double>(user + system) / clock_ticks_per_second();
}

double rss_mib(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(file, line)) {
        if (line.starts_with("VmRSS:")) {
            std::istringstream fields(line.substr(6));
            double kib = 0;
            fields >> kib;
            return kib / 1024.0;
        }
    }
    return 0;
}

MachineCpu machine_cpu() {
    std::ifstream file("/proc/stat");
    std::string label;
    file >> label;
    // user nice system idle iowait irq softirq steal
    unsigned long long ticks[8] = {};
    for (unsigned long long& value : ticks) {
        file >> value;
    }
    unsigned long long total = 0;
    for (const unsigned long long value : ticks) {
        total += value;
    }
    const unsigned long long idle = ticks[3] + ticks[4];
    return {static_cast<double>(total - idle) / clock_ticks_per_second(),
            static_cast<double>(total) / clock_ticks_per_second()};
}

// [SECTION] Shared state of one generator

// A relaxed counter: totals are read only after the threads that add to them have settled.
using Counter = std::atomic<std::uint64_t>;

struct SyncCounter {
    void add(std::uint64_t bytes) {
        count.fetch_add(1);
        total.fetch_add(bytes);
        std::uint64_t seen = largest.load();
        while (bytes > seen && !largest.compare_exchange_weak(seen, bytes)) {
        }
    }

    SyncSizes::Role read() const { return {count.load(), total.load(), largest.load()}; }

    Counter count{0};
    Counter total{0};
    Counter largest{0};
};

struct LoadGenerator::Shared {
    Shared(Target target_, tcp::endpoint server_, unsigned threads_, std::size_t text_bytes)
        : work(asio::make_work_guard(io)),
          threads(std::max(1u, threads_)),
          target(target_),
          server(std::move(server_)),
          // "t=" + the stamp + ' ' come first; a sentence pads the text to its length.
          filler(text_bytes > 24 ? text_bytes - 24 : 0, 'x') {
        constexpr std::string_view sentence = "Hello, I have a question about my order. ";
        for (std::size_t i = 0; i < filler.size(); ++i) {
            filler[i] = sentence[i % sentence.size()];
        }
    }

    // With one io thread every handler is already serial, and a strand would only add a
    // queue and a lock to every operation.
    asio::any_io_executor session_executor() {
        if (threads == 1) {
            return io.get_executor();
        }
        return asio::make_strand(io);
    }

    bool in_window(std::int64_t at) const {
        return at >= window_begin.load(std::memory_order_relaxed) &&
               at < window_end.load(std::memory_order_relaxed);
    }

    void problem(std::string text) {
        const std::lock_guard lock(mutex);
        if (problems.size() < kMaxProblems) {
            problems.push_back(std::move(text));
        }
    }

    void record(std::vector<std::int64_t>& samples, std::int64_t value) {
        const std::lock_guard lock(mutex);
        samples.push_back(value);
    }

    asio::io_context io;
    asio::executor_work_guard<asio::io_context::executor_type> work;
    const unsigned threads;
    const Target target;
    const tcp::endpoint server;
    std::string filler;
    std::function<void()> launch_next;

    Countdown connects;
    Countdown presence;
    Countdown accepts;
    std::atomic<std::size_t> next_launch{0};
    std::atomic<std::size_t> launch_end{0};
    Counter connect_failures{0};
    Counter accepts_refused{0};
    Counter disconnects{0};
    std::atomic<std::size_t> open{0};
    std::atomic<bool> closing{false};
    SyncCounter agent_syncs;
    SyncCounter customer_syncs;

    // The measured window of the running phase, in now_ns() time.
    std::atomic<std::int64_t> window_begin{std::numeric_limits<std::int64_t>::max()};
    std::atomic<std::int64_t> window_end{std::numeric_limits<std::int64_t>::max()};
    // Whole phase, for the drain.
    Counter sent{0};
    Counter delivered{0};
    Counter acked{0};
    Counter rejected{0};
    // Measured window only.
    Counter sent_window{0};
    Counter delivered_window{0};
    Counter acked_window{0};
    Counter rejected_window{0};

    std::mutex mutex;  // guards the rest
    std::vector<std::int64_t> latencies;
    std::vector<std::int64_t> ack_latencies;
    std::map<std::string, std::uint64_t> rejections;
    std::vector<std::string> problems;
};

// [SECTION] Session

// One simulated customer or agent: its WebSocket (on a strand when there are two io
// threads) and a reader that only looks at the end of each message (keys are sorted, so
// "type" comes last) unless the message is one worth parsing.
class LoadGenerator::Session : public std::enable_shared_from_this<Session> {
public:
    Session(Shared& shared, SessionSpec spec, std::size_t index)
        : shared_(shared),
          spec_(std::move(spec)),
          index_(index),
          executor_(shared.session_executor()) {}

    bool agent() const { return spec_.agent; }
    asio::any_io_executor executor() { return executor_; }

    void start() {
        const auto self = shared_from_this();
        client::WsConnection::Handlers handlers;
        handlers.opened = client::weakly(self, &Session::on_opened);
        handlers.message = client::weakly(self, &Session::on_text);
        handlers.failed = client::weakly(self, &Session::finish_connect);
        handlers.lost = client::weakly(self, &Session::on_lost);
        connection_ = std::make_shared<client::WsConnection>(executor_, shared_.server,
                                                             kMaxMessageBytes, std::move(handlers));
        connection_->start();
    }

    // A post_customer_message stamped now; also the echo run's message.
    void send_message() {
        if (!connected()) {
            return;
        }
        const std::int64_t stamp = now_ns();
        std::string& text = next_slot();
        text += R"({"type":"post_customer_message","command_id":"m)";
        append_number(text, static_cast<std::int64_t>(index_));
        text += '.';
        append_number(text, stamp);
        text += R"(","chat":")";
        text += spec_.chat;
        text += R"(","text":"t=)";
        append_number(text, stamp);
        text += ' ';
        text += shared_.filler;
        text += R"("})";
        shared_.sent.fetch_add(1, std::memory_order_relaxed);
        if (shared_.in_window(stamp)) {
            shared_.sent_window.fetch_add(1, std::memory_order_relaxed);
        }
        flush();
    }

    void go_online() {
        presence_pending_ = true;
        if (!connected()) {
            presence_done();
            return;
        }
        const nlohmann::json command = {{"type", "set_presence"},
                                        {"command_id", "p" + spec_.agent_id},
                                        {"agent", spec_.agent_id},
                                        {"presence", "online"}};
        next_slot() = command.dump();
        flush();
    }

    void start_accepting(std::vector<std::string> chats, std::size_t window) {
        to_accept_ = std::move(chats);
        accept_window_ = std::max<std::size_t>(1, window);
        accepting_ = true;
        if (!connected() || to_accept_.empty()) {
            accepts_done();
            return;
        }
        pump_accepts();
    }

private:
    bool connected() const { return connection_ && connection_->is_open(); }

    void on_opened() {
        shared_.open.fetch_add(1);
        if (shared_.target == Target::echo) {
            finish_connect({});
        } else {
            const nlohmann::json hello = {{"type", "hello"},
                                          {"protocol_version", 1},
                                          {"client", "parley-server-bench/0.1.0"},
                                          {"token", spec_.token}};
            next_slot() = hello.dump();
            flush();
        }
    }

    // Once per session: ready (no reason) or failed; the next handshake may start.
    void finish_connect(const std::string& failure) {
        if (connect_reported_) {
            return;
        }
        connect_reported_ = true;
        if (!failure.empty()) {
            shared_.connect_failures.fetch_add(1);
            shared_.problem(std::string(spec_.agent ? "agent " : "customer ") +
                            std::to_string(index_) + ": " + failure);
        }
        shared_.launch_next();
        shared_.connects.done();
    }

    void on_lost(const std::string& why) {
        shared_.open.fetch_sub(1);
        if (!shared_.closing) {
            if (connect_reported_) {
                shared_.disconnects.fetch_add(1);
            }
            shared_.problem(std::string(spec_.agent ? "agent " : "customer ") +
                            std::to_string(index_) + " lost its connection: " + why);
        }
        finish_connect("closed before its first sync: " + why);
        if (presence_pending_) {
            presence_done();
        }
        if (accepting_) {
            accepts_done();
        }
    }

    void on_text(std::string_view text) {
        const std::int64_t now = now_ns();
        if (shared_.target == Target::echo) {
            on_delivery(text, now);
            return;
        }
        if (text.ends_with(R"("type":"event"})")) {
            // Customers get their own message back too; only the agent's copy is a delivery.
            if (spec_.agent && text.find(R"("type":"message_posted")") != std::string_view::npos) {
                on_delivery(text, now);
            }
        } else if (text.ends_with(R"("type":"ack"})")) {
            on_ack(text, now);
        } else if (text.ends_with(R"("type":"rejected"})")) {
            on_rejected(text);
        } else if (text.ends_with(R"("type":"sync"})")) {
            if (!connect_reported_) {
                (spec_.agent ? shared_.agent_syncs : shared_.customer_syncs).add(text.size());
                finish_connect({});
            }
        } else if (text.ends_with(R"("type":"error"})")) {
            shared_.problem(std::string(spec_.agent ? "agent " : "customer ") +
                            std::to_string(index_) +
                            " was refused: " + std::string(text.substr(0, 300)));
        }
    }

    void on_delivery(std::string_view text, std::int64_t now) {
        const std::size_t marker = text.rfind(kStampMarker);
        if (marker == std::string_view::npos) {
            return;
        }
        const auto stamp = number_at(text, marker + kStampMarker.size());
        if (!stamp) {
            return;
        }
        shared_.delivered.fetch_add(1, std::memory_order_relaxed);
        if (shared_.in_window(*stamp)) {
            shared_.delivered_window.fetch_add(1, std::memory_order_relaxed);
            shared_.record(shared_.latencies, now - *stamp);
        }
    }

    void on_ack(std::string_view text, std::int64_t now) {
        const std::size_t id = text.find(kCommandIdMarker);
        if (id == std::string_view::npos) {
            return;
        }
        const std::size_t kind = id + kCommandIdMarker.size();
        if (kind >= text.size()) {
            return;
        }
        switch (text[kind]) {
        case 'm': {
            shared_.acked.fetch_add(1, std::memory_order_relaxed);
            const std::size_t dot = text.find('.', kind);
            const auto stamp =
                dot == std::string_view::npos ? std::nullopt : number_at(text, dot + 1);
            if (stamp && shared_.in_window(*stamp)) {
                shared_.acked_window.fetch_add(1, std::memory_order_relaxed);
                shared_.record(shared_.ack_latencies, now - *stamp);
            }
            break;
        }
        case 'p':
            presence_done();
            break;
        case 'a':
            accept_answered();
            break;
        default:
            break;
        }
    }

    // Rare: parsed in full, for the code.
    void on_rejected(std::string_view text) {
        const auto message = nlohmann::json::parse(text, nullptr, false);
        const std::string id = message.is_object() ? message.value("command_id", "") : "";
        const std::string code = message.is_object() ? message.value("code", "?") : "?";
        const std::string who =
            std::string(spec_.agent ? "agent " : "customer ") + std::to_string(index_);
        if (id.starts_with('m')) {
            shared_.rejected.fetch_add(1, std::memory_order_relaxed);
            const std::size_t dot = id.find('.');
            const auto stamp = dot == std::string::npos ? std::nullopt : number_at(id, dot + 1);
            if (stamp && shared_.in_window(*stamp)) {
                shared_.rejected_window.fetch_add(1, std::memory_order_relaxed);
            }
            const std::lock_guard lock(shared_.mutex);
            ++shared_.rejections[code];
        } else if (id.starts_with('a')) {
            shared_.accepts_refused.fetch_add(1);
            shared_.problem(who + ": accept_chat refused: " + std::string(text.substr(0, 300)));
            accept_answered();
        } else if (id.starts_with('p')) {
            shared_.problem(who + ": set_presence refused: " + std::string(text.substr(0, 300)));
            presence_done();
        } else {
            shared_.problem(who + ": " + std::string(text.substr(0, 300)));
        }
    }

    void presence_done() {
        if (presence_pending_) {
            presence_pending_ = false;
            shared_.presence.done();
        }
    }

    void pump_accepts() {
        while (accepts_in_flight_ < accept_window_ && next_accept_ < to_accept_.size()) {
            const std::string& chat = to_accept_[next_accept_++];
            std::string& text = next_slot();
            text += R"({"type":"accept_chat","command_id":"a.)";
            text += chat;
            text += R"(","chat":")";
            text += chat;
            text += R"("})";
            ++accepts_in_flight_;
        }
        flush();
    }

    void accept_answered() {
        if (!accepting_) {
            return;
        }
        --accepts_in_flight_;
        if (++accepts_answered_ == to_accept_.size()) {
            accepts_done();
        } else {
            pump_accepts();
        }
    }

    void accepts_done() {
        if (accepting_) {
            accepting_ = false;
            shared_.accepts.done();
        }
    }

    std::string& next_slot() { return connection_->next_slot(); }
    void flush() { connection_->flush(); }

    Shared& shared_;
    SessionSpec spec_;
    std::size_t index_;
    asio::any_io_executor executor_;
    std::shared_ptr<client::WsConnection> connection_;
    bool connect_reported_ = false;
    bool presence_pending_ = false;
    bool accepting_ = false;
    std::vector<std::string> to_accept_;
    std::size_t accept_window_ = 1;
    std::size_t next_accept_ = 0;
    std::size_t accepts_in_flight_ = 0;
    std::size_t accepts_answered_ = 0;
};

// [SECTION] Pacer

// Sends message k of the phase at begin + k / rate, to customer k mod n: every customer
// writes at the same steady rate and the total is the offered rate. A 1 ms timer releases
// whatever has come due, so the schedule holds even when a tick runs late.
class LoadGenerator::Pacer : public std::enable_shared_from_this<Pacer> {
public:
    Pacer(asio::io_context& io, std::vector<std::shared_ptr<Session>> senders, double rate,
          std::int64_t begin, std::int64_t end)
        : timer_(io), senders_(std::move(senders)), rate_(rate), begin_(begin), end_(end) {}

    void tick() {
        if (senders_.empty()) {
            return;
        }
        const std::int64_t now = now_ns();
        const std::int64_t until = std::clamp(now, begin_, end_);
        const auto due =
            static_cast<std::uint64_t>(static_cast<double>(until - begin_) * rate_ / 1e9);
        if (issued_ < due) {
            const double scheduled =
                static_cast<double>(begin_) + static_cast<double>(issued_) * 1e9 / rate_;
            const double lag_ms = (static_cast<double>(now) - scheduled) / 1e6;
            if (lag_ms > max_lag_ms_.load(std::memory_order_relaxed)) {
                max_lag_ms_.store(lag_ms, std::memory_order_relaxed);
            }
        }
        for (; issued_ < due; ++issued_) {
            const auto& session = senders_[issued_ % senders_.size()];
            asio::post(session->executor(), [session] { session->send_message(); });
        }
        if (now >= end_) {
            return;
        }
        timer_.expires_after(std::chrono::milliseconds(1));
        timer_.async_wait([self = shared_from_this()](beast::error_code error) {
            if (!error) {
                self->tick();
            }
        });
    }

    double max_lag_ms() const { return max_lag_ms_.load(std::memory_order_relaxed); }

private:
    asio::steady_timer timer_;
    std::vector<std::shared_ptr<Session>> senders_;
    double rate_;
    std::int64_t begin_;
    std::int64_t end_;
    std::uint64_t issued_ = 0;
    std::atomic<double> max_lag_ms_{0};
};

// [SECTION] LoadGenerator

LoadGenerator::LoadGenerator(Target target, tcp::endpoint server, unsigned threads,
                             std::size_t text_bytes)
    : shared_(std::make_unique<Shared>(target, std::move(server), threads, text_bytes)) {
    shared_->launch_next = [this] { launch_next(); };
    for (unsigned i = 0; i < shared_->threads; ++i) {
        threads_.emplace_back([this] { shared_->io.run(); });
    }
}

LoadGenerator::~LoadGenerator() {
    shared_->closing = true;
    shared_->work.reset();
    shared_->io.stop();
    for (std::thread& thread : threads_) {
        thread.join();
    }
}

asio::io_context& LoadGenerator::io() {
    return shared_->io;
}

void LoadGenerator::launch_next() {
    const std::size_t index = shared_->next_launch.fetch_add(1);
    if (index < shared_->launch_end.load()) {
        sessions_[index]->start();
    }
}

bool LoadGenerator::connect(std::vector<SessionSpec> specs, std::size_t parallel,
                            std::chrono::seconds stall, std::string& error) {
    const std::size_t first = sessions_.size();
    for (SessionSpec& spec : specs) {
        auto session = std::make_shared<Session>(*shared_, std::move(spec), sessions_.size());
        (session->agent() ? agents_ : customers_).push_back(session);
        sessions_.push_back(std::move(session));
    }
    const std::uint64_t failures_before = shared_->connect_failures.load();
    shared_->connects.reset(sessions_.size() - first);
    shared_->next_launch = first;
    shared_->launch_end = sessions_.size();
    for (std::size_t i = 0; i < std::min(parallel, sessions_.size() - first); ++i) {
        launch_next();
    }
    if (!shared_->connects.wait(stall)) {
        error = std::to_string(shared_->connects.remaining()) + " of " +
                std::to_string(sessions_.size() - first) + " connections made no progress for " +
                std::to_string(stall.count()) + " s";
        return false;
    }
    const std::uint64_t failures = shared_->connect_failures.load() - failures_before;
    if (failures != 0) {
        const auto seen = problems();
        error = std::to_string(failures) + " of " + std::to_string(sessions_.size() - first) +
                " connections failed" + (seen.empty() ? "" : "; first: " + seen.front());
        return false;
    }
    return true;
}

bool LoadGenerator::go_online(std::chrono::seconds stall, std::string& error) {
    shared_->presence.reset(agents_.size());
    for (const auto& agent : agents_) {
        asio::post(agent->executor(), [agent] { agent->go_online(); });
    }
    if (!shared_->presence.wait(stall)) {
        error = std::to_string(shared_->presence.remaining()) +
                " agents had no answer to set_presence for " + std::to_string(stall.count()) + " s";
        return false;
    }
    return true;
}

std::optional<std::uint64_t> LoadGenerator::accept_chats(
    std::vector<std::vector<std::string>> chats, std::size_t window, std::chrono::seconds stall) {
    const std::uint64_t refused_before = shared_->accepts_refused.load();
    chats.resize(agents_.size());
    shared_->accepts.reset(agents_.size());
    for (std::size_t i = 0; i < agents_.size(); ++i) {
        asio::post(agents_[i]->executor(),
                   [agent = agents_[i], mine = std::move(chats[i]), window]() mutable {
                       agent->start_accepting(std::move(mine), window);
                   });
    }
    if (!shared_->accepts.wait(stall)) {
        return std::nullopt;
    }
    return shared_->accepts_refused.load() - refused_before;
}

PhaseResult LoadGenerator::run_phase(double rate, std::chrono::seconds warmup,
                                     std::chrono::seconds measure, std::chrono::seconds drain,
                                     pid_t server) {
    Shared& s = *shared_;
    for (Counter* counter : {&s.sent, &s.delivered, &s.acked, &s.rejected, &s.sent_window,
                             &s.delivered_window, &s.acked_window, &s.rejected_window}) {
        counter->store(0);
    }
    const auto expected =
        static_cast<std::size_t>(rate * static_cast<double>(measure.count()) * 1.2);
    {
        const std::lock_guard lock(s.mutex);
        s.latencies.clear();
        s.ack_latencies.clear();
        s.latencies.reserve(expected);
        s.ack_latencies.reserve(s.target == Target::parley ? expected : 0);
        s.rejections.clear();
    }
    const std::uint64_t disconnects_before = s.disconnects.load();
    const std::int64_t start = now_ns() + 1'000'000;
    const std::int64_t begin = start + std::chrono::nanoseconds(warmup).count();
    const std::int64_t end = begin + std::chrono::nanoseconds(measure).count();
    s.window_begin = begin;
    s.window_end = end;

    auto pacer = std::make_shared<Pacer>(s.io, customers_, rate, start, end);
    asio::post(s.io, [pacer] { pacer->tick(); });

    const auto at = [](std::int64_t ns) {
        return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(ns));
    };
    std::this_thread::sleep_until(at(begin));
    const double server_before = cpu_seconds(server);
    const double client_before = cpu_seconds(getpid());
    const MachineCpu machine_before = machine_cpu();
    std::this_thread::sleep_until(at(end));
    const double server_after = cpu_seconds(server);
    const double client_after = cpu_seconds(getpid());
    const MachineCpu machine_after = machine_cpu();
    const double window = std::chrono::duration<double>(measure).count();

    const auto settled = [&] {
        const std::uint64_t sent = s.sent.load();
        const std::uint64_t refused = s.rejected.load();
        const bool delivered = s.delivered.load() + refused >= sent;
        return delivered && (s.target == Target::echo || s.acked.load() + refused >= sent);
    };
    const auto drain_until = std::chrono::steady_clock::now() + drain;
    while (!settled() && std::chrono::steady_clock::now() < drain_until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Nothing more counts as this phase's.
    s.window_begin = std::numeric_limits<std::int64_t>::max();
    s.window_end = std::numeric_limits<std::int64_t>::max();

    PhaseResult result;
    result.offered = rate;
    result.seconds = window;
    result.sent_rate = static_cast<double>(s.sent_window.load()) / window;
    result.delivered_rate = static_cast<double>(s.delivered_window.load()) / window;
    result.ack_rate = static_cast<double>(s.acked_window.load()) / window;
    result.rejected = s.rejected_window.load();
    const std::uint64_t sent = s.sent.load();
    const std::uint64_t accounted = s.delivered.load() + s.rejected.load();
    result.undelivered = sent > accounted ? sent - accounted : 0;
    result.server_cores = (server_after - server_before) / window;
    result.client_cores = (client_after - client_before) / window;
    result.machine_cores = (machine_after.busy - machine_before.busy) / window;
    result.pacer_lag_ms = pacer->max_lag_ms();
    result.disconnects = s.disconnects.load() - disconnects_before;
    const std::lock_guard lock(s.mutex);
    result.latency = percentiles(s.latencies);
    result.ack_latency = percentiles(s.ack_latencies);
    result.rejections = s.rejections;
    return result;
}

std::size_t LoadGenerator::connections() const {
    return shared_->open.load();
}

SyncSizes LoadGenerator::sync_sizes() const {
    return {shared_->agent_syncs.read(), shared_->customer_syncs.read()};
}

std::vector<std::string> LoadGenerator::problems() const {
    const std::lock_guard lock(shared_->mutex);
    return shared_->problems;
}

void LoadGenerator::closing() {
    shared_->closing = true;
}

}  // namespace parley::bench
