// What every dialog shares: a modal window that opens when UiState says so, and the confirm
// and cancel buttons; confirm is enabled by the core's judgement of the dialog's command.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

// Opens the modal `title` if needed; true while it is showing (call end_dialog then).
bool begin_dialog(const char* title, UiState& ui);
// The same for a dialog about the chat on screen: true while `which` is open and its chat is
// the one shown; a dialog whose chat is no longer shown is dropped.
bool begin_chat_dialog(Dialog which, const char* title, const ConsoleViewModel& model, UiState& ui);
// Confirm and Cancel. Confirm sends the dialog's command and closes it.
void dialog_buttons(const char* confirm, const ConsoleViewModel& model, UiState& ui,
                    FrameOutput& out);
void end_dialog();

}  // namespace parley::console
