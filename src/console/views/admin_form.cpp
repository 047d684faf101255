#include "console/views/admin_form.h"

#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <climits>

namespace parley::console {

namespace {

float label_width() {
    return ImGui::GetFontSize() * 14.5f;
}

float field_width() {
    return std::min(ImGui::GetFontSize() * 22.0f, ImGui::GetContentRegionAvail().x);
}

float number_width() {
    return ImGui::GetFontSize() * 6.0f;
}

const char* unit_name(core::Duration unit) {
    if (unit == kDayMs) {
        return "days";
    }
    return unit == kMinuteMs ? "minutes" : "seconds";
}

// A unit after a number field, on the same row.
void unit_after(const char* unit) {
    if (unit != nullptr) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", unit);
    }
}

}  // namespace

void form_label(const char* label) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(label);
    ImGui::SameLine(label_width());
}

bool form_text(const char* label, std::string& text, const std::string& item_id, FrameOutput& out,
               int flags) {
    form_label(label);
    ImGui::SetNextItemWidth(field_width());
    const bool changed = input_text(("##" + item_id).c_str(), text, flags);
    out.publish(item_id, label);
    return changed;
}

bool form_number(const char* label, int& value, const std::string& item_id, FrameOutput& out,
                 const char* unit) {
    form_label(label);
    ImGui::SetNextItemWidth(number_width());
    const bool changed = ImGui::InputInt(("##" + item_id).c_str(), &value, 0, 0);
    out.publish(item_id, label);
    unit_after(unit);
    return changed;
}

bool form_duration(const char* label, core::Duration& value, core::Duration unit,
                   const std::string& item_id, FrameOutput& out) {
    int whole = static_cast<int>(std::clamp<core::Duration>(value / unit, 0, INT_MAX));
    const bool changed = form_number(label, whole, item_id, out, unit_name(unit));
    if (changed) {
        value = static_cast<core::Duration>(whole) * unit;
    }
    return changed;
}

bool form_checkbox(const char* label, bool& value, const std::string& item_id, FrameOutput& out) {
    form_label(label);
    const bool changed = ImGui::Checkbox(("##" + item_id).c_str(), &value);
    out.publish(item_id, label);
    return changed;
}

bool form_choice(const char* label, bool chosen, const std::string& item_id, FrameOutput& out) {
    const bool clicked = ImGui::RadioButton(label, chosen);
    out.publish(item_id, label);
    return clicked;
}

void form_verdict(const ActionState& verdict) {
    if (!verdict.allowed && !verdict.reason.empty()) {
        coloured_wrapped(theme::kPending, verdict.reason.c_str());
    }
}

void answer_line(const CallOutcome& answer, const char* success) {
    if (answer.pending) {
        ImGui::TextDisabled("Sending…");
    } else if (!answer.problem.empty()) {
        coloured_wrapped(theme::kBad, answer.problem.c_str());
    } else if (answer.ok && success != nullptr) {
        coloured_wrapped(theme::kGood, success);
    }
}

void form_heading(const char* text) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
    ImGui::Separator();
}

bool begin_list_table(const char* id, int columns) {
    constexpr ImGuiTableFlags kFlags =
        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    return ImGui::BeginTable(id, columns, kFlags);
}

void list_and_form(const char* id, const std::function<void()>& list,
                   const std::function<void()>& form, bool form_open, const char* hint) {
    ImGui::PushID(id);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("list", ImVec2(width * 0.5f, 0), true);
    list();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("form", ImVec2(0, 0), true);
    if (form_open) {
        form();
    } else {
        ImGui::TextDisabled("%s", hint);
    }
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace parley::console
