#include "console/views/admin_outages.h"

#include "console/admin_model.h"
#include "console/api_calls.h"
#include "console/format.h"
#include "console/knowledge_requests.h"
#include "console/views/admin_form.h"
#include "console/views/admin_knowledge.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

// The purpose of this screen's list: the Resources panel's outages call is the same, but its
// answer is the Desk's to keep fresh.
constexpr const char* kOutageList = "outages.list";

void keep_outages_listed(const ConsoleViewModel& model, KnowledgeAdminState& state,
                         FrameOutput& out) {
    const std::uint64_t answers = outcome_of(model.api->result(kSaveOutage)).generation +
                                  outcome_of(model.api->result(kDeleteOutage)).generation;
    if (!state.outages_listed || answers != state.outage_answers) {
        state.outages_listed = true;
        state.outage_answers = answers;
        out.call(kOutageList, "GET", "/api/outages");
    }
}

void draw_outage_list(const ConsoleViewModel& model, KnowledgeAdminState& state, FrameOutput& out) {
    if (!begin_list_table("admin-outages", 3)) {
        return;
    }
    ImGui::TableSetupColumn("Outage", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Service", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 8.0f);
    ImGui::TableSetupColumn("Until", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8.0f);
    ImGui::TableHeadersRow();
    for (const OutageRow& outage : outages_of(model.api->result(kOutageList))) {
        const std::string key = std::to_string(outage.id);
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const bool selected = state.outage.open && state.outage.id == outage.id;
        if (ImGui::Selectable(outage.title.c_str(), selected)) {
            state.outage = form_for(outage, model.now);
        }
        out.publish("admin.outage/" + key, outage.title);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(outage.service.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_date_time(outage.expected_end).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_outage_form(const ConsoleViewModel& model, OutageForm& form, FrameOutput& out) {
    form_heading(form.id ? "Edit outage" : "New outage");
    form_text("Title", form.title, "admin.outage.title", out);
    form_text("Service", form.service, "admin.outage.service", out);
    form_number("Starts in", form.starts_in, "admin.outage.starts_in", out, "minutes");
    form_number("Lasts", form.lasts, "admin.outage.lasts", out, "minutes");
    form_label("Greet in");
    ImGui::TextDisabled("New chats in these queues are told about it.");
    form_queue_choices(*model.admin, form.greet_queues, "admin.outage.greet/", out);
    ImGui::Spacing();
    form_label("");
    if (published_button(form.id ? "Save changes" : "Publish outage", "admin.outage.save", out)) {
        out.call(kSaveOutage, form.id ? "PUT" : "POST",
                 form.id ? outage_path(form.id) : "/api/outages", outage_body(form, model.now));
        form = OutageForm{};
        return;
    }
    ImGui::SameLine();
    if (published_button("Close", "admin.outage.cancel", out)) {
        form = OutageForm{};
        return;
    }
    if (!form.id) {
        return;
    }
    ImGui::SameLine();
    if (!form.confirm_delete) {
        form.confirm_delete = published_button("Withdraw…", "admin.outage.delete", out);
        return;
    }
    if (published_button("Withdraw it", "admin.outage.delete.confirm", out)) {
        out.call(kDeleteOutage, "DELETE", outage_path(form.id));
        form = OutageForm{};
    }
}

}  // namespace

void draw_admin_outages(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.admin || !model.api) {
        return;
    }
    KnowledgeAdminState& state = ui.knowledge;
    keep_outages_listed(model, state, out);
    list_and_form(
        "admin-outages",
        [&] {
            if (published_button("New outage", "admin.outage.new", out)) {
                state.outage = OutageForm{};
                state.outage.open = true;
            }
            answer_line(outcome_of(model.api->result(kSaveOutage)), "Outage saved.");
            ImGui::Spacing();
            draw_outage_list(model, state, out);
        },
        [&] { draw_outage_form(model, state.outage, out); }, state.outage.open,
        "Choose an outage to change it, or publish a new one.");
}

}  // namespace parley::console
