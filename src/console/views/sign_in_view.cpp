#include "console/views/sign_in_view.h"

#include "console/theme.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace parley::console {

void draw_sign_in_view(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    SignInForm& form = ui.sign_in;
    const ImVec2 area = ImGui::GetContentRegionAvail();
    const float width = std::min(area.x, ImGui::GetFontSize() * 24.0f);
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (area.x - width) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + area.y * 0.18f);
    // As tall as the form plus its sentences, wrapped to the card: never a scrollbar.
    const float wrap = width - ImGui::GetStyle().WindowPadding.x * 2.0f;
    const auto sentence_height = [&](const std::string& text) {
        return text.empty() ? 0.0f
                            : ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y +
                                  ImGui::GetStyle().ItemSpacing.y;
    };
    const float height = ImGui::GetFontSize() * 12.5f + sentence_height(model.sign_in_reason) +
                         sentence_height(form.problem);
    ImGui::BeginChild("sign-in", ImVec2(width, height), true);

    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted("Sign in to Parley");
    ImGui::PopStyleColor();
    if (!model.sign_in_reason.empty()) {
        coloured_wrapped(theme::kPending, model.sign_in_reason.c_str());
    }
    ImGui::Spacing();

    ImGui::TextUnformatted("Agent");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() && form.agent.empty()) {
        ImGui::SetKeyboardFocusHere();
    }
    input_text("##agent", form.agent);
    out.publish("sign_in.agent", "Agent");
    ImGui::TextUnformatted("Password");
    ImGui::SetNextItemWidth(-1);
    if (ImGui::IsWindowAppearing() && !form.agent.empty()) {
        ImGui::SetKeyboardFocusHere();
    }
    const bool entered =
        input_text("##password", form.password,
                   ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
    out.publish("sign_in.password", "Password");
    ImGui::Spacing();

    const bool ready = !form.busy && !form.agent.empty() && !form.password.empty();
    ImGui::BeginDisabled(!ready);
    const bool clicked = ImGui::Button(form.busy ? "Signing in…" : "Sign in",
                                       ImVec2(ImGui::GetFontSize() * 8.0f, 0));
    ImGui::EndDisabled();
    out.publish("sign_in.submit", "Sign in", ready);
    if (ready && (clicked || entered)) {
        out.sign_in = SignInRequest{form.agent, form.password};
    }
    if (!form.problem.empty()) {
        coloured_wrapped(theme::kBad, form.problem.c_str());
        out.publish("sign_in.problem", form.problem, false, form.problem);
    }
    ImGui::EndChild();
}

}  // namespace parley::console
