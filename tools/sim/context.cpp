#include "sim/context.h"

#include <boost/asio/steady_timer.hpp>
#include <chrono>

namespace parley::sim {

void SimContext::after(double seconds, std::function<void()> then) const {
    after_wall(seconds / options.speed, std::move(then));
}

void SimContext::after_wall(double seconds, std::function<void()> then) const {
    auto timer = std::make_shared<boost::asio::steady_timer>(io);
    timer->expires_after(std::chrono::microseconds(static_cast<long long>(seconds * 1e6)));
    timer->async_wait([timer, then = std::move(then)](const boost::system::error_code& error) {
        if (!error) {
            then();
        }
    });
}

}  // namespace parley::sim
