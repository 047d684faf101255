// Who may reach which chat over REST, on top of the core's visibility rule: a customer's token
// opens exactly one chat, staff see what core::may_see_chat allows. A chat the caller may not
// reach is answered exactly like one that does not exist, so ids reveal nothing.
#pragma once

#include <functional>
#include <optional>

#include "core/state.h"
#include "server/rest/call.h"

namespace parley::server::rest {

// Runs `read` with the State on the authority's strand, guarded: it must not block, and must
// answer from inside or copy what it needs.
void read_state(const CallPtr& call, std::function<void(const core::State&)> read);

// The {chat} path segment, or a 404 answer and nothing.
std::optional<core::ChatId> chat_param(Call& call);

// Whether the caller may reach the chat (customers: only the one their token opens).
bool may_reach(const Principal& principal, const core::State& state, const core::Chat& chat);

// The chat if the caller may reach it, otherwise a 404 answer and nullptr.
const core::Chat* reachable_chat(Call& call, const core::State& state, const core::ChatId& id);

void fail_unknown_chat(Call& call, const core::ChatId& id);

}  // namespace parley::server::rest
