#include "console/views/admin_canned.h"

#include "console/admin_commands.h"
#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void draw_canned_list(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (!begin_list_table("admin-canned", 4)) {
        return;
    }
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Shortcut", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 5.0f);
    ImGui::TableSetupColumn("For", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 7.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4.5f);
    ImGui::TableHeadersRow();
    for (const AdminCannedRow& row : view.canned) {
        const core::CannedResponse& response = *row.response;
        const std::string key = std::to_string(response.id);
        ImGui::PushID(static_cast<int>(response.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const bool selected = admin.canned && admin.canned->id == response.id;
        if (ImGui::Selectable(response.title.c_str(), selected,
                              ImGuiSelectableFlags_AllowItemOverlap)) {
            admin.canned = CannedForm{response.id, response.title, response.shortcut, response.text,
                                      response.owner.has_value()};
        }
        out.publish("admin.canned/" + key, response.title);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (!response.shortcut.empty()) {
            ImGui::TextDisabled("/%s", response.shortcut.c_str());
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (response.owner) {
            ImGui::TextUnformatted(row.owner.data(), row.owner.data() + row.owner.size());
        } else {
            ImGui::TextUnformatted("Everyone");
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (action_button("Delete", row.remove, "admin.canned.delete/" + key, out)) {
            out.send(core::DeleteCannedResponse{response.id},
                     "Delete the canned response " + response.title);
            if (selected) {
                admin.canned.reset();
            }
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_canned_form(const AdminView& view, AdminState& admin, FrameOutput& out) {
    CannedForm& form = *admin.canned;
    form_heading(form.id ? "Edit canned response" : "New canned response");
    form_text("Title", form.title, "admin.canned.title", out);
    form_text("Shortcut", form.shortcut, "admin.canned.shortcut", out);
    form_label("Text");
    input_multiline("##admin.canned.text", form.text,
                    ImVec2(-1, ImGui::GetTextLineHeight() * 6.0f));
    out.publish("admin.canned.text", "Text");
    form_label("");
    ImGui::TextDisabled("Placeholders: {customer_name}, {agent_name}");
    if (!form.id) {
        form_label("Who uses it");
        if (form_choice("Everyone (shared)", !form.personal, "admin.canned.shared", out)) {
            form.personal = false;
        }
        ImGui::SameLine();
        if (form_choice("Only me (personal)", form.personal, "admin.canned.personal", out)) {
            form.personal = true;
        }
    }
    ImGui::Spacing();
    form_label("");
    if (action_button(form.id ? "Save changes" : "Create response", view.canned_save,
                      "admin.canned.save", out)) {
        out.send(
            canned_command(form),
            (form.id ? "Change the canned response " : "Create the canned response ") + form.title);
        admin.canned.reset();
        return;
    }
    ImGui::SameLine();
    if (published_button("Close", "admin.canned.cancel", out)) {
        admin.canned.reset();
        return;
    }
    form_verdict(view.canned_save);
}

}  // namespace

void draw_admin_canned(const AdminView& view, AdminState& admin, FrameOutput& out) {
    list_and_form(
        "admin-canned",
        [&] {
            if (published_button("New response", "admin.canned.new", out)) {
                admin.canned = CannedForm{};
            }
            ImGui::Spacing();
            draw_canned_list(view, admin, out);
        },
        [&] { draw_canned_form(view, admin, out); }, admin.canned.has_value(),
        "Choose a response to edit it, or create a new one.");
}

}  // namespace parley::console
