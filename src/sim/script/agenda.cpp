#include "sim/script/agenda.h"

#include <algorithm>
#include <utility>

namespace parley::sim {

void Agenda::after(double seconds, std::function<void()> action) {
    planned_.emplace(now_ + std::max(0.0, seconds), std::move(action));
}

void Agenda::advance_to(double seconds) {
    while (!planned_.empty() && planned_.begin()->first <= seconds) {
        const auto next = planned_.begin();
        now_ = std::max(now_, next->first);
        std::function<void()> action = std::move(next->second);
        planned_.erase(next);
        action();
    }
    now_ = std::max(now_, seconds);
}

}  // namespace parley::sim
