// Demo data through the same commands an admin would send, so the core checks it too.
#include "server/demo.h"

#include <algorithm>
#include <future>

#include "core/names.h"

namespace parley::server {
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
        {"sofia", "Sofia Rossi", core::Role::supervisor, "sofia-demo",
         {"General", "Billing", "Technical"}},
        {"maria", "Maria Garcia", core::Role::agent, "maria-demo", {"General", "Billing"}},
        {"ivan", "Ivan Petrov", core::Role::agent, "ivan-demo", {"General", "Technical"}},
        {"chen", "Chen Wei", core::Role::agent, "chen-demo", {"Billing", "Technical"}},
    };
    return accounts;
}

std::variant<std::vector<std::string>, std::string> create_demo(Authority& authority,
                                                                Accounts& accounts) {
    int sequence = 0;
    const auto run_as = [&](const core::Actor& actor,
                            core::Command command) -> std::optional<std::string> {
        std::promise<Outcome> done;
        auto outcome = done.get_future();
        authority.submit("demo-" + std::to_string(++sequence), actor, std::move(command),
                         [&done](const Outcome& result) { done.set_value(result); });
        const Outcome result = outcome.get();
        if (const auto* rejected = std::get_if<protocol::Rejected>(&result)) {
            return "demo set-up refused: " + rejected->message;
        }
        return std::nullopt;
    };
    const auto run = [&](core::Command command) {
        return run_as(core::Actor::system(), std::move(command));
    };
    std::vector<std::optional<std::string>> errors;
    errors.push_back(run(core::CreateQueue{queue_named("Billing", core::RoutingMode::pick)}));
    errors.push_back(
        run(core::CreateQueue{queue_named("Technical", core::RoutingMode::automatic)}));
    const std::vector<std::string> queue_names = {"General", "Billing", "Technical"};
    for (const DemoAccount& account : demo_accounts()) {
        errors.push_back(run(core::CreateAgent{account.id, {account.name, account.role, ""}, 4}));
        for (const std::string& queue : account.queues) {
            const auto position = std::find(queue_names.begin(), queue_names.end(), queue);
            const auto queue_id = static_cast<core::QueueId>(position - queue_names.begin() + 1);
            errors.push_back(run(core::AddQueueMember{queue_id, account.id}));
        }
    }
    // Shared responses belong to no one but are made by a person: the admin.
    for (const CannedText& canned : kCanned) {
        errors.push_back(run_as(core::Actor::agent("admin"),
                                core::CreateCannedResponse{canned.title, canned.shortcut,
                                                           canned.text, false}));
    }
    for (const auto& error : errors) {
        if (error) {
            return *error;
        }
    }
    std::vector<std::string> lines = {"demo organisation created; sign in with:"};
    for (const DemoAccount& account : demo_accounts()) {
        accounts.set_staff(account.id, true);
        if (auto error = accounts.set_password(account.id, account.password)) {
            return "demo password for " + account.id + ": " + error->message;
        }
        lines.push_back("  " + account.id + " / " + account.password + "  (" +
                        std::string(core::to_string(account.role)) + ")");
    }
    return lines;
}

}  // namespace parley::server
