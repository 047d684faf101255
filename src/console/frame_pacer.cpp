#include "console/frame_pacer.h"

namespace parley::console {
namespace {
// A shell resting on a timer wakes when the idle interval has passed by its own clock, which
// the console's clock may read a little short: a tick early by under half a display frame is due.
constexpr double kTimerSlack = 1.0 / 120.0;
}  // namespace

bool FramePacer::should_draw(double seconds, bool activity) {
    if (activity || !drawn_once_) {
        last_activity_ = seconds;
    }
    const bool idle_due = !drawn_once_ || seconds - last_drawn_ >= kIdleSeconds - kTimerSlack;
    if (!settling(seconds) && !idle_due) {
        return false;
    }
    drawn_once_ = true;
    last_drawn_ = seconds;
    return true;
}

bool FramePacer::settling(double seconds) const {
    return !drawn_once_ || seconds - last_activity_ < kSettleSeconds;
}

}  // namespace parley::console
