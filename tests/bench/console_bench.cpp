// Benchmark of one console frame, NewFrame to Render (building the view model and drawing it
// headless), with 100,000 chats waiting in the agent's Queue and a 10,000-message transcript
// open; then the same with the All chats table open over those 100,000 chats; then a
// supervisor's Floor over them, a second passing every frame so it is rebuilt each time; then
// the desk again with an event arriving every frame (the customer typing in the held chat), so
// every cache keyed on the replica is rebuilt each frame. Prints
// percentiles only; nothing here asserts on time. Runs natively, and as wasm under node and in
// chromium.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include <imgui.h>

#include "../console/headless_imgui.h"
#include "console/announcer.h"
#include "console/view_model_builder.h"
#include "console/views/console_view.h"
#include "core/apply.h"
#include "core/decide.h"
#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/session.h"

namespace {

using namespace parley;
using Clock = std::chrono::steady_clock;

constexpr core::Timestamp kStart = 1'700'000'000'000;
constexpr int kQueuedChats = 100'000;
constexpr int kTranscriptMessages = 10'000;
// Enough frames for a p99 that is more than the slowest handful, after the JIT and caches warm.
constexpr int kWarmFrames = 1000;
constexpr int kMeasuredFrames = 1000;

class Truth {
public:
    void run(const core::Actor& actor, core::Command command) {
        const core::CommandEnvelope envelope{"b" + std::to_string(++count_), actor, now_,
                                             std::move(command)};
        core::Decision decision = core::decide(state, envelope);
        if (decision.rejection) {
            std::fprintf(stderr, "refused: %s\n", decision.rejection->message.c_str());
            std::exit(1);
        }
        for (core::EventEnvelope& event : decision.events) {
            core::apply(state, std::move(event));
            ++seq;
        }
        now_ += 10;
    }
    core::ChatId start(core::QueueId queue, int n) {
        const core::CustomerId who = "cust" + std::to_string(n);
        core::StartChat start;
        start.customer = core::Customer{who, "Customer " + std::to_string(n), "", ""};
        start.queue = queue;
        start.text = "Hello, I have a question about my invoice number " + std::to_string(n);
        start.chat = "chat-" + std::to_string(n);
        run(core::Actor::customer(who), std::move(start));
        return state.chats.back().id;
    }
    core::Timestamp now() const { return now_; }

    core::State state;
    std::uint64_t seq = 0;

private:
    std::uint64_t count_ = 0;
    core::Timestamp now_ = kStart;
};

struct Percentiles {
    double p50;
    double p99;
};

// `tick` is how far the clock moves each frame (the floor is rebuilt when a second passes);
// `each_frame`, when given, runs before each frame (an event arriving).
Percentiles measure(console::Session& session, console::UiState& ui, core::Timestamp now,
                    core::Duration tick = 0, const std::function<void(int)>& each_frame = {}) {
    console::ConnectionView connection;
    connection.status = console::ConnectionStatus::connected;
    console::ViewModelCaches caches;
    console::Announcer announcer;
    std::vector<double> times;
    for (int frame = 0; frame < kWarmFrames + kMeasuredFrames; ++frame) {
        const auto begin = Clock::now();
        if (each_frame) {
            each_frame(frame);
        }
        ImGui::NewFrame();
        const console::ConsoleViewModel model =
            console::build_view_model(session, connection, ui, now, frame / 60.0, caches);
        announcer.update(model, session.replica().state());
        now += tick;
        console::FrameOutput out;
        console::draw_console(model, ui, out);
        ImGui::Render();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - begin).count();
        if (frame >= kWarmFrames) {
            times.push_back(ms);
        }
    }
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[times.size() * 99 / 100]};
}

}  // namespace

int main() {
    Truth truth;
    // The transcript's customer writes more than a chat's default allows.
    truth.run(core::Actor::system(), core::UpdateSettings{[] {
                  core::Settings settings;
                  settings.customer_messages_per_chat = kTranscriptMessages;
                  return settings;
              }()});
    truth.run(core::Actor::system(), core::CreateQueue{[] {
                  core::QueueConfig config;
                  config.name = "Billing";
                  return config;
              }()});
    const core::QueueId billing = truth.state.queues.back().id;
    truth.run(core::Actor::system(),
              core::CreateAgent{"maria", {"Maria Garcia", core::Role::agent, ""}, 4});
    truth.run(core::Actor::system(), core::AddQueueMember{billing, "maria"});
    const core::Actor maria = core::Actor::agent("maria");
    truth.run(maria, core::SetPresence{"maria", core::Presence::online});
    truth.run(core::Actor::system(),
              core::CreateAgent{"sofia", {"Sofia Rossi", core::Role::supervisor, ""}, 4});
    const core::Actor sofia = core::Actor::agent("sofia");

    const core::ChatId held = truth.start(billing, 0);
    truth.run(maria, core::AcceptChat{held});
    for (int i = 1; i < kTranscriptMessages; ++i) {
        const std::string text = "Message " + std::to_string(i) +
                                 ": a line long enough to wrap once in the transcript column of "
                                 "the console at its usual width, as real answers do.";
        if (i % 2 == 0) {
            truth.run(maria, core::PostAgentMessage{held, text, {}});
        } else {
            truth.run(core::Actor::customer("cust0"), core::PostCustomerMessage{held, text, {}});
        }
    }
    for (int n = 1; n <= kQueuedChats; ++n) {
        truth.start(billing, n);
    }

    console::Session session("bench");
    session.welcomed(maria);
    session.receive(protocol::encode_sync(truth.seq, protocol::encode_snapshot(
                                                         core::visible_state(truth.state, maria))),
                    0);

    console::testing::create_headless_imgui();

    console::UiState ui;
    ui.open_chat(held);
    {
        console::ViewModelCaches caches;
        console::ConnectionView connection;
        connection.status = console::ConnectionStatus::connected;
        const auto model =
            console::build_view_model(session, connection, ui, truth.now(), 0, caches);
        std::printf("lists: %zu queued, %zu held; open transcript: %zu lines\n",
                    model.queue.total(), model.mine.total(),
                    model.chat ? model.chat->transcript.size() : 0);
    }
    const Percentiles desk = measure(session, ui, truth.now());
    std::printf("frame, desk (%d queued, %d-message transcript): p50 %.2f ms, p99 %.2f ms\n",
                kQueuedChats, kTranscriptMessages, desk.p50, desk.p99);
    ui.workspace = console::Workspace::all_chats;
    const Percentiles table = measure(session, ui, truth.now());
    std::printf("frame, All chats (%d rows): p50 %.2f ms, p99 %.2f ms\n", kQueuedChats + 1,
                table.p50, table.p99);

    console::Session supervisor("bench-supervisor");
    supervisor.welcomed(sofia);
    supervisor.receive(
        protocol::encode_sync(truth.seq,
                              protocol::encode_snapshot(core::visible_state(truth.state, sofia))),
        0);
    console::UiState floor_ui;
    floor_ui.workspace = console::Workspace::floor;
    const Percentiles floor = measure(supervisor, floor_ui, truth.now(), core::kSecond);
    std::printf(
        "frame, Floor over %d waiting chats, rebuilt every frame: p50 %.2f ms, p99 %.2f "
        "ms\n",
        kQueuedChats, floor.p50, floor.p99);

    ui.workspace = console::Workspace::desk;
    std::uint64_t seq = truth.seq;
    const Percentiles busy = measure(session, ui, truth.now(), 0, [&](int frame) {
        const core::EventEnvelope typing{
            "typing-" + std::to_string(frame), core::Actor::customer("cust0"), truth.now(),
            core::TypingChanged{held, core::Side::customer, frame % 2 == 0}};
        session.receive(protocol::encode_event_message(++seq, protocol::encode_event(typing)), 0);
    });
    std::printf("frame, desk (%d queued) with an event every frame: p50 %.2f ms, p99 %.2f ms\n",
                kQueuedChats, busy.p50, busy.p99);
    ImGui::DestroyContext();
    return 0;
}
