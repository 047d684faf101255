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

// Runs `read` with the chat if the caller may reach it, live or archived, otherwise answers 404
// (with `unreachable`, when given, instead of fail_unknown_chat).
// A live chat is read on the authority's strand, from the State; an archived one (gone from the
// State) is replayed from its events in the log on the read model's threads, and `read` gets the
// replay's State (the directory's agents and queues, and this chat).
using ChatRead = std::function<void(const core::State&, const core::Chat&)>;
void read_reachable_chat(const CallPtr& call, const core::ChatId& id, ChatRead read,
                         std::function<void()> unreachable = {});

void fail_unknown_chat(Call& call, const core::ChatId& id);

}  // namespace parley::server::rest
