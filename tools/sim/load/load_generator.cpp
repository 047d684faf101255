// The load generator: one WebSocket session per simulated customer or agent, and the pacer that
// makes the offered load open-loop (messages leave on schedule whether or not earlier ones were
// answered, so a slow server shows as latency and backlog rather than as a politely slower client).
//
// [SECTION] Helpers
// [SECTION] Shared state of one generator
// [SECTION] Session
// [SECTION] Pacer
// [SECTION] LoadGenerator
#include "load_generator.h"

#include "process_figures.h"

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
#include <functional>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

namespace parley::load {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;

// [SECTION] Helpers

// Where the send stamp sits in a message_posted event, and in the echoed command: "t=" for a
// customer's message, "a=" for an agent's answer.
constexpr std::string_view kStampMarker = R"("text":"t=)";
constexpr std::string_view kReplyMarker = R"("text":"a=)";
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

}  // namespace

std::int64_t now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
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
    Countdown chat_commands;
    std::atomic<std::size_t> next_launch{0};
    std::atomic<std::size_t> launch_end{0};
    Counter connect_failures{0};
    Counter chat_commands_refused{0};
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
    Counter reply_sent{0};
    Counter reply_delivered{0};
    Counter reply_rejected{0};
    // Measured window only.
    Counter sent_window{0};
    Counter delivered_window{0};
    Counter acked_window{0};
    Counter rejected_window{0};
    Counter reply_sent_window{0};
    Counter reply_delivered_window{0};
    Counter reply_rejected_window{0};

    std::mutex mutex;  // guards the rest
    std::vector<std::int64_t> latencies;
    std::vector<std::int64_t> ack_latencies;
    std::vector<std::int64_t> reply_latencies;
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
        if (connected()) {
            send_stamped(R"({"type":"post_customer_message","command_id":"m)", spec_.chat,
                         R"(","text":"t=)", shared_.sent, shared_.sent_window);
        }
    }

    // A post_agent_message stamped now, in the next of the chats this agent got.
    void send_reply() {
        if (connected() && !held_.empty()) {
            send_stamped(R"({"type":"post_agent_message","command_id":"r)",
                         held_[next_reply_++ % held_.size()], R"(","text":"a=)", shared_.reply_sent,
                         shared_.reply_sent_window);
        }
    }

    // `opening` names the command and starts its id; `marker` starts the text.
    void send_stamped(std::string_view opening, const std::string& chat, std::string_view marker,
                      Counter& total, Counter& window) {
        const std::int64_t stamp = now_ns();
        std::string& text = next_slot();
        text += opening;
        append_number(text, static_cast<std::int64_t>(index_));
        text += '.';
        append_number(text, stamp);
        text += R"(","chat":")";
        text += chat;
        text += marker;
        append_number(text, stamp);
        text += ' ';
        text += shared_.filler;
        text += R"("})";
        total.fetch_add(1, std::memory_order_relaxed);
        if (shared_.in_window(stamp)) {
            window.fetch_add(1, std::memory_order_relaxed);
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

    // accept_chat ('a') or close_chat ('c') for each of `chats`, `window` of them in flight.
    void start_chat_commands(char kind, std::vector<std::string> chats, std::size_t window) {
        command_kind_ = kind;
        to_send_ = std::move(chats);
        command_window_ = std::max<std::size_t>(1, window);
        next_command_ = 0;
        commands_in_flight_ = 0;
        commands_answered_ = 0;
        sending_commands_ = true;
        if (!connected() || to_send_.empty()) {
            chat_commands_done();
            return;
        }
        pump_chat_commands();
    }

    // The chats it accepted, taken: a closing run closes them.
    std::vector<std::string> take_held() {
        next_reply_ = 0;
        return std::exchange(held_, {});
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
        if (sending_commands_) {
            chat_commands_done();
        }
    }

    void on_text(std::string_view text) {
        const std::int64_t now = now_ns();
        if (shared_.target == Target::echo) {
            on_delivery(text, now);
            return;
        }
        if (text.ends_with(R"("type":"event"})")) {
            // Everyone gets their own messages back too: a delivery is the other side's copy.
            if (text.find(R"("type":"message_posted")") != std::string_view::npos) {
                if (spec_.agent) {
                    on_delivery(text, now);
                } else {
                    on_reply_delivery(text, now);
                }
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
        on_stamped(text, now, kStampMarker, shared_.delivered, shared_.delivered_window,
                   shared_.latencies);
    }

    void on_reply_delivery(std::string_view text, std::int64_t now) {
        on_stamped(text, now, kReplyMarker, shared_.reply_delivered, shared_.reply_delivered_window,
                   shared_.reply_latencies);
    }

    // A message whose text starts with `marker` and its send stamp arrived at `now`.
    void on_stamped(std::string_view text, std::int64_t now, std::string_view marker,
                    Counter& total, Counter& window, std::vector<std::int64_t>& latencies) {
        const std::size_t at = text.rfind(marker);
        if (at == std::string_view::npos) {
            return;
        }
        const auto stamp = number_at(text, at + marker.size());
        if (!stamp) {
            return;
        }
        total.fetch_add(1, std::memory_order_relaxed);
        if (shared_.in_window(*stamp)) {
            window.fetch_add(1, std::memory_order_relaxed);
            shared_.record(latencies, now - *stamp);
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
        case 'a': {
            // "a.<chat>"
            const std::size_t end = text.find('"', kind);
            if (end != std::string_view::npos && end > kind + 2) {
                held_.emplace_back(text.substr(kind + 2, end - kind - 2));
            }
            chat_command_answered();
            break;
        }
        case 'c':
            chat_command_answered();
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
            count_refused_message(id, code, shared_.rejected, shared_.rejected_window);
        } else if (id.starts_with('r')) {
            count_refused_message(id, code, shared_.reply_rejected, shared_.reply_rejected_window);
        } else if (id.starts_with('a') || id.starts_with('c')) {
            shared_.chat_commands_refused.fetch_add(1);
            shared_.problem(who + ": " + (id.starts_with('a') ? "accept_chat" : "close_chat") +
                            " refused: " + std::string(text.substr(0, 300)));
            chat_command_answered();
        } else if (id.starts_with('p')) {
            shared_.problem(who + ": set_presence refused: " + std::string(text.substr(0, 300)));
            presence_done();
        } else {
            shared_.problem(who + ": " + std::string(text.substr(0, 300)));
        }
    }

    // "<kind><sender>.<stamp>": counted as the phase's, and in the window's by its stamp.
    void count_refused_message(const std::string& id, const std::string& code, Counter& total,
                               Counter& window) {
        total.fetch_add(1, std::memory_order_relaxed);
        const std::size_t dot = id.find('.');
        const auto stamp = dot == std::string::npos ? std::nullopt : number_at(id, dot + 1);
        if (stamp && shared_.in_window(*stamp)) {
            window.fetch_add(1, std::memory_order_relaxed);
        }
        const std::lock_guard lock(shared_.mutex);
        ++shared_.rejections[code];
    }

    void presence_done() {
        if (presence_pending_) {
            presence_pending_ = false;
            shared_.presence.done();
        }
    }

    void pump_chat_commands() {
        while (commands_in_flight_ < command_window_ && next_command_ < to_send_.size()) {
            const std::string& chat = to_send_[next_command_++];
            std::string& text = next_slot();
            text += command_kind_ == 'a' ? R"({"type":"accept_chat","command_id":"a.)"
                                         : R"({"type":"close_chat","command_id":"c.)";
            text += chat;
            text += R"(","chat":")";
            text += chat;
            text += command_kind_ == 'a'
                        ? R"("})"
                        : R"(","category":"Load test","notes":"Closed at the end of a load run.",)"
                          R"("resolve_ticket":false})";
            ++commands_in_flight_;
        }
        flush();
    }

    void chat_command_answered() {
        if (!sending_commands_) {
            return;
        }
        --commands_in_flight_;
        if (++commands_answered_ == to_send_.size()) {
            chat_commands_done();
        } else {
            pump_chat_commands();
        }
    }

    void chat_commands_done() {
        if (sending_commands_) {
            sending_commands_ = false;
            shared_.chat_commands.done();
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
    bool sending_commands_ = false;
    char command_kind_ = 'a';
    std::vector<std::string> to_send_;
    std::size_t command_window_ = 1;
    std::size_t next_command_ = 0;
    std::size_t commands_in_flight_ = 0;
    std::size_t commands_answered_ = 0;
    std::vector<std::string> held_;  // the chats this agent accepted
    std::size_t next_reply_ = 0;
};

// [SECTION] Pacer

// Sends message k of the phase at begin + k / rate, from sender k mod n: every sender writes
// at the same steady rate and the total is the offered rate. A 1 ms timer releases
// whatever has come due, so the schedule holds even when a tick runs late.
class LoadGenerator::Pacer : public std::enable_shared_from_this<Pacer> {
public:
    using Send = void (Session::*)();

    Pacer(asio::io_context& io, std::vector<std::shared_ptr<Session>> senders, Send send,
          double rate, std::int64_t begin, std::int64_t end)
        : timer_(io),
          senders_(std::move(senders)),
          send_(send),
          rate_(rate),
          begin_(begin),
          end_(end) {}

    void tick() {
        if (senders_.empty() || rate_ <= 0) {
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
            asio::post(session->executor(), [session, send = send_] { ((*session).*send)(); });
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
    Send send_;
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

std::optional<std::uint64_t> LoadGenerator::run_chat_commands(
    char kind, std::vector<std::vector<std::string>> chats, std::size_t window,
    std::chrono::seconds stall) {
    const std::uint64_t refused_before = shared_->chat_commands_refused.load();
    chats.resize(agents_.size());
    shared_->chat_commands.reset(agents_.size());
    for (std::size_t i = 0; i < agents_.size(); ++i) {
        // A closing run takes the agent's own accepted chats, on its executor.
        asio::post(agents_[i]->executor(),
                   [agent = agents_[i], kind, mine = std::move(chats[i]), window]() mutable {
                       agent->start_chat_commands(
                           kind, kind == 'c' ? agent->take_held() : std::move(mine), window);
                   });
    }
    if (!shared_->chat_commands.wait(stall)) {
        return std::nullopt;
    }
    return shared_->chat_commands_refused.load() - refused_before;
}

std::optional<std::uint64_t> LoadGenerator::accept_chats(
    std::vector<std::vector<std::string>> chats, std::size_t window, std::chrono::seconds stall) {
    return run_chat_commands('a', std::move(chats), window, stall);
}

std::optional<std::uint64_t> LoadGenerator::close_chats(std::size_t window,
                                                        std::chrono::seconds stall) {
    return run_chat_commands('c', {}, window, stall);
}

PhaseResult LoadGenerator::run_phase(const PhaseSpec& spec, const ServerReader& server) {
    Shared& s = *shared_;
    const bool replies = s.target == Target::parley && spec.reply_rate > 0;
    for (Counter* counter :
         {&s.sent, &s.delivered, &s.acked, &s.rejected, &s.reply_sent, &s.reply_delivered,
          &s.reply_rejected, &s.sent_window, &s.delivered_window, &s.acked_window,
          &s.rejected_window, &s.reply_sent_window, &s.reply_delivered_window,
          &s.reply_rejected_window}) {
        counter->store(0);
    }
    const auto expected = [&](double rate) {
        return static_cast<std::size_t>(rate * static_cast<double>(spec.measure.count()) * 1.2);
    };
    {
        const std::lock_guard lock(s.mutex);
        s.latencies.clear();
        s.ack_latencies.clear();
        s.reply_latencies.clear();
        s.latencies.reserve(expected(spec.rate));
        s.ack_latencies.reserve(s.target == Target::parley ? expected(spec.rate) : 0);
        s.reply_latencies.reserve(replies ? expected(spec.reply_rate) : 0);
        s.rejections.clear();
    }
    const std::uint64_t disconnects_before = s.disconnects.load();
    const std::int64_t start = now_ns() + 1'000'000;
    const std::int64_t begin = start + std::chrono::nanoseconds(spec.warmup).count();
    const std::int64_t end = begin + std::chrono::nanoseconds(spec.measure).count();
    s.window_begin = begin;
    s.window_end = end;

    auto pacer =
        std::make_shared<Pacer>(s.io, customers_, &Session::send_message, spec.rate, start, end);
    auto reply_pacer = std::make_shared<Pacer>(s.io, agents_, &Session::send_reply,
                                               replies ? spec.reply_rate : 0, start, end);
    asio::post(s.io, [pacer] { pacer->tick(); });
    asio::post(s.io, [reply_pacer] { reply_pacer->tick(); });

    const auto at = [](std::int64_t ns) {
        return std::chrono::steady_clock::time_point(std::chrono::nanoseconds(ns));
    };
    std::this_thread::sleep_until(at(begin));
    const auto server_before = server ? server() : std::nullopt;
    const double client_before = cpu_seconds(getpid());
    const MachineCpu machine_before = machine_cpu();
    std::this_thread::sleep_until(at(end));
    const auto server_after = server ? server() : std::nullopt;
    const double client_after = cpu_seconds(getpid());
    const MachineCpu machine_after = machine_cpu();
    const double window = std::chrono::duration<double>(spec.measure).count();

    const auto settled = [&] {
        const std::uint64_t sent = s.sent.load();
        const std::uint64_t refused = s.rejected.load();
        const bool delivered = s.delivered.load() + refused >= sent;
        const bool answered =
            s.reply_delivered.load() + s.reply_rejected.load() >= s.reply_sent.load();
        return delivered && answered &&
               (s.target == Target::echo || s.acked.load() + refused >= sent);
    };
    const auto drain_until = std::chrono::steady_clock::now() + spec.drain;
    while (!settled() && std::chrono::steady_clock::now() < drain_until) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    // Nothing more counts as this phase's.
    s.window_begin = std::numeric_limits<std::int64_t>::max();
    s.window_end = std::numeric_limits<std::int64_t>::max();

    const auto undelivered = [](std::uint64_t sent, std::uint64_t accounted) {
        return sent > accounted ? sent - accounted : 0;
    };
    PhaseResult result;
    result.offered = spec.rate;
    result.seconds = window;
    result.sent_rate = static_cast<double>(s.sent_window.load()) / window;
    result.delivered_rate = static_cast<double>(s.delivered_window.load()) / window;
    result.ack_rate = static_cast<double>(s.acked_window.load()) / window;
    result.rejected = s.rejected_window.load();
    result.undelivered = undelivered(s.sent.load(), s.delivered.load() + s.rejected.load());
    result.reply_offered = replies ? spec.reply_rate : 0;
    result.reply_sent_rate = static_cast<double>(s.reply_sent_window.load()) / window;
    result.reply_delivered_rate = static_cast<double>(s.reply_delivered_window.load()) / window;
    result.reply_rejected = s.reply_rejected_window.load();
    result.reply_undelivered =
        undelivered(s.reply_sent.load(), s.reply_delivered.load() + s.reply_rejected.load());
    if (server_before && server_after) {
        result.server_read = true;
        result.server_cores = (server_after->cpu_seconds - server_before->cpu_seconds) / window;
        result.server_rss_mib = server_after->rss_mib;
    }
    result.client_cores = (client_after - client_before) / window;
    result.machine_cores = (machine_after.busy - machine_before.busy) / window;
    result.pacer_lag_ms = std::max(pacer->max_lag_ms(), reply_pacer->max_lag_ms());
    result.disconnects = s.disconnects.load() - disconnects_before;
    const std::lock_guard lock(s.mutex);
    result.latency = percentiles(s.latencies);
    result.ack_latency = percentiles(s.ack_latencies);
    result.reply_latency = percentiles(s.reply_latencies);
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

}  // namespace parley::load
