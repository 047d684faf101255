// The demo organisation's knowledge base (English and Russian articles across General, Billing
// and Technical) and one current outage, for `--demo` and for the ranking tests, which check
// that customers' questions find the right article in exactly this corpus.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/knowledge.h"
#include "server/knowledge/knowledge_store.h"

namespace parley::server {

// The articles, without ids; the demo queues are General 1, Billing 2, Technical 3.
std::vector<core::Article> demo_articles(core::Timestamp now);
// An outage on card payments that started half an hour before `now`. It greets no queue, so
// the demo's chats read as its walkthroughs describe; an admin can add greeting queues.
core::Outage demo_outage(core::Timestamp now);

// Saves both; the first store failure's sentence, if any.
std::optional<std::string> create_demo_knowledge(KnowledgeStore& knowledge, core::Timestamp now);

}  // namespace parley::server
