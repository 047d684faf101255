#include "console/views/admin_api_keys.h"

#include "console/format.h"
#include "console/theme.h"
#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void draw_secret(const AdminView& view, AdminState& admin, FrameOutput& out) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(0.12f, 0.24f, 0.16f, 1.0f));
    ImGui::BeginChild("new-secret", ImVec2(0, ImGui::GetFrameHeightWithSpacing() * 2.6f), true);
    ImGui::TextColored(theme::kGood, "Copy this key now: it is shown only once.");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(view.new_secret.c_str());
    out.publish("admin.api_key.secret", view.new_secret);
    ImGui::SameLine();
    if (published_button("Copy", "admin.api_key.copy", out)) {
        ImGui::SetClipboardText(view.new_secret.c_str());
    }
    ImGui::SameLine();
    if (published_button("Done", "admin.api_key.dismiss", out)) {
        admin.dismissed_secret = view.create_key_answer.generation;
    }
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_create(const AdminView& view, AdminState& admin, FrameOutput& out) {
    form_heading("New key");
    form_text("Name", admin.api_key_name, "admin.api_key.name", out);
    form_label("");
    ImGui::TextDisabled("Say what will use it, such as \"Telegram gateway\".");
    form_label("");
    if (published_button("Create key", "admin.api_key.create", out)) {
        out.call(kCreateApiKey, "POST", "/api/admin/api-keys", api_key_body(admin.api_key_name));
        admin.api_key_name.clear();
    }
    answer_line(view.create_key_answer, nullptr);
    if (!view.new_secret.empty()) {
        draw_secret(view, admin, out);
    }
}

void draw_key_list(const AdminView& view, FrameOutput& out) {
    form_heading("Keys");
    if (!view.list_keys_answer.problem.empty()) {
        coloured_wrapped(theme::kBad, view.list_keys_answer.problem.c_str());
    }
    answer_line(view.revoke_key_answer, nullptr);
    if (view.api_keys.empty() && view.list_keys_answer.ok) {
        ImGui::TextDisabled("No API keys yet.");
        return;
    }
    if (!begin_list_table("admin-api-keys", 5)) {
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("Name", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Key id", ImGuiTableColumnFlags_WidthFixed, em * 19.0f);
    ImGui::TableSetupColumn("Created", ImGuiTableColumnFlags_WidthFixed, em * 11.0f);
    ImGui::TableSetupColumn("By", ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableHeadersRow();
    for (const ApiKeyRow& key : view.api_keys) {
        ImGui::PushID(key.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(key.name.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextDisabled("%s", key.id.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(format_date_time(key.created_at).c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(key.created_by.c_str());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (key.revoked) {
            ImGui::TextDisabled("revoked");
        } else if (published_button("Revoke", "admin.api_key.revoke/" + key.id, out)) {
            out.call(kRevokeApiKey, "DELETE", "/api/admin/api-keys/" + key.id);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

}  // namespace

void draw_admin_api_keys(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (view.refresh_api_keys) {
        out.call(kListApiKeys, "GET", "/api/admin/api-keys");
        admin.listed_after_create = view.create_key_answer.generation;
        admin.listed_after_revoke = view.revoke_key_answer.generation;
    }
    ImGui::BeginChild("admin-api-keys", ImVec2(0, 0), true);
    ImGui::TextWrapped(
        "Integrations (bots, channel gateways) start chats and write as customers with a key. "
        "A revoked key stops working at once.");
    draw_create(view, admin, out);
    draw_key_list(view, out);
    ImGui::EndChild();
}

}  // namespace parley::console
