// Benchmark of the domain core: message commands per second, accept/close cycles per second,
// and the time of one routing decision with 10,000 agents and 100,000 queued chats.
// Prints figures only; nothing here asserts on time. Runs natively and under node (wasm).
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"

namespace {

using namespace parley::core;
using Clock = std::chrono::steady_clock;

constexpr Timestamp kStart = 1'700'000'000'000;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

class Bench {
public:
    // Decides and applies; stops the program if the command is refused (a broken setup).
    void run(const Actor& actor, Command command) {
        const CommandEnvelope envelope{"b" + std::to_string(++count_), actor, now_,
                                       std::move(command)};
        Decision decision = decide(state_, envelope);
        if (decision.rejection) {
            std::fprintf(stderr, "refused: %s\n", decision.rejection->message.c_str());
            std::exit(1);
        }
        for (EventEnvelope& event : decision.events)
            apply(state_, std::move(event));
    }
    CommandEnvelope envelope(const Actor& actor, Command command) {
        return {"b" + std::to_string(++count_), actor, now_, std::move(command)};
    }
    void advance(Duration by) { now_ += by; }

    QueueId queue(RoutingMode mode) {
        QueueConfig config;
        config.name = "q" + std::to_string(state_.queues.size());
        config.mode = mode;
        run(Actor::system(), CreateQueue{config});
        return state_.queues.size();
    }
    void agents(int count, QueueId queue, int capacity) {
        for (int i = 0; i < count; ++i) {
            const AgentId id = "agent" + std::to_string(i);
            run(Actor::system(), CreateAgent{id, {id, Role::agent, ""}, capacity});
            run(Actor::system(), AddQueueMember{queue, id});
            run(Actor::agent(id), SetPresence{id, Presence::online});
        }
    }
    // The n-th chat started (from 1).
    static ChatId chat_id(int n) { return "chat-" + std::to_string(n); }
    // A chat of customer "cust<customer>".
    ChatId start(QueueId queue, int customer) {
        const CustomerId who = "cust" + std::to_string(customer);
        const ChatId chat = chat_id(++started_);
        run(Actor::customer(who),
            StartChat{Customer{who, who, "", ""}, Channel::web, queue, "Hello", {}, chat});
        return chat;
    }

    State& state() { return state_; }

private:
    State state_;
    Timestamp now_ = kStart;
    long count_ = 0;
    int started_ = 0;
};

void message_posting() {
    Bench bench;
    const QueueId queue = bench.queue(RoutingMode::pick);
    bench.agents(1, queue, 100);
    std::vector<ChatId> chats;
    for (int i = 0; i < 100; ++i) {
        chats.push_back(bench.start(queue, i));
        bench.run(Actor::agent("agent0"), AcceptChat{chats.back()});
    }
    constexpr int kMessages = 1'000'000;
    const auto start = Clock::now();
    for (int i = 0; i < kMessages; ++i) {
        const std::size_t n = static_cast<std::size_t>(i) % chats.size();
        const ChatId& chat = chats[n];
        if (i % 2 == 0) {
            bench.run(Actor::customer("cust" + std::to_string(n)),
                      PostCustomerMessage{chat, "Where is my parcel?", {}});
        } else {
            bench.run(Actor::agent("agent0"), PostAgentMessage{chat, "Let me check.", {}});
        }
    }
    const double elapsed = seconds_since(start);
    std::printf("message posting:        %10.0f commands/s  (%d messages, decide+apply)\n",
                kMessages / elapsed, kMessages);
}

void accept_close_cycles() {
    Bench bench;
    const QueueId queue = bench.queue(RoutingMode::pick);
    bench.agents(10, queue, 3);
    constexpr int kCycles = 200'000;
    const auto start = Clock::now();
    for (int i = 0; i < kCycles; ++i) {
        const ChatId chat = bench.start(queue, i % 1000);
        const Actor agent = Actor::agent("agent" + std::to_string(i % 10));
        bench.run(agent, AcceptChat{chat});
        bench.run(agent, CloseChat{chat, "Answered", "", false});
    }
    const double elapsed = seconds_since(start);
    std::printf(
        "accept/close cycles:    %10.0f commands/s  (%d cycles of start, accept, "
        "close: %.0f cycles/s)\n",
        3.0 * kCycles / elapsed, kCycles, kCycles / elapsed);
}

// 10,000 agents each holding one chat at capacity 1, and 100,000 chats waiting in an auto
// queue: closing a chat frees an agent, and routing gives it the oldest waiting chat.
void routing_with_waiting_chats() {
    Bench bench;
    const QueueId queue = bench.queue(RoutingMode::pick);
    constexpr int kAgents = 10'000;
    constexpr int kWaiting = 100'000;
    bench.agents(kAgents, queue, 1);
    for (int i = 0; i < kAgents; ++i) {
        const ChatId chat = bench.start(queue, i);
        bench.run(Actor::agent("agent" + std::to_string(i)), AcceptChat{chat});
    }
    for (int i = 0; i < kWaiting; ++i)
        bench.start(queue, kAgents + i);
    QueueConfig config = bench.state().find_queue(queue)->config;
    config.mode = RoutingMode::automatic;
    bench.run(Actor::system(), UpdateQueue{queue, config});

    constexpr int kDecisions = 10'000;
    std::vector<CommandEnvelope> closes;
    for (int i = 0; i < kDecisions; ++i) {
        const AgentId agent = "agent" + std::to_string(i);
        const ChatId chat = Bench::chat_id(i + 1);
        closes.push_back(
            bench.envelope(Actor::agent(agent), CloseChat{chat, "Answered", "", false}));
    }
    std::size_t events = 0;
    const auto start = Clock::now();
    for (const CommandEnvelope& close : closes)
        events += decide(bench.state(), close).events.size();
    const double elapsed = seconds_since(start);
    std::printf(
        "routing decision:       %10.2f us/decision (close + route the oldest of "
        "%d waiting chats to the freed agent; %d agents; %zu events)\n",
        elapsed / kDecisions * 1e6, kWaiting, kAgents, events);
}

// 10,000 agents with free capacity and 100,000 chats already routed: a new chat goes to the
// least-loaded, longest-idle agent.
void routing_new_chat() {
    Bench bench;
    const QueueId queue = bench.queue(RoutingMode::automatic);
    constexpr int kAgents = 10'000;
    constexpr int kChats = 100'000;
    bench.agents(kAgents, queue, 20);
    for (int i = 0; i < kChats; ++i) {
        bench.start(queue, i);
        bench.advance(1);
    }
    constexpr int kDecisions = 10'000;
    std::vector<CommandEnvelope> starts;
    for (int i = 0; i < kDecisions; ++i) {
        const CustomerId who = "new" + std::to_string(i);
        starts.push_back(bench.envelope(
            Actor::customer(who),
            StartChat{Customer{who, who, "", ""}, Channel::web, queue, "Hello", {}, "new-" + who}));
    }
    std::size_t events = 0;
    const auto start = Clock::now();
    for (const CommandEnvelope& chat : starts)
        events += decide(bench.state(), chat).events.size();
    const double elapsed = seconds_since(start);
    std::printf(
        "routing decision:       %10.2f us/decision (new chat to the least-loaded of "
        "%d agents holding %d chats; %zu events)\n",
        elapsed / kDecisions * 1e6, kAgents, kChats, events);
}

}  // namespace

int main() {
    std::printf("parley core bench (%s)\n",
#ifdef __EMSCRIPTEN__
                "wasm"
#else
                "native"
#endif
    );
    message_posting();
    accept_close_cycles();
    routing_with_waiting_chats();
    routing_new_chat();
    return 0;
}
