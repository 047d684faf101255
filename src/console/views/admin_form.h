// What the Admin workspace's forms share: a label column so every field starts at the same x,
// fields that publish themselves to the automation bridge, durations typed in minutes or
// seconds (the core keeps milliseconds), and the confirm row that shows the core's sentence
// when it refuses the form's command.
#pragma once

#include "console/admin_requests.h"
#include "console/frame_output.h"
#include "console/view_model.h"
#include "core/ids.h"

#include <functional>
#include <string>

namespace parley::console {

inline constexpr core::Duration kSecondMs = 1000;
inline constexpr core::Duration kMinuteMs = 60 * kSecondMs;
inline constexpr core::Duration kDayMs = 24 * 60 * kMinuteMs;

// Starts a form row: `label` in the label column, the next widget after it.
void form_label(const char* label);
bool form_text(const char* label, std::string& text, const std::string& item_id, FrameOutput& out,
               int flags = 0);
bool form_number(const char* label, int& value, const std::string& item_id, FrameOutput& out,
                 const char* unit = nullptr);
// A duration in whole `unit`s: kSecondMs, kMinuteMs or kDayMs.
bool form_duration(const char* label, core::Duration& value, core::Duration unit,
                   const std::string& item_id, FrameOutput& out);
bool form_checkbox(const char* label, bool& value, const std::string& item_id, FrameOutput& out);
// A radio button on the current row, published as `item_id`.
bool form_choice(const char* label, bool chosen, const std::string& item_id, FrameOutput& out);
// The core's sentence under a form whose confirm it refuses (nothing when it allows it).
void form_verdict(const ActionState& verdict);
// The latest answer to a REST call under the form: "Sending…", the server's sentence when it
// refused, or `success` (when given) once it agreed.
void answer_line(const CallOutcome& answer, const char* success);
// A section heading inside a form.
void form_heading(const char* text);
// A table of the workspace's lists: rows striped and ruled. True when open (ImGui::EndTable).
bool begin_list_table(const char* id, int columns);
// A screen of a list on the left and the chosen item's form (or `hint`) on the right.
void list_and_form(const char* id, const std::function<void()>& list,
                   const std::function<void()>& form, bool form_open, const char* hint);

}  // namespace parley::console
