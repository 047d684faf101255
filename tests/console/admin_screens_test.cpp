// The Admin workspace's screens drawn headless over the core fixture's State, clicked and typed
// into like a person would: each form sends exactly the core command its confirm button was
// judged on, buttons the core refuses say why, and what was sent is run through the core as
// the server would, so the next frame shows its effect.
#include "../core/core_fixture.h"
#include "console/admin_model.h"
#include "console/views/admin_agents.h"
#include "console/views/admin_canned.h"
#include "console/views/admin_queues.h"
#include "console/views/admin_settings.h"
#include "headless_imgui.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <string>

namespace parley::console::testing {
namespace {

using AdminScreen = std::function<void(const AdminView&, AdminState&, FrameOutput&)>;

class AdminScreensTest : public core::testing::CoreTest {
protected:
    void SetUp() override {
        create_headless_imgui();
        ImGui::GetIO().KeyMap[ImGuiKey_A] = kSelectAllKey;
        billing = add_queue("Billing");
        maria = add_agent("maria", {billing}, 2);
        chen = add_agent("chen", {core::kGeneralQueueId}, 3);
        ada = add_agent("ada", {}, 3, core::Role::admin);
    }

    void TearDown() override {
        ImGui::DestroyContext();
        CoreTest::TearDown();
    }

    // Draws `screen` for the admin; what it sends runs through the core at once.
    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 0.05f;
        ImGui::NewFrame();
        admin.tab = tab;
        const AdminView view = build_admin_view(state, ada, admin, nullptr, now);
        FrameOutput out;
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("admin", nullptr, ImGuiWindowFlags_NoDecoration);
        screen(view, admin, out);
        ImGui::End();
        ImGui::Render();
        for (Outgoing& outgoing : out.commands) {
            sent.push_back(outgoing.what);
            run(ada, std::move(outgoing.command));
        }
        items = std::move(out.items);
    }

    void open(AdminTab which, AdminScreen draw) {
        tab = which;
        screen = std::move(draw);
        frame();
        frame();
    }

    const AutomationItem* item(const std::string& id) const {
        for (const AutomationItem& candidate : items) {
            if (candidate.id == id) {
                return &candidate;
            }
        }
        return nullptr;
    }

    void click(const std::string& id) {
        const AutomationItem* target = item(id);
        ASSERT_NE(target, nullptr) << "no item " << id;
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(target->x + target->width * 0.5f, target->y + target->height * 0.5f);
        frame();
        io.MouseDown[0] = true;
        frame();
        io.MouseDown[0] = false;
        frame();
        frame();
    }

    // Types into the focused field; the verdicts reflect it the frame after.
    void type(const std::string& text) {
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frame();
        frame();
    }

    // Replaces the text of the field published as `id`.
    void retype(const std::string& id, const std::string& text) {
        click(id);
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = true;
        io.KeysDown[kSelectAllKey] = true;
        frame();
        io.KeysDown[kSelectAllKey] = false;
        io.KeyCtrl = false;
        frame();
        type(text);
    }

    static constexpr int kSelectAllKey = 65;
    core::QueueId billing = 0;
    core::Actor maria;
    core::Actor chen;
    core::Actor ada;
    AdminTab tab = AdminTab::queues;
    AdminScreen screen;
    AdminState admin;
    std::vector<AutomationItem> items;
    std::vector<std::string> sent;
};

TEST_F(AdminScreensTest, SwitchingAQueueToAutoRoutingAssignsItsWaitingChat) {
    const core::ChatId chat = start_chat("ann", billing);
    open(AdminTab::queues, draw_admin_queues);
    click("admin.queue/" + std::to_string(billing));
    click("admin.queue.mode.auto");
    ASSERT_NE(item("admin.queue.save"), nullptr);
    EXPECT_TRUE(item("admin.queue.save")->enabled);
    click("admin.queue.save");
    EXPECT_EQ(state.find_queue(billing)->config.mode, core::RoutingMode::automatic);
    EXPECT_EQ(state.find_chat(chat)->assignee, "maria") << "the waiting chat was routed";
    EXPECT_EQ(sent, std::vector<std::string>{"Change queue Billing"});
}

TEST_F(AdminScreensTest, ANewQueueNeedsANameAndIsCreatedWithTheFormsDurations) {
    open(AdminTab::queues, draw_admin_queues);
    click("admin.queue.new");
    ASSERT_NE(item("admin.queue.save"), nullptr);
    EXPECT_FALSE(item("admin.queue.save")->enabled);
    EXPECT_EQ(item("admin.queue.save")->reason, "Name the queue.");
    click("admin.queue.name");
    type("Sales");
    retype("admin.queue.reminder", "10");
    retype("admin.queue.offer_timeout", "45");
    click("admin.queue.mode.offer");
    click("admin.queue.save");
    const core::Queue& sales = state.queues.back();
    EXPECT_EQ(sales.config.name, "Sales");
    EXPECT_EQ(sales.config.mode, core::RoutingMode::offer);
    EXPECT_EQ(sales.config.reminder_delay, 10 * core::kMinute);
    EXPECT_EQ(sales.config.offer_timeout, 45 * core::kSecond);
    EXPECT_EQ(sales.config.auto_close_delay, 30 * core::kMinute) << "the defaults stay";
}

TEST_F(AdminScreensTest, ATakenNameOrAZeroDelayIsRefusedWithTheCoresSentence) {
    open(AdminTab::queues, draw_admin_queues);
    click("admin.queue.new");
    click("admin.queue.name");
    type("Billing");
    EXPECT_FALSE(item("admin.queue.save")->enabled);
    EXPECT_EQ(item("admin.queue.save")->reason, "A queue named Billing already exists.");
    type(" desk");
    retype("admin.queue.transfer_timeout", "0");
    EXPECT_FALSE(item("admin.queue.save")->enabled);
    EXPECT_EQ(item("admin.queue.save")->reason, "Queue delays and time-outs must be positive.");
}

TEST_F(AdminScreensTest, MembersAreAddedAndRemovedFromTheQueueForm) {
    open(AdminTab::queues, draw_admin_queues);
    click("admin.queue/" + std::to_string(billing));
    click("admin.queue.member/chen");
    EXPECT_TRUE(state.find_queue(billing)->members.contains("chen"));
    click("admin.queue.member/maria");
    EXPECT_FALSE(state.find_queue(billing)->members.contains("maria"));
    EXPECT_EQ(sent, (std::vector<std::string>{"Add chen name to Billing",
                                              "Remove maria name from Billing"}));
}

TEST_F(AdminScreensTest, TheGeneralQueueCannotBeDisabledButAnotherCan) {
    open(AdminTab::queues, draw_admin_queues);
    const AutomationItem* general =
        item("admin.queue.toggle/" + std::to_string(core::kGeneralQueueId));
    ASSERT_NE(general, nullptr);
    EXPECT_FALSE(general->enabled);
    EXPECT_EQ(general->reason, "The General queue cannot be disabled.");
    click("admin.queue.toggle/" + std::to_string(billing));
    EXPECT_FALSE(state.find_queue(billing)->enabled);
}

TEST_F(AdminScreensTest, AnAgentHoldingChatsCannotBeDisabledAndTheButtonSaysWhy) {
    held_chat(maria, billing);
    open(AdminTab::agents, draw_admin_agents);
    const AutomationItem* toggle = item("admin.agent.toggle/maria");
    ASSERT_NE(toggle, nullptr);
    EXPECT_FALSE(toggle->enabled);
    EXPECT_EQ(toggle->reason, "maria name still holds chats; reassign them first.");
    click("admin.agent.toggle/chen");
    EXPECT_FALSE(state.find_agent("chen")->enabled);
}

TEST_F(AdminScreensTest, AnAgentsProfileCapacityAndQueuesAreEdited) {
    open(AdminTab::agents, draw_admin_agents);
    click("admin.agent/chen");
    retype("admin.agent.company", "Acme");
    click("admin.agent.role.supervisor");
    click("admin.agent.save_profile");
    retype("admin.agent.capacity", "6");
    click("admin.agent.save_capacity");
    click("admin.agent.queue/" + std::to_string(billing));
    const core::Agent& agent = *state.find_agent("chen");
    EXPECT_EQ(agent.profile.company, "Acme");
    EXPECT_EQ(agent.profile.role, core::Role::supervisor);
    EXPECT_EQ(agent.capacity, 6);
    EXPECT_TRUE(agent.queues.contains(billing));
}

TEST_F(AdminScreensTest, ACapacityOutOfRangeIsRefusedWithTheCoresSentence) {
    open(AdminTab::agents, draw_admin_agents);
    click("admin.agent/chen");
    retype("admin.agent.capacity", "500");
    EXPECT_FALSE(item("admin.agent.save_capacity")->enabled);
    EXPECT_EQ(item("admin.agent.save_capacity")->reason, "Capacity goes from 0 to 100.");
}

TEST_F(AdminScreensTest, ASharedCannedResponseIsCreatedEditedAndDeleted) {
    open(AdminTab::canned, draw_admin_canned);
    click("admin.canned.new");
    EXPECT_FALSE(item("admin.canned.save")->enabled);
    EXPECT_EQ(item("admin.canned.save")->reason, "A canned response needs a title and a text.");
    click("admin.canned.title");
    type("Refund");
    click("admin.canned.text");
    type("Your refund is on its way.");
    click("admin.canned.save");
    ASSERT_EQ(state.canned_responses.size(), 1u);
    const core::CannedResponseId id = state.canned_responses.begin()->first;
    EXPECT_EQ(state.canned_responses.at(id).title, "Refund");
    EXPECT_FALSE(state.canned_responses.at(id).owner) << "shared unless asked otherwise";

    click("admin.canned/" + std::to_string(id));
    click("admin.canned.title");
    type("s");
    click("admin.canned.save");
    EXPECT_EQ(state.canned_responses.at(id).title, "Refunds");

    click("admin.canned.delete/" + std::to_string(id));
    EXPECT_TRUE(state.canned_responses.empty());
}

TEST_F(AdminScreensTest, SettingsAreSavedAsAWhole) {
    open(AdminTab::settings, draw_admin_settings);
    click("admin.settings.company_filter");
    click("admin.settings.type/image/gif");
    retype("admin.settings.retention", "7");
    click("admin.settings.save");
    EXPECT_TRUE(state.settings.company_filter);
    EXPECT_EQ(state.settings.retention, 7 * core::kDay);
    EXPECT_EQ(state.settings.allowed_attachment_types.back(), "image/gif");
    EXPECT_EQ(state.settings.max_message_length, 4000u) << "untouched fields keep their values";
}

}  // namespace
}  // namespace parley::console::testing
