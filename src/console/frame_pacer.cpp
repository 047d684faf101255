#include "console/frame_pacer.h"

namespace parley::console {

bool FramePacer::should_draw(double seconds, bool activity) {
    if (activity || !drawn_once_) {
        last_activity_ = seconds;
    }
    const bool settling = seconds - last_activity_ < kSettleSeconds;
    const bool idle_due = !drawn_once_ || seconds - last_drawn_ >= kIdleSeconds;
    if (!settling && !idle_due) {
        return false;
    }
    drawn_once_ = true;
    last_drawn_ = seconds;
    return true;
}

}  // namespace parley::console
