// Greets new customers with a current outage: when a chat starts in a queue that an outage
// greets (core::outage_greets), the system writes the notice into the chat, so the customer
// learns of a known problem before an agent is free.
#pragma once

#include "server/engine/authority.h"
#include "server/knowledge/knowledge_store.h"

namespace parley::server {

// An observer for Authority::add_observer. The command id names the chat and the outage, so a
// notice is written once per chat and outage however often the event is seen.
Authority::Observer outage_greeter(Authority& authority, KnowledgeStore& knowledge);

}  // namespace parley::server
