// The command an open dialog would send with what has been filled in so far. The view model
// asks the core about exactly this command, so a dialog's confirm button is enabled (or says
// why not) by the same rules the server will apply. No ImGui.
#pragma once

#include "console/ui_state.h"
#include "core/commands.h"

#include <optional>
#include <string>

namespace parley::console {

std::optional<core::Command> dialog_command(const DialogState& dialog);
// What the agent asks for with it, in their words ("Transfer the chat").
std::string dialog_purpose(Dialog dialog);

}  // namespace parley::console
