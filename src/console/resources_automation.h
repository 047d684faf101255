// The Resources panel in the automation summary (see automation.h), so browser tests read the
// suggestions, the preview and the composer text an Insert produced.
#pragma once

#include "console/resources_model.h"

#include <nlohmann/json.hpp>

namespace parley::console {

// {"outages":[{"service":…,"title":…,"current":true}],"suggestions":[{"id":3,"title":…}],
//  "suggestions_loading":false,"results":[…],"preview":{"id":3,"title":…},"draft":"…"}
nlohmann::json resources_json(const ResourcesView& view);

}  // namespace parley::console
