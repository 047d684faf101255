// A chat's transcript as the views list it: messages and internal notes in time order, with
// the core's activity (hand-overs, escalations) as system lines in their place. Shared by the
// desk's open chat and the History workspace's replayed chat. No ImGui.
#pragma once

#include "console/view_model.h"
#include "core/state.h"

#include <string>
#include <vector>

namespace parley::console {

// `activity_texts`: the sentences of chat.activity (activity_text), in order. Lines refer
// into `chat` and `activity_texts`, which must outlive them.
std::vector<TranscriptLine> transcript_lines(const core::State& state, const core::Chat& chat,
                                             const std::vector<std::string>& activity_texts);

}  // namespace parley::console
