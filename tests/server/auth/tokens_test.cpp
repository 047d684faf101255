// Tokens and ids: random, well-formed, and stored only as a stable hash.
#include "server/auth/tokens.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace parley::server::auth {
namespace {

bool all_of_alphabet(std::string_view text, std::string_view alphabet) {
    return std::all_of(text.begin(), text.end(),
                       [&](char c) { return alphabet.find(c) != std::string_view::npos; });
}

constexpr std::string_view kBase64Url =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::string_view kLowerHex = "0123456789abcdef";

TEST(Tokens, AreUnpaddedBase64UrlOf32Bytes) {
    for (int i = 0; i < 100; ++i) {
        const std::string token = new_token();
        EXPECT_EQ(token.size(), 43u);
        EXPECT_TRUE(all_of_alphabet(token, kBase64Url)) << token;
        EXPECT_TRUE(looks_like_token(token)) << token;
    }
}

TEST(Tokens, NeverRepeat) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        EXPECT_TRUE(seen.insert(new_token()).second);
    }
    EXPECT_NE(new_token(), new_token());
}

TEST(Tokens, LooksLikeTokenRefusesJunkBeforeAnyLookup) {
    const std::string token = new_token();
    EXPECT_FALSE(looks_like_token(""));
    EXPECT_FALSE(looks_like_token(token.substr(1)));
    EXPECT_FALSE(looks_like_token(token + "A"));
    EXPECT_FALSE(looks_like_token(token + "="));
    std::string with_plus = token;
    with_plus[5] = '+';
    EXPECT_FALSE(looks_like_token(with_plus));
    std::string with_space = token;
    with_space[0] = ' ';
    EXPECT_FALSE(looks_like_token(with_space));
    // The last character of 32 encoded bytes has two zero bits: 'B' can never end a token.
    std::string non_canonical = token;
    non_canonical.back() = 'B';
    EXPECT_FALSE(looks_like_token(non_canonical));
    non_canonical.back() = 'A';
    EXPECT_TRUE(looks_like_token(non_canonical));
}

TEST(Ids, ArePrefixPlus32LowercaseHexAndNeverRepeat) {
    const std::string id = new_id("agt_");
    ASSERT_EQ(id.size(), 4u + 32u);
    EXPECT_TRUE(id.starts_with("agt_"));
    EXPECT_TRUE(all_of_alphabet(std::string_view(id).substr(4), kLowerHex)) << id;
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        EXPECT_TRUE(seen.insert(new_id("")).second);
    }
    EXPECT_EQ(new_id("").size(), 32u);
}

TEST(TokenHash, IsStableHexAndDiffersPerToken) {
    const std::string token = new_token();
    const std::string hash = token_hash(token);
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_TRUE(all_of_alphabet(hash, kLowerHex)) << hash;
    EXPECT_EQ(token_hash(token), hash);
    EXPECT_NE(token_hash(new_token()), hash);
    EXPECT_NE(hash, token);
}

TEST(TokenHash, IsBlake2b256) {
    // BLAKE2b-256 of the empty input, a published test vector.
    EXPECT_EQ(token_hash(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(ConstantTimeEqual, ComparesContentAndLength) {
    EXPECT_TRUE(constant_time_equal("", ""));
    EXPECT_TRUE(constant_time_equal("secret", "secret"));
    EXPECT_FALSE(constant_time_equal("secret", "secreT"));
    EXPECT_FALSE(constant_time_equal("secret", "secret2"));
    EXPECT_FALSE(constant_time_equal("", "x"));
}

}  // namespace
}  // namespace parley::server::auth
