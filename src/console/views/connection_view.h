// The centre of the console while there is no session: where it connects, what the server
// said, and what happens next (retry countdown, or what to do about a refusal).
#pragma once

#include "console/view_model.h"

namespace parley::console {

void draw_connection_view(const ConsoleViewModel& model);

}  // namespace parley::console
