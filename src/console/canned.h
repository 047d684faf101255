// Canned responses in the composer: which ones match what follows a "/", and their text with
// the placeholders filled in. Both spellings of a placeholder work: {customer.name} and
// {customer_name}, {agent.name} and {agent_name}. No ImGui.
#pragma once

#include "console/view_model.h"

#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

// Responses whose shortcut or title contains `typed` (ASCII case ignored), shortcut matches
// first.
std::vector<const CannedView*> matching_canned(const std::vector<CannedView>& canned,
                                               std::string_view typed);

std::string expand_placeholders(std::string_view text, std::string_view customer_name,
                                std::string_view agent_name);

}  // namespace parley::console
