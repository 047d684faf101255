// The out-of-line special members of core::Command (see commands.h).
#include "core/commands.h"

namespace parley::core {

Command::Command() = default;
Command::Command(const Command&) = default;
Command::Command(Command&&) noexcept = default;
Command& Command::operator=(const Command&) = default;
Command& Command::operator=(Command&&) noexcept = default;
Command::~Command() = default;

bool Command::operator==(const Command& other) const {
    return static_cast<const Variant&>(*this) == static_cast<const Variant&>(other);
}

}  // namespace parley::core
