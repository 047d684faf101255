// The Resources tab beside the chat (outages, articles suggested for the customer's words,
// search, a preview, and Insert into the composer) and the outage banner over the Desk.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

// Asks the server again when what the panel shows may have changed: the open chat's
// suggestions when its latest customer message changes, the outages once a minute. Runs every
// frame on the Desk, whichever tab is showing, so the panel is ready when opened.
void request_resources(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

// The Desk's right column: the chat's customer information (chat_panel.h) in one tab, the
// Resources in the other, whose label counts the suggestions.
void draw_side_column(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

// A strip naming each current outage, wrapped to the width it is given; nothing when there
// is none.
void draw_outage_banner(const ConsoleViewModel& model, FrameOutput& out);

}  // namespace parley::console
