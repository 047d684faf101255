// The knowledge base's and the outage notices' REST handlers, and the steps they share.
#pragma once

#include <functional>

#include "core/state.h"
#include "server/knowledge/knowledge_store.h"
#include "server/rest/routes.h"

namespace parley::server::knowledge {

// routes_knowledge.cpp
void search_articles(const rest::CallPtr& call);
void article_suggestions(const rest::CallPtr& call);
void get_article(const rest::CallPtr& call);
void create_article(const rest::CallPtr& call);
void update_article(const rest::CallPtr& call);
void delete_article(const rest::CallPtr& call);
// routes_outages.cpp
void list_outages(const rest::CallPtr& call);
void create_outage(const rest::CallPtr& call);
void update_outage(const rest::CallPtr& call);
void delete_outage(const rest::CallPtr& call);

// Runs `work`, answering 503 store_unavailable when the store fails.
void store_step(rest::Call& call, const std::function<void()>& work);
// Runs `then` with the State once the caller is known to be allowed to manage the knowledge
// base (core::may_manage_knowledge); 401/403 otherwise.
void as_manager(const rest::CallPtr& call, std::function<void(const core::State&)> then);
// DELETE …/{id} for admins: `remove` answers false when there was no such item, which is then
// a 404 `code` naming the `noun`.
void delete_by_id(const rest::CallPtr& call, const char* code, const char* noun,
                  std::function<bool(KnowledgeStore&, std::uint64_t)> remove);

}  // namespace parley::server::knowledge
