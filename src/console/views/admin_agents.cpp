#include "console/views/admin_agents.h"

#include "console/admin_commands.h"
#include "console/admin_requests.h"
#include "console/labels.h"
#include "console/theme.h"
#include "console/views/admin_form.h"
#include "console/views/admin_membership.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

void draw_role(core::Role& role, const std::string& prefix, FrameOutput& out) {
    form_label("Role");
    for (core::Role choice : {core::Role::agent, core::Role::supervisor, core::Role::admin}) {
        if (form_choice(label_of(choice), role == choice,
                        prefix + ".role." + std::string(core::to_string(choice)), out)) {
            role = choice;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
}

void presence_cell(const core::Agent& agent) {
    status_dot(agent.enabled ? presence_colour(agent.presence) : theme::kMuted);
    ImGui::TextUnformatted(agent.enabled ? std::string(core::to_string(agent.presence)).c_str()
                                         : "disabled");
}

void draw_agent_list(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (!begin_list_table("admin-agents", 6)) {
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Agent", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Role", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ImGui::TableSetupColumn("Queues", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Chats", ImGuiTableColumnFlags_WidthFixed, em * 3.5f);
    ImGui::TableSetupColumn("Presence", ImGuiTableColumnFlags_WidthFixed, em * 5.5f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 4.5f);
    ImGui::TableHeadersRow();
    for (const AdminAgentRow& row : view.agents) {
        const core::Agent& agent = *row.agent;
        ImGui::PushID(agent.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const bool selected = admin.agent && admin.agent->agent == agent.id;
        if (ImGui::Selectable(agent.profile.name.c_str(), selected,
                              ImGuiSelectableFlags_AllowItemOverlap)) {
            admin.agent = AgentForm{
                agent.id, agent.profile, agent.capacity, {}, view.password_answer.generation};
            admin.new_agent.reset();
        }
        out.publish("admin.agent/" + agent.id, agent.profile.name);
        ImGui::TextDisabled("%s%s%s", agent.id.c_str(), agent.profile.company.empty() ? "" : " · ",
                            agent.profile.company.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label_of(agent.profile.role));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextWrapped("%s", row.queues.empty() ? "—" : row.queues.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%d / %d", row.load, agent.capacity);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        presence_cell(agent);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (action_button(agent.enabled ? "Disable" : "Enable", row.toggle,
                          "admin.agent.toggle/" + agent.id, out)) {
            out.send(core::SetAgentEnabled{agent.id, !agent.enabled},
                     (agent.enabled ? "Disable " : "Enable ") + agent.profile.name);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_password(const AdminView& view, AgentForm& form, FrameOutput& out) {
    form_heading("Password");
    form_text("New password", form.new_password, "admin.agent.password", out,
              ImGuiInputTextFlags_Password);
    form_label("");
    if (published_button("Reset password", "admin.agent.reset_password", out)) {
        out.call(kResetPassword, "PUT", "/api/admin/agents/" + form.agent + "/password",
                 password_body(form.new_password));
        form.new_password.clear();
    }
    if (view.password_answer.pending || view.password_answer.generation > form.since) {
        answer_line(view.password_answer, "The password is reset; the agent's sessions ended.");
    }
}

void draw_agent_form(const AdminView& view, AdminState& admin, FrameOutput& out) {
    AgentForm& form = *admin.agent;
    form_heading("Profile");
    form_label("Sign-in name");
    ImGui::TextUnformatted(form.agent.c_str());
    form_text("Name", form.profile.name, "admin.agent.name", out);
    draw_role(form.profile.role, "admin.agent", out);
    form_text("Company", form.profile.company, "admin.agent.company", out);
    form_label("");
    if (action_button("Save profile", view.profile_save, "admin.agent.save_profile", out)) {
        out.send(profile_command(form), "Change " + form.profile.name + "'s profile");
    }
    form_verdict(view.profile_save);
    form_heading("Capacity");
    form_number("Chats at once", form.capacity, "admin.agent.capacity", out, "at most");
    form_label("");
    if (action_button("Set capacity", view.capacity_save, "admin.agent.save_capacity", out)) {
        out.send(capacity_command(form), "Change " + form.profile.name + "'s capacity");
    }
    form_verdict(view.capacity_save);
    draw_memberships("Queues", view.agent_queues, Listed::queues, out);
    draw_password(view, form, out);
    ImGui::Spacing();
    if (published_button("Close", "admin.agent.cancel", out)) {
        admin.agent.reset();
    }
}

void draw_new_agent(const AdminView& view, AdminState& admin, FrameOutput& out) {
    NewAgentForm& form = *admin.new_agent;
    form_heading("New account");
    form_text("Sign-in name", form.agent, "admin.new_agent.id", out);
    form_text("Name", form.profile.name, "admin.new_agent.name", out);
    draw_role(form.profile.role, "admin.new_agent", out);
    form_text("Company", form.profile.company, "admin.new_agent.company", out);
    form_number("Chats at once", form.capacity, "admin.new_agent.capacity", out, "at most");
    form_text("Password", form.password, "admin.new_agent.password", out,
              ImGuiInputTextFlags_Password);
    bool first = true;
    for (const CandidateQueue& queue : view.queue_choices) {
        form_label(first ? "Queues" : "");
        first = false;
        const auto found = std::find(form.queues.begin(), form.queues.end(), queue.id);
        bool member = found != form.queues.end();
        const std::string name(queue.name);
        if (ImGui::Checkbox(name.c_str(), &member)) {
            if (member) {
                form.queues.push_back(queue.id);
            } else {
                form.queues.erase(found);
            }
        }
        out.publish("admin.new_agent.queue/" + std::to_string(queue.id), name);
    }
    ImGui::Spacing();
    form_label("");
    if (action_button("Create account", view.new_agent_save, "admin.new_agent.create", out)) {
        out.call(kCreateAgent, "POST", "/api/admin/agents", new_agent_body(form));
    }
    ImGui::SameLine();
    if (published_button("Close", "admin.new_agent.cancel", out)) {
        admin.new_agent.reset();
        return;
    }
    form_verdict(view.new_agent_save);
    if (view.create_agent_answer.pending || view.create_agent_answer.generation > form.since) {
        answer_line(view.create_agent_answer, "The account is created; it can sign in now.");
    }
}

}  // namespace

void draw_admin_agents(const AdminView& view, AdminState& admin, FrameOutput& out) {
    list_and_form(
        "admin-agents",
        [&] {
            if (published_button("New account", "admin.agent.new", out)) {
                admin.new_agent = NewAgentForm{};
                admin.new_agent->since = view.create_agent_answer.generation;
                admin.agent.reset();
            }
            ImGui::Spacing();
            draw_agent_list(view, admin, out);
        },
        [&] {
            if (admin.new_agent) {
                draw_new_agent(view, admin, out);
            } else {
                draw_agent_form(view, admin, out);
            }
        },
        admin.agent || admin.new_agent, "Choose an agent to edit the account, or create one.");
}

}  // namespace parley::console
