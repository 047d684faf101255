// The Resources panel in the automation snapshot (see automation.h), so browser tests read the
// suggestions, the preview and the composer text an Insert produced.
#pragma once

#include "console/resources_model.h"
#include "protocol/automation/workspaces.h"

namespace parley::console {

protocol::automation::ResourcesSummary resources_summary(const ResourcesView& view);

}  // namespace parley::console
