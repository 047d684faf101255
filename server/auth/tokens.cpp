// Tokens and ids from libsodium's CSPRNG; token hashes with BLAKE2b (crypto_generichash).
#include "server/auth/tokens.h"

#include "server/auth/sodium_init.h"

#include <algorithm>
#include <array>

namespace parley::server::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kIdBytes = 16;
constexpr int kBase64Variant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

static_assert(sodium_base64_ENCODED_LEN(kTokenBytes, kBase64Variant) == kTokenLength + 1);

template <std::size_t N>
std::string to_hex(const std::array<unsigned char, N>& bytes) {
    std::array<char, N * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
    return std::string(hex.data(), N * 2);
}

bool is_base64url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

}  // namespace

std::string new_token() {
    detail::ensure_sodium();
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, kTokenLength + 1> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kBase64Variant);
    return std::string(text.data(), kTokenLength);
}

std::string new_id(std::string_view prefix) {
    detail::ensure_sodium();
    std::array<unsigned char, kIdBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::string id(prefix);
    id += to_hex(bytes);
    return id;
}

std::string token_hash(std::string_view token) {
    detail::ensure_sodium();
    std::array<unsigned char, crypto_generichash_BYTES> digest{};
    crypto_generichash(digest.data(), digest.size(),
                       reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                       0);
    return to_hex(digest);
}

bool looks_like_token(std::string_view text) {
    if (text.size() != kTokenLength || !std::all_of(text.begin(), text.end(), is_base64url)) {
        return false;
    }
    // 43 characters carry 258 bits for 256: the last one's two spare bits are always zero, so
    // only every fourth letter of the alphabet can end a real token.
    static constexpr std::string_view kLastCharacters = "AEIMQUYcgkosw048";
    return kLastCharacters.find(text.back()) != std::string_view::npos;
}

bool constant_time_equal(std::string_view a, std::string_view b) {
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parley::server::auth
