// Internal to parley_auth: libsodium must be initialised once before its random numbers and
// hashes are used. Include only from .cpp files, so sodium.h stays out of public headers.
#pragma once

#include <sodium.h>

#include <stdexcept>

namespace parley::server::auth::detail {

// A function-local static is initialised exactly once even when several I/O threads arrive
// together, which is the guarantee libsodium asks for.
inline void ensure_sodium() {
    static const bool ready = [] {
        if (sodium_init() < 0) {
            throw std::runtime_error("libsodium could not be initialised.");
        }
        return true;
    }();
    static_cast<void>(ready);
}

}  // namespace parley::server::auth::detail
