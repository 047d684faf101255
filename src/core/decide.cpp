// decide(): idempotency first, then the rule of the command's area (decide_*.cpp).
// Standard library only.
#include "core/decide.h"

#include "core/decide_parts.h"

namespace parley::core {

Decision decide(const State& state, const CommandEnvelope& command) {
    if (!valid_client_id(command.id)) {
        return refuse(codes::kInvalidCommandId,
                      "Every command needs a non-empty id without control characters.");
    }
    if (state.processed_commands.contains(command_key(command.actor, command.id)))
        return Decision{{}, std::nullopt, true};
    return evaluate(state, command);
}

Decision evaluate(const State& state, const CommandEnvelope& command) {
    Context ctx(state, command);
    return std::visit([&](const auto& cmd) { return decide_command(ctx, cmd); }, command.command);
}

}  // namespace parley::core
