// The out-of-line special members of core::Event (see events.h).
#include "core/events.h"

namespace parley::core {

Event::Event() = default;
Event::Event(const Event&) = default;
Event::Event(Event&&) noexcept = default;
Event& Event::operator=(const Event&) = default;
Event& Event::operator=(Event&&) noexcept = default;
Event::~Event() = default;

bool Event::operator==(const Event& other) const {
    return static_cast<const Variant&>(*this) == static_cast<const Variant&>(other);
}

}  // namespace parley::core
