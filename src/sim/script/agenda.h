// What simulated people mean to do, and when, on a clock someone else advances: the in-page
// demo's frame clock or a test's ticks. No threads and no timers, so a run is a function of
// its seed and the times it is advanced to.
#pragma once

#include <functional>
#include <map>

namespace parley::sim {

class Agenda {
public:
    // Runs `action` once the clock reaches now() + `seconds`.
    void after(double seconds, std::function<void()> action);
    // Moves the clock to `seconds` (never back) and runs everything due by then in time
    // order, including what those actions plan for no later than that.
    void advance_to(double seconds);
    double now() const { return now_; }

private:
    std::multimap<double, std::function<void()>> planned_;
    double now_ = 0;
};

}  // namespace parley::sim
