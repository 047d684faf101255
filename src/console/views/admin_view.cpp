#include "console/views/admin_view.h"

#include "console/admin_model.h"
#include "console/views/admin_agents.h"
#include "console/views/admin_api_keys.h"
#include "console/views/admin_canned.h"
#include "console/views/admin_knowledge.h"
#include "console/views/admin_outages.h"
#include "console/views/admin_queues.h"
#include "console/views/admin_service_desk.h"
#include "console/views/admin_settings.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

struct AdminScreen {
    AdminTab tab;
    const char* label;
    const char* id;
    void (*draw)(const AdminView&, AdminState&, FrameOutput&);
};

constexpr AdminScreen kScreens[] = {
    {AdminTab::queues, "Queues", "queues", draw_admin_queues},
    {AdminTab::agents, "Agents", "agents", draw_admin_agents},
    {AdminTab::canned, "Canned responses", "canned", draw_admin_canned},
    {AdminTab::settings, "Settings", "settings", draw_admin_settings},
    {AdminTab::api_keys, "API keys", "api_keys", draw_admin_api_keys},
    {AdminTab::service_desk, "Service desk", "service_desk", draw_admin_service_desk},
};

}  // namespace

void draw_admin(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.admin) {
        return;
    }
    AdminState& admin = ui.admin;
    if (!ImGui::BeginTabBar("admin-tabs")) {
        return;
    }
    for (const AdminScreen& screen : kScreens) {
        const ImGuiTabItemFlags flags = admin.select_tab && admin.tab == screen.tab
                                            ? ImGuiTabItemFlags_SetSelected
                                            : ImGuiTabItemFlags_None;
        const bool open = ImGui::BeginTabItem(screen.label, nullptr, flags);
        out.publish(std::string("admin.tab.") + screen.id, screen.label);
        if (!open) {
            continue;
        }
        if (!admin.select_tab) {
            admin.tab = screen.tab;
        }
        // The view model was built for the tab shown last frame; a new tab waits one frame.
        if (admin.tab == model.admin->tab) {
            screen.draw(*model.admin, admin, out);
        }
        ImGui::EndTabItem();
    }
    admin.select_tab = false;
    // The knowledge base lives on the server beside the organisation, not in the replica, so
    // these screens read REST answers rather than the admin view model.
    const bool knowledge = ImGui::BeginTabItem("Knowledge");
    out.publish("admin.tab.knowledge", "Knowledge");
    if (knowledge) {
        draw_admin_knowledge(model, ui, out);
        ImGui::EndTabItem();
    }
    const bool outages = ImGui::BeginTabItem("Outages");
    out.publish("admin.tab.outages", "Outages");
    if (outages) {
        draw_admin_outages(model, ui, out);
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

}  // namespace parley::console
