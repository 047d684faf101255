// Small widgets every panel uses: a button for a core action (disabled with the core's reason
// on hover), a coloured status dot, and the publishing of items to the automation bridge.
#pragma once

#include "console/frame_output.h"
#include "console/view_model.h"

#include <imgui.h>

#include <string>
#include <string_view>

namespace parley::console {

// A button for `action`; disabled when the core refuses it, and then its hover text is the
// core's sentence. Published under `item_id`. True when clicked.
bool action_button(const char* label, const ActionState& action, const std::string& item_id,
                   FrameOutput& out, const ImVec2& size = ImVec2(0, 0));
// A plain button, published under `item_id`.
bool published_button(const char* label, const std::string& item_id, FrameOutput& out);
// One of a row of buttons choosing between views; the current one is filled with the accent.
bool segment_button(const char* label, const std::string& item_id, bool current, FrameOutput& out);
// The colour of a presence's dot.
ImVec4 presence_colour(core::Presence presence);
// A filled circle centred on a widget-high line, followed on the same line by what comes next
// (text aligned to widgets).
void status_dot(const ImVec4& colour);
// Where text from `begin` breaks to fit `width` logical pixels in the current font, which is
// rasterised at the screen's pixel ratio and shown scaled (see theme::load_font).
const char* wrap_point(const char* begin, const char* end, float width);
// The colour of a transcript line's author: customer, agent, note, or muted for the rest.
ImVec4 line_colour(LineKind kind);
// Text wrapped to the available width, in `colour`.
void coloured_wrapped(const ImVec4& colour, const char* text);
// Text as it is: no format string, so a customer's "%s" stays "%s".
void plain_text(std::string_view value);

}  // namespace parley::console

namespace parley::console {

// ImGui text fields over std::string (what misc/cpp/imgui_stdlib does, without building it).
// `callback` runs for the flags the caller asked for, with `user_data`.
bool input_text(const char* label, std::string& text, ImGuiInputTextFlags flags = 0);
bool input_multiline(const char* label, std::string& text, const ImVec2& size,
                     ImGuiInputTextFlags flags = 0, ImGuiInputTextCallback callback = nullptr,
                     void* user_data = nullptr);

}  // namespace parley::console
