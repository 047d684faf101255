// The admin Knowledge screen: every article (drafts too) on the left; on the right the chosen
// one's form (title, body, tags, link, the queues that may use it, published or draft), saved
// and deleted over REST.
#pragma once

#include "console/frame_output.h"
#include "console/ui_state.h"
#include "console/view_model.h"

#include <set>
#include <string>

namespace parley::console {

void draw_admin_knowledge(const ConsoleViewModel& model, UiState& ui, FrameOutput& out);

// A checkbox per queue under a form label, for the queues an article or an outage names;
// each published as `item_prefix` + the queue id.
void form_queue_choices(const AdminView& admin, std::set<core::QueueId>& chosen,
                        const std::string& item_prefix, FrameOutput& out);

}  // namespace parley::console
