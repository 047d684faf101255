// Callbacks that must not keep their owner alive: an io_context may hold them after the
// owner is gone. Standard library only.
#pragma once

#include <memory>

namespace parley::client {

// A callable running owner->method(args...) only while the owner lives.
template <typename T, typename... Args>
auto weakly(const std::shared_ptr<T>& owner, void (T::*method)(Args...)) {
    return [weak = std::weak_ptr<T>(owner), method](Args... args) {
        if (auto self = weak.lock()) {
            ((*self).*method)(args...);
        }
    };
}

}  // namespace parley::client
