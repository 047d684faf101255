// When a browser console draws. Drawing every animation frame keeps a core busy (WebGL, and in
// software rendering most of one) while an agent's console mostly waits: an agent runs it all
// day, often beside other work on a laptop. So a frame is drawn while something happens (input,
// a message from the server, an answer to a call) and for a short settling time after it, since
// ImGui needs a few frames to lay out a new window or scroll to a new message; otherwise it is
// drawn at a low idle rate that keeps clocks ("waiting 3 min"), reconnect timers and anything
// that arrived by a way the shell does not watch up to date.
#pragma once

namespace parley::console {

class FramePacer {
public:
    // Seconds of drawing at the display's rate after the last activity.
    static constexpr double kSettleSeconds = 0.3;
    // Seconds between frames while nothing happens.
    static constexpr double kIdleSeconds = 0.25;

    // Whether the display frame at `seconds` (a monotonic clock) is drawn; `activity` says
    // something happened since the previous display frame.
    bool should_draw(double seconds, bool activity);
    // Whether the display frame at `seconds` falls in the settling time after the last activity
    // (or before the first frame). Outside it a shell need not wake for display frames: it rests
    // until the idle interval has passed or something happens.
    bool settling(double seconds) const;

private:
    bool drawn_once_ = false;
    double last_activity_ = 0.0;
    double last_drawn_ = 0.0;
};

}  // namespace parley::console
