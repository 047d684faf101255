// What the in-page people share: the stage they act on, the agenda that times them, and
// command ids of their own. A person never checks a rule: they send the command and the
// core answers.
#pragma once

#include <cstdint>
#include <string>

#include "core/actor.h"
#include "core/commands.h"
#include "sim/script/agenda.h"
#include "sim/script/stage.h"

namespace parley::sim {

struct Cast {
    Stage& stage;
    Agenda& agenda;
    std::uint64_t commands = 0;

    StageAnswer act(const core::Actor& actor, core::Command command) {
        return stage.submit("sim-" + std::to_string(++commands), actor, std::move(command));
    }
};

}  // namespace parley::sim
