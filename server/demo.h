// The demo organisation a newcomer signs in to: queues General, Billing and Technical, an
// admin, a supervisor and three agents with known passwords (printed on start and listed in
// the README), and shared canned responses. Created only in an empty data folder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "server/access/accounts.h"
#include "server/engine/authority.h"

namespace parley::server {

struct DemoAccount {
    std::string id;
    std::string name;
    core::Role role;
    std::string password;
    std::vector<std::string> queues;
};

const std::vector<DemoAccount>& demo_accounts();

// Runs the demo's commands as the system and sets the passwords; blocks until durable.
// Returns the lines to print, or the first error.
std::variant<std::vector<std::string>, std::string> create_demo(Authority& authority,
                                                                Accounts& accounts);

}  // namespace parley::server
