// The demo organisation a newcomer signs in to: queues General (pick), Billing (pick) and
// Technical (auto), an admin, a supervisor and three agents with known passwords, and shared
// canned responses. As commands, so the core checks them too: parley-server --demo runs them
// against an empty data folder, the in-page demo against a fresh State. Data only.
#pragma once

#include <string>
#include <vector>

#include "core/actor.h"
#include "core/commands.h"
#include "core/model.h"

namespace parley::sim {

struct DemoAccount {
    std::string id;
    std::string name;
    core::Role role;
    std::string password;
    std::vector<std::string> queues;
};

const std::vector<DemoAccount>& demo_accounts();

// One step of setting the organisation up: who sends the command.
struct DemoStep {
    core::Actor actor;
    core::Command command;
};

// Every step, in order, for a State that holds only the General queue.
std::vector<DemoStep> demo_organisation();

}  // namespace parley::sim
