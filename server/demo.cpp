// Demo data through the same commands an admin would send, so the core checks it too.
#include "server/demo.h"

#include <future>
#include <optional>

#include "core/names.h"
#include "server/knowledge/demo_knowledge.h"
#include "sim/script/demo_organisation.h"

namespace parley::server {

std::variant<std::vector<std::string>, std::string> create_demo(Authority& authority,
                                                                Accounts& accounts,
                                                                KnowledgeStore& knowledge,
                                                                core::Timestamp now) {
    int sequence = 0;
    std::optional<std::string> first_error;
    for (sim::DemoStep& step : sim::demo_organisation()) {
        std::promise<Outcome> done;
        auto outcome = done.get_future();
        authority.submit("demo-" + std::to_string(++sequence), step.actor, std::move(step.command),
                         [&done](const Outcome& result) { done.set_value(result); });
        const Outcome result = outcome.get();
        const auto* rejected = std::get_if<protocol::Rejected>(&result);
        if (rejected && !first_error) {
            first_error = "demo set-up refused: " + rejected->message;
        }
    }
    if (first_error) {
        return *first_error;
    }
    if (auto error = create_demo_knowledge(knowledge, now)) {
        return *error;
    }
    std::vector<std::string> lines = {"demo organisation created; sign in with:"};
    for (const sim::DemoAccount& account : sim::demo_accounts()) {
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
