#include "console/frame_pacer.h"

#include <gtest/gtest.h>

namespace parley::console {
namespace {

constexpr double kFrame = 1.0 / 60.0;

// Counts the frames drawn over `seconds` of display frames starting at `from`, with activity
// only in the first one when `poked`.
int frames_drawn(FramePacer& pacer, double from, double seconds, bool poked) {
    int drawn = 0;
    for (int frame = 0; frame * kFrame < seconds; ++frame) {
        drawn += pacer.should_draw(from + frame * kFrame, poked && frame == 0) ? 1 : 0;
    }
    return drawn;
}

TEST(FramePacer, TheFirstFrameIsAlwaysDrawn) {
    FramePacer pacer;
    EXPECT_TRUE(pacer.should_draw(100.0, false));
}

TEST(FramePacer, AQuietConsoleDrawsAtTheIdleRate) {
    FramePacer pacer;
    frames_drawn(pacer, 0.0, 1.0, false);
    // Ten quiet seconds: one frame per idle interval, not one per display frame.
    const int drawn = frames_drawn(pacer, 1.0, 10.0, false);
    EXPECT_GE(drawn, 36);
    EXPECT_LE(drawn, 41);
}

TEST(FramePacer, ActivityDrawsEveryFrameUntilTheConsoleHasSettled) {
    FramePacer pacer;
    frames_drawn(pacer, 0.0, 2.0, false);
    const double poke = 2.0 + 0.5 * kFrame;
    EXPECT_TRUE(pacer.should_draw(poke, true));
    for (double at = poke + kFrame; at - poke < FramePacer::kSettleSeconds - 0.001; at += kFrame) {
        EXPECT_TRUE(pacer.should_draw(at, false)) << "at " << at - poke << " s after the input";
    }
    // Settled: back to the idle rate.
    const double settled = poke + FramePacer::kSettleSeconds + kFrame;
    EXPECT_LE(frames_drawn(pacer, settled, 1.0, false), 5);
}

TEST(FramePacer, AShellMayRestOnceTheConsoleHasSettled) {
    FramePacer pacer;
    EXPECT_TRUE(pacer.settling(5.0)) << "before the first frame";
    pacer.should_draw(5.0, false);
    EXPECT_TRUE(pacer.settling(5.0 + FramePacer::kSettleSeconds / 2));
    EXPECT_FALSE(pacer.settling(5.0 + FramePacer::kSettleSeconds + 0.001));
    pacer.should_draw(9.0, true);
    EXPECT_TRUE(pacer.settling(9.0 + kFrame)) << "activity wakes it";
    EXPECT_FALSE(pacer.settling(9.0 + FramePacer::kSettleSeconds + kFrame));
}

TEST(FramePacer, ATimerTickAtTheIdleIntervalIsDrawn) {
    FramePacer pacer;
    pacer.should_draw(1.0, false);
    // A resting shell's timer: the page's clock may read its interval a millisecond short.
    EXPECT_TRUE(pacer.should_draw(1.0 + FramePacer::kIdleSeconds - 0.001, false));
    EXPECT_FALSE(pacer.should_draw(1.0 + FramePacer::kIdleSeconds + 0.1, false));
}

TEST(FramePacer, ContinuousActivityDrawsEveryDisplayFrame) {
    FramePacer pacer;
    int drawn = 0;
    for (int frame = 0; frame < 120; ++frame) {
        drawn += pacer.should_draw(frame * kFrame, true) ? 1 : 0;
    }
    EXPECT_EQ(drawn, 120);
}

}  // namespace
}  // namespace parley::console
