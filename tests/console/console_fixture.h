// The console end to end without a browser: a headless ImGui context, a FakeServer running
// the engine over the core fixture's State, and a sign-in that answers at once. Tests click
// published automation items by their rectangles and type with ImGui's input queue, frame by
// frame, then check what the console sent and what the replica shows.
#pragma once

#include "../core/core_fixture.h"
#include "console/console_app.h"
#include "fake_server.h"

#include <imgui.h>

#include <memory>
#include <string>

namespace parley::console::testing {

class InstantSignIn final : public SignIn {
public:
    void request(const std::string& agent, const std::string& password) override {
        requests.push_back(agent + "/" + password);
        inbox.emplace_back(SignedIn{"token-" + agent});
    }
    void sign_out() override { inbox.emplace_back(SignedOut{}); }
    std::vector<SignInEvent> drain() override { return std::exchange(inbox, {}); }

    std::vector<std::string> requests;
    std::vector<SignInEvent> inbox;
};

class ConsoleTest : public core::testing::CoreTest {
protected:
    void SetUp() override;
    void TearDown() override;

    // One frame at the current time; `seconds` later than the last one.
    void frame(double seconds = 0.05);
    void frames(int count);
    // The item published under `id` in the last frame, or nullptr.
    const AutomationItem* item(const std::string& id) const;
    // Moves the mouse onto the item, presses and releases `button` (0 left, 1 right) on it, and
    // draws the frame after.
    void click(const std::string& id, int button = 0);
    void type(const std::string& text);
    void press_enter();
    // Signs in as `agent` (the fake server welcomes whoever signs in) and waits for the desk.
    void sign_in(const std::string& agent);
    // Opens a chat from My chats and waits until its composer has the keyboard.
    void open_held(const core::ChatId& chat);
    const ConsoleViewModel& model() const { return app->view_model(); }
    // Every event the fixture runs goes through the engine, to the feeds that may see it.
    void commit(const core::EventEnvelope& event) override;

    engine::Engine engine{state};
    std::unique_ptr<FakeServer> server;
    InstantSignIn gate;
    std::unique_ptr<ConsoleApp> app;
    double seconds = 0;
};

// The workspaces a supervisor reads from the server: Maria in Billing, Sofia supervising.
class SupervisorWorkspaceTest : public ConsoleTest {
protected:
    void SetUp() override;

    // Answers the console's one request with the server's refusal, Sofia's role not enough.
    void refuse_the_request();

    core::QueueId billing = 0;
    core::Actor maria;
};

}  // namespace parley::console::testing
