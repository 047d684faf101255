// The strip across the top: product name and the connection state at a glance.
#pragma once

#include "console/view_model.h"

namespace parley::console {

void draw_top_bar(const ConsoleViewModel& model);

}  // namespace parley::console
