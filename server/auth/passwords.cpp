// argon2id through libsodium's string API: the salt, cost and algorithm travel inside the hash.
#include "server/auth/passwords.h"

#include "server/auth/sodium_init.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace parley::server::auth {
namespace {

static_assert(kInteractiveCost.ops == crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE);
static_assert(kInteractiveCost.mem == crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE);
static_assert(kTestCost.ops == crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(kTestCost.mem == crypto_pwhash_argon2id_MEMLIMIT_MIN);

constexpr std::size_t kMinPasswordCharacters = 8;
constexpr std::size_t kMaxPasswordBytes = 256;

// libsodium reads hashes as C strings; anything that does not fit its buffer is not one of ours.
std::optional<std::array<char, crypto_pwhash_STRBYTES>> as_c_string(std::string_view hash) {
    if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES ||
        hash.find('\0') != std::string_view::npos) {
        return std::nullopt;
    }
    std::array<char, crypto_pwhash_STRBYTES> text{};
    std::copy(hash.begin(), hash.end(), text.begin());
    return text;
}

// People count characters, not bytes: UTF-8 continuation bytes do not start a new one.
std::size_t utf8_characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
    }));
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string hash_password(std::string_view password, PasswordCost cost) {
    detail::ensure_sodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    if (crypto_pwhash_str_alg(out.data(), password.data(), password.size(), cost.ops, cost.mem,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("Not enough memory to hash a password.");
    }
    return std::string(out.data());
}

bool verify_password(std::string_view hash, std::string_view password) {
    detail::ensure_sodium();
    const auto text = as_c_string(hash);
    return text && crypto_pwhash_str_verify(text->data(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view hash, PasswordCost cost) {
    detail::ensure_sodium();
    const auto text = as_c_string(hash);
    // The argon2id variant answers -1 for argon2i and other foreign hashes: those need one too.
    return !text || crypto_pwhash_argon2id_str_needs_rehash(text->data(), cost.ops, cost.mem) != 0;
}

std::optional<std::string> password_problem(std::string_view password) {
    if (password.size() > kMaxPasswordBytes) {
        return "A password may be at most " + std::to_string(kMaxPasswordBytes) + " bytes long.";
    }
    if (utf8_characters(password) < kMinPasswordCharacters) {
        return "A password needs at least " + std::to_string(kMinPasswordCharacters) +
               " characters.";
    }
    if (std::all_of(password.begin(), password.end(), is_space)) {
        return "A password cannot be only spaces.";
    }
    return std::nullopt;
}

}  // namespace parley::server::auth
