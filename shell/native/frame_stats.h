// How long the desktop console's frames take, for the frame benchmark beside the browser's
// (tests/bench/console_bench_desktop.mjs reads them through the automation bridge): building a
// frame (ImGui's NewFrame to Render: the view model, the views, the shell's own widgets) and
// drawing it (OpenGL), over the last frames, and when the first interactive frame was shown.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace parley::shell {

class FrameStats {
public:
    using Clock = std::chrono::steady_clock;

    explicit FrameStats(Clock::time_point started) : started_(started) {}

    void built(double milliseconds);
    // A frame handed to OpenGL (a frame whose picture did not change is built, not drawn).
    void drawn(double milliseconds);
    // {"frames":…,"drawn":…,"first_frame_ms":…,"build_ms":{"median":…,"p99":…,"max":…},
    //  "draw_ms":{…}}: medians and tails over the last frames.
    std::string json() const;
    // Forgets the frames so far (not the first frame's time), to measure a stretch alone.
    void reset();

private:
    // Enough for a p99 that is more than the slowest handful.
    static constexpr std::size_t kKept = 2000;

    Clock::time_point started_;
    std::optional<double> first_frame_ms_;
    std::size_t built_count_ = 0;
    std::size_t drawn_count_ = 0;
    std::vector<double> build_ms_;
    std::vector<double> draw_ms_;
};

}  // namespace parley::shell
