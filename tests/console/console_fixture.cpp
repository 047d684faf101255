#include "console_fixture.h"

#include "console/chat_key.h"
#include "headless_imgui.h"

#include <gtest/gtest.h>

namespace parley::console::testing {

namespace {
// Any free slot of io.KeysDown works for Enter in a headless context.
constexpr int kEnterKey = 257;
}  // namespace

void ConsoleTest::SetUp() {
    create_headless_imgui();
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnterKey;
    server = std::make_unique<FakeServer>(engine,
                                          [this](const core::Actor& actor, core::Command command) {
                                              return run(actor, std::move(command));
                                          });
    app = std::make_unique<ConsoleApp>(*server, gate, "test", "test");
}

void ConsoleTest::TearDown() {
    app.reset();
    ImGui::DestroyContext();
    CoreTest::TearDown();
}

void ConsoleTest::commit(const core::EventEnvelope& event) {
    engine::deliver(engine.record(event));
}

void ConsoleTest::frame(double step) {
    seconds += step;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = static_cast<float>(step);
    ImGui::NewFrame();
    app->frame({seconds, now});
    ImGui::Render();
}

void ConsoleTest::frames(int count) {
    for (int i = 0; i < count; ++i) {
        frame();
    }
}

const AutomationItem* ConsoleTest::item(const std::string& id) const {
    for (const AutomationItem& candidate : app->last_output().items) {
        if (candidate.id == id) {
            return &candidate;
        }
    }
    return nullptr;
}

void ConsoleTest::click(const std::string& id, int button) {
    const AutomationItem* target = item(id);
    ASSERT_NE(target, nullptr) << "no item " << id;
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(target->x + target->width * 0.5f, target->y + target->height * 0.5f);
    frame();
    io.MouseDown[button] = true;
    frame();
    io.MouseDown[button] = false;
    frame();
    // What the click changed shows in the view model of the next frame.
    frame();
}

void ConsoleTest::open_held(const core::ChatId& chat) {
    click("tab.My chats");
    click("open/" + chat_key(chat));
    frame();  // the composer takes the keyboard focus the frame after it is asked to
}

void ConsoleTest::type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
}

void ConsoleTest::press_enter() {
    ImGuiIO& io = ImGui::GetIO();
    io.KeysDown[kEnterKey] = true;
    frame();
    io.KeysDown[kEnterKey] = false;
    frame();
}

void ConsoleTest::sign_in(const std::string& agent) {
    frames(3);
    ASSERT_EQ(model().screen, Screen::sign_in);
    server->account = core::Actor::agent(agent);
    click("sign_in.agent");
    type(agent);
    click("sign_in.password");
    type(agent + "-secret");
    click("sign_in.submit");
    frames(3);
    ASSERT_EQ(model().screen, Screen::desk);
    // The Desk asks for the current outages as it opens; tests count their own calls.
    app->take_api_requests();
}

void SupervisorWorkspaceTest::SetUp() {
    ConsoleTest::SetUp();
    billing = add_queue("Billing");
    maria = add_agent("maria", {billing});
    add_agent("sofia", {}, 3, core::Role::supervisor);
}

void SupervisorWorkspaceTest::refuse_the_request() {
    const std::vector<ApiRequest> requests = app->take_api_requests();
    ASSERT_EQ(requests.size(), 1u);
    app->api_answered({requests[0].id, 403,
                       R"({"code":"not_authorized","message":"Your role may not do this."})"});
    frames(2);
}

}  // namespace parley::console::testing
