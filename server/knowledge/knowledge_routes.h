// The knowledge base's and the outage notices' REST routes, and the steps they share.
#pragma once

#include <functional>
#include <span>

#include "core/state.h"
#include "server/knowledge/knowledge_store.h"
#include "server/rest/routes.h"

namespace parley::server::knowledge {

std::span<const rest::Route> knowledge_routes();
std::span<const rest::Route> outage_routes();

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
