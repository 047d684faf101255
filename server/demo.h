// Creates the demo organisation (sim/script/demo_organisation.h) in an empty data folder and
// gives its accounts their known passwords (printed on start and listed in the README).
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "server/access/accounts.h"
#include "server/engine/authority.h"
#include "server/knowledge/knowledge_store.h"

namespace parley::server {

// Runs the demo's commands and sets the passwords; blocks until durable.
// Returns the lines to print, or the first error.
std::variant<std::vector<std::string>, std::string> create_demo(Authority& authority,
                                                                Accounts& accounts,
                                                                KnowledgeStore& knowledge,
                                                                core::Timestamp now);

}  // namespace parley::server
