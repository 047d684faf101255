#include "in_page_demo.h"

#include <utility>

namespace parley::demo {
namespace {
// The visitor's desk: an agent in General and Billing, the two queues where chats wait to be
// picked, so there is something to accept within seconds.
constexpr const char* kFirstVisitor = "maria";
}  // namespace

InPageDemo::InPageDemo(std::uint64_t seed, const console::Clock& clock, sim::FloorSettings settings)
    : started_(clock.seconds),
      stage_(seed, clock.wall_ms),
      floor_(stage_, std::move(settings), seed + 1),
      sign_in_(stage_, floor_, kFirstVisitor),
      link_(stage_, sign_in_) {}

void InPageDemo::advance(const console::Clock& clock) {
    stage_.advance_to(clock.wall_ms);
    floor_.advance_to(clock.seconds - started_);
}

}  // namespace parley::demo
