#include "sim/script/demo_organisation.h"

#include <algorithm>

namespace parley::sim {
namespace {

core::QueueConfig queue_named(std::string name, core::RoutingMode mode) {
    core::QueueConfig config;
    config.name = std::move(name);
    config.mode = mode;
    return config;
}

struct CannedText {
    const char* title;
    const char* shortcut;
    const char* text;
};

constexpr CannedText kCanned[] = {
    {"Greeting", "hi", "Hello {customer_name}, I'm {agent_name}. How can I help you today?"},
    {"One moment", "wait", "Thank you for waiting, I'm checking this for you now."},
    {"Anything else", "else", "Is there anything else I can help you with?"},
    {"Goodbye", "bye", "Thank you for contacting us, {customer_name}. Have a nice day!"},
};

}  // namespace

const std::vector<DemoAccount>& demo_accounts() {
    static const std::vector<DemoAccount> accounts = {
        {"admin", "Ada Admin", core::Role::admin, "admin-demo", {"General"}},
        {"sofia",
         "Sofia Rossi",
         core::Role::supervisor,
         "sofia-demo",
         {"General", "Billing", "Technical"}},
        {"maria", "Maria Garcia", core::Role::agent, "maria-demo", {"General", "Billing"}},
        {"ivan", "Ivan Petrov", core::Role::agent, "ivan-demo", {"General", "Technical"}},
        {"chen", "Chen Wei", core::Role::agent, "chen-demo", {"Billing", "Technical"}},
    };
    return accounts;
}

std::vector<DemoStep> demo_organisation() {
    const core::Actor system = core::Actor::system();
    std::vector<DemoStep> steps;
    steps.push_back({system, core::CreateQueue{queue_named("Billing", core::RoutingMode::pick)}});
    steps.push_back(
        {system, core::CreateQueue{queue_named("Technical", core::RoutingMode::automatic)}});
    const std::vector<std::string> queue_names = {"General", "Billing", "Technical"};
    for (const DemoAccount& account : demo_accounts()) {
        steps.push_back(
            {system, core::CreateAgent{account.id, {account.name, account.role, ""}, 4}});
        for (const std::string& queue : account.queues) {
            const auto position = std::find(queue_names.begin(), queue_names.end(), queue);
            const auto queue_id = static_cast<core::QueueId>(position - queue_names.begin() + 1);
            steps.push_back({system, core::AddQueueMember{queue_id, account.id}});
        }
    }
    // Shared responses belong to no one but are made by a person: the admin.
    for (const CannedText& canned : kCanned) {
        steps.push_back(
            {core::Actor::agent("admin"),
             core::CreateCannedResponse{canned.title, canned.shortcut, canned.text, false}});
    }
    return steps;
}

}  // namespace parley::sim
