// The automation bridge: each frame the console's labelled interactive items (stable id,
// label, screen rectangle, enabled, the core's reason when not) and a summary of what is on
// screen, as one JSON text a shell can hand to the page. Browser tests click the published
// rectangles with real mouse events; the same list can later feed an accessibility mirror.
#pragma once

#include "console/frame_output.h"
#include "console/view_model.h"

#include <string>

namespace parley::console {

// {"screen":"desk","connection":"connected","agent":"Maria Garcia","presence":"online",
//  "load":1,"capacity":4,"delayed":false,"queue":[{"key":…,"customer":"Ann Lee",…}],
//  "transferred":[…],"mine":[…],"chat":{"key":…,"customer":"Ann Lee","status":"active",
//  "lines":[…the last lines…],"bot":{"intent":…,"attributes":{…},"transcript":[…]}},
//  "history":{"chat":…,"events":9,"rows":[{"seq":…,"who":…,"what":…}],"selected":3,
//  "replayed":{"status":"queued","assignee":"",…}} in the History workspace,
//  "refusal":"…","items":[{"id":"accept/…","label":"Accept","x":…,"enabled":true}]}
std::string automation_json(const ConsoleViewModel& model, const FrameOutput& output);

}  // namespace parley::console
