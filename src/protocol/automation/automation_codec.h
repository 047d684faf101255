// Writing the automation snapshot, by the same schema code as the WebSocket and REST
// messages, so that nothing outside src/protocol builds JSON by hand. Encode only: the page
// parses it, nothing in C++ reads it back.
#pragma once

#include <string>

#include "protocol/automation/snapshot.h"

namespace parley::protocol::automation {

// Deterministic JSON (sorted keys); an empty std::optional is left out.
std::string encode(const AutomationSnapshot& snapshot);

}  // namespace parley::protocol::automation
