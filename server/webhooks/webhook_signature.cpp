// HMAC-SHA256 through libsodium's streaming API, which takes a key of any length (the
// one-shot crypto_auth_hmacsha256 wants exactly 32 bytes, and admins choose the secret).
#include "server/webhooks/webhook_signature.h"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace parley::server::webhooks {
namespace {

void ensure_sodium() {
    static const bool ready = [] {
        if (sodium_init() < 0)
            throw std::runtime_error("libsodium could not be initialised.");
        return true;
    }();
    static_cast<void>(ready);
}

}  // namespace

std::string sign(std::string_view secret, std::string_view body) {
    ensure_sodium();
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                                secret.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                  body.size());
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_final(&state, mac.data());
    std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
    return "sha256=" + std::string(hex.data());
}

}  // namespace parley::server::webhooks
