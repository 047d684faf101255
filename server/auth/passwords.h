// Password hashing with argon2id (libsodium) and the password policy. Pure functions: no store,
// no clock; the caller decides where hashes live and when to rehash.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server::auth {

// How expensive one hash is. Stored hashes carry their own cost, so raising it later only
// makes needs_rehash() true for old hashes; they still verify.
struct PasswordCost {
    unsigned long long ops;
    std::size_t mem;
};

// libsodium's argon2id "interactive" limits (checked against sodium.h in passwords.cpp).
inline constexpr PasswordCost kInteractiveCost{2, std::size_t{64} * 1024 * 1024};
// libsodium's minimum argon2id limits: far too cheap for production, fast enough for tests.
inline constexpr PasswordCost kTestCost{1, std::size_t{8} * 1024};

// An encoded "$argon2id$..." string with its own salt and cost. Throws std::runtime_error when
// the memory for hashing cannot be had.
std::string hash_password(std::string_view password, PasswordCost cost);

// True when the password matches the hash. A malformed or foreign hash is simply false.
bool verify_password(std::string_view hash, std::string_view password);

// True when the hash is not argon2id at exactly this cost, so it should be replaced after the
// next successful login.
bool needs_rehash(std::string_view hash, PasswordCost cost);

// Why a new password is not acceptable, as a sentence for the person choosing it, or nothing.
std::optional<std::string> password_problem(std::string_view password);

}  // namespace parley::server::auth
