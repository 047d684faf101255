// Everything the no-install demo runs in the page besides the console: the stage (the core
// with the demo organisation), the simulated floor, the page's sign-in and the Link the
// console talks through. A shell makes one and advances it once per frame with the clock it
// gives the console; tests advance it with clocks of their own.
#pragma once

#include <cstdint>

#include "console/console_app.h"
#include "local_link.h"
#include "local_sign_in.h"
#include "sim/script/page_floor.h"
#include "sim/script/stage.h"

namespace parley::demo {

class InPageDemo {
public:
    // `seed` picks the customers; `clock` is the moment the page started.
    InPageDemo(std::uint64_t seed, const console::Clock& clock, sim::FloorSettings settings = {});

    // Before the console's frame: time moves on for the core's timers and the people.
    void advance(const console::Clock& clock);

    sim::Stage& stage() { return stage_; }
    sim::PageFloor& floor() { return floor_; }
    LocalSignIn& sign_in() { return sign_in_; }
    LocalLink& link() { return link_; }

private:
    double started_ = 0;
    sim::Stage stage_;
    sim::PageFloor floor_;
    LocalSignIn sign_in_;
    LocalLink link_;
};

}  // namespace parley::demo
