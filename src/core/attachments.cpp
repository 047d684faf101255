#include "core/attachments.h"

#include "core/queries.h"

namespace parley::core {

std::optional<Rejection> may_attach(const State& state, const Actor& actor, const ChatId& chat,
                                    Timestamp at) {
    // Staff write agent messages; the customer, and integrations relaying for them, write
    // customer messages.
    const ChatAction message = actor.kind == ActorKind::agent ? ChatAction::post_agent_message
                                                              : ChatAction::post_customer_message;
    return check_action(state, chat, actor, message, at).refused;
}

}  // namespace parley::core
