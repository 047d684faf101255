// The automation bridge: each frame the console's labelled interactive items (stable id,
// label, screen rectangle, enabled, the core's reason when not) and a summary of what is on
// screen, as one JSON text a shell can hand to the page. The console only fills the snapshot's
// structs; the protocol's codec writes them, so no JSON is built by hand here. Browser tests
// click the published rectangles with real mouse events; the same list can later feed an
// accessibility mirror.
#pragma once

#include "console/frame_output.h"
#include "console/view_model.h"
#include "protocol/automation/snapshot.h"

#include <string>

namespace parley::console {

// The frame as the snapshot's structs (protocol/automation/snapshot.h): the screen, the
// lists' visible rows, the open chat's last lines, the open workspace, the published items.
protocol::automation::AutomationSnapshot automation_snapshot(const ConsoleViewModel& model,
                                                             const FrameOutput& output);

// The snapshot as the page reads it: {"screen":"desk","connection":"connected",
// "agent":"Maria Garcia","queue":[{"key":…,"customer":"Ann Lee",…}],"chat":{…},
// "items":[{"id":"accept/…","label":"Accept","x":…,"enabled":true}],…}.
std::string automation_json(const ConsoleViewModel& model, const FrameOutput& output);

}  // namespace parley::console
