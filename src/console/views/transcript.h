// The selected chat's transcript: author, time and delivery state of each message, system
// lines, bot lines, and internal notes on their own background. Cut into one-line rows and
// drawn through ImGuiListClipper, so only what is on screen costs anything, even with 10,000
// messages. Sends read receipts for what the agent has seen.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

namespace parley::console {

void draw_transcript(const ChatView& chat, UiState& ui, FrameOutput& out);

// Cuts `lines` into rows for `width` pixels of the current font, reusing `layout` when only
// lines were added since it was made.
void lay_out_transcript(const ChatView& chat, float width, TranscriptLayout& layout);

}  // namespace parley::console
