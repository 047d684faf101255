// Random session tokens and ids, and the hash that is stored in place of a token, so a leaked
// database does not leak live sessions. Pure functions over libsodium's random source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace parley::server::auth {

// 32 random bytes as unpadded base64url: 43 characters of [A-Za-z0-9_-].
inline constexpr std::size_t kTokenLength = 43;

// A fresh bearer token for a session, invitation or API key.
std::string new_token();

// prefix + 128 random bits as 32 lowercase hex digits, e.g. new_id("agt_"). Never sequential,
// so ids reveal neither counts nor order.
std::string new_id(std::string_view prefix);

// 64 lowercase hex digits of BLAKE2b-256 over the token: what the store keeps and looks up.
std::string token_hash(std::string_view token);

// True when the text could be a token from new_token(): checked before any lookup, so junk
// never reaches the store.
bool looks_like_token(std::string_view text);

// Equality whose time does not depend on where the texts differ (only on their lengths).
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace parley::server::auth
