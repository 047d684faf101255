#include "console/views/widgets.h"

#include "console/theme.h"

namespace parley::console {

bool action_button(const char* label, const ActionState& action, const std::string& item_id,
                   FrameOutput& out, const ImVec2& size) {
    ImGui::BeginDisabled(!action.allowed);
    const bool clicked = ImGui::Button(label, size);
    ImGui::EndDisabled();
    if (!action.allowed && !action.reason.empty() &&
        ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        ImGui::SetTooltip("%s", action.reason.c_str());
    }
    out.publish(item_id, label, action.allowed, action.reason);
    return clicked && action.allowed;
}

bool published_button(const char* label, const std::string& item_id, FrameOutput& out) {
    const bool clicked = ImGui::Button(label);
    out.publish(item_id, label);
    return clicked;
}

bool segment_button(const char* label, const std::string& item_id, bool current, FrameOutput& out) {
    if (current) {
        ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccentDim);
    }
    const bool clicked = published_button(label, item_id, out);
    if (current) {
        ImGui::PopStyleColor();
    }
    return clicked;
}

ImVec4 presence_colour(core::Presence presence) {
    switch (presence) {
    case core::Presence::online:
        return theme::kGood;
    case core::Presence::away:
        return theme::kPending;
    case core::Presence::offline:
        break;
    }
    return theme::kMuted;
}

void status_dot(const ImVec4& colour) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float radius = ImGui::GetTextLineHeight() * 0.3f;
    ImGui::GetWindowDrawList()->AddCircleFilled(
        ImVec2(at.x + radius, at.y + ImGui::GetFrameHeight() * 0.5f), radius,
        ImGui::GetColorU32(colour));
    ImGui::Dummy(ImVec2(radius * 2.5f, ImGui::GetFrameHeight()));
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
}

const char* wrap_point(const char* begin, const char* end, float width) {
    const ImFont* font = ImGui::GetFont();
    return font->CalcWordWrapPositionA(ImGui::GetFontSize() / font->FontSize, begin, end, width);
}

ImVec4 line_colour(LineKind kind) {
    switch (kind) {
    case LineKind::customer:
        return theme::kCustomer;
    case LineKind::agent:
        return theme::kGood;
    case LineKind::note:
        return theme::kNoteText;
    case LineKind::bot:
    case LineKind::system:
        break;
    }
    return theme::kMuted;
}

void coloured_wrapped(const ImVec4& colour, const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void plain_text(std::string_view value) {
    ImGui::TextUnformatted(value.data(), value.data() + value.size());
}

}  // namespace parley::console

namespace parley::console {

namespace {

struct TextEdit {
    std::string* text;
    ImGuiInputTextCallback chained;
    void* chained_data;
};

int edit_callback(ImGuiInputTextCallbackData* data) {
    auto* edit = static_cast<TextEdit*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        edit->text->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = edit->text->data();
        return 0;
    }
    if (edit->chained == nullptr) {
        return 0;
    }
    data->UserData = edit->chained_data;
    const int result = edit->chained(data);
    data->UserData = edit;
    return result;
}

}  // namespace

bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags) {
    TextEdit edit{&text, nullptr, nullptr};
    return ImGui::InputText(label, text.data(), text.capacity() + 1,
                            flags | ImGuiInputTextFlags_CallbackResize, edit_callback, &edit);
}

bool input_multiline(const char* label, std::string& text, const ImVec2& size,
                     ImGuiInputTextFlags flags, ImGuiInputTextCallback callback, void* user_data) {
    TextEdit edit{&text, callback, user_data};
    return ImGui::InputTextMultiline(label, text.data(), text.capacity() + 1, size,
                                     flags | ImGuiInputTextFlags_CallbackResize, edit_callback,
                                     &edit);
}

}  // namespace parley::console
