// The page clock the demo tests give the in-page demo: seconds since the page opened, and the
// wall clock of a fixed day.
#pragma once

#include "console/console_app.h"
#include "core/ids.h"

namespace parley::demo {

constexpr core::Timestamp kStart = 1'700'000'000'000;

inline console::Clock at(double seconds) {
    return {seconds, kStart + static_cast<core::Timestamp>(seconds * 1000)};
}

}  // namespace parley::demo
