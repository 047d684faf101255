// decide(): the one place where commands are judged. Pure: reads State, returns the events
// to append, or why the command is refused. Never mutates, never throws for a rule.
// Standard library only.
#pragma once

#include <optional>
#include <vector>

#include "core/commands.h"
#include "core/events.h"
#include "core/rejection.h"
#include "core/state.h"

namespace parley::core {

struct Decision {
    // Append in order, then apply each; empty when refused or a duplicate.
    std::vector<EventEnvelope> events;
    std::optional<Rejection> rejection;
    // The command id was already processed: nothing to apply; the first outcome stands.
    bool duplicate = false;
    bool accepted() const { return !rejection.has_value(); }
    bool operator==(const Decision&) const = default;
};

Decision decide(const State& state, const CommandEnvelope& command);

// decide() without the command id checks: for probes (allowed actions) that must not depend
// on ids. Same rules otherwise.
Decision evaluate(const State& state, const CommandEnvelope& command);

}  // namespace parley::core
