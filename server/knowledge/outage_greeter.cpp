// The outage greeting: an observer that answers ChatStarted with a system notice.
#include "server/knowledge/outage_greeter.h"

#include "core/knowledge.h"
#include "server/base/log.h"

namespace parley::server {

Authority::Observer outage_greeter(Authority& authority, KnowledgeStore& knowledge) {
    return [&authority, &knowledge](const core::EventEnvelope& event, const core::State&) {
        const auto* started = std::get_if<core::ChatStarted>(&event.event);
        if (!started) {
            return;
        }
        for (const core::Outage& outage : knowledge.outages()) {
            if (!core::outage_greets(outage, started->queue, event.at)) {
                continue;
            }
            authority.submit(
                "outage-greeting:" + started->chat + ":" + std::to_string(outage.id),
                core::Actor::system(),
                core::PostSystemMessage{started->chat, core::outage_greeting(outage)},
                [chat = started->chat](const Outcome& outcome) {
                    if (const auto* refused = std::get_if<protocol::Rejected>(&outcome)) {
                        log_error("outage greeting for " + chat + " refused: " + refused->message);
                    }
                });
        }
    };
}

}  // namespace parley::server
