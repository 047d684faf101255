// Password hashing and policy: argon2id, salted, verifiable, rehash on cost change.
#include "server/auth/passwords.h"

#include <gtest/gtest.h>

namespace parley::server::auth {
namespace {

TEST(Passwords, HashIsArgon2idAndVerifiesOnlyTheRightPassword) {
    const std::string hash = hash_password("correct horse battery", kTestCost);
    EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
    EXPECT_TRUE(verify_password(hash, "correct horse battery"));
    EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
    EXPECT_FALSE(verify_password(hash, ""));
}

TEST(Passwords, SamePasswordHashesDifferentlyEachTime) {
    const std::string first = hash_password("same password", kTestCost);
    const std::string second = hash_password("same password", kTestCost);
    EXPECT_NE(first, second);
    EXPECT_TRUE(verify_password(first, "same password"));
    EXPECT_TRUE(verify_password(second, "same password"));
}

TEST(Passwords, PasswordsWithNulBytesAreHashedWhole) {
    const std::string with_nul("abc\0defgh", 9);
    const std::string hash = hash_password(with_nul, kTestCost);
    EXPECT_TRUE(verify_password(hash, with_nul));
    EXPECT_FALSE(verify_password(hash, "abc"));
}

TEST(Passwords, MalformedHashesNeverVerify) {
    for (const std::string_view hash :
         {std::string_view{}, std::string_view{"plain text"}, std::string_view{"$argon2id$"},
          std::string_view{"$argon2id$v=19$m=8,t=1,p=1$xx$yy"}}) {
        EXPECT_FALSE(verify_password(hash, "anything at all")) << hash;
        EXPECT_TRUE(needs_rehash(hash, kTestCost)) << hash;
    }
    const std::string too_long(500, 'a');
    EXPECT_FALSE(verify_password(too_long, "anything at all"));
    std::string truncated = hash_password("a good password", kTestCost);
    truncated.pop_back();
    EXPECT_FALSE(verify_password(truncated, "a good password"));
}

TEST(Passwords, RehashNeededWhenCostChanges) {
    const std::string hash = hash_password("a good password", kTestCost);
    EXPECT_FALSE(needs_rehash(hash, kTestCost));
    EXPECT_TRUE(needs_rehash(hash, PasswordCost{kTestCost.ops + 1, kTestCost.mem}));
    EXPECT_TRUE(needs_rehash(hash, kInteractiveCost));
}

TEST(Passwords, InteractiveCostIsLibsodiumsInteractiveLimit) {
    EXPECT_EQ(kInteractiveCost.ops, 2u);
    EXPECT_EQ(kInteractiveCost.mem, 64u * 1024u * 1024u);
}

TEST(PasswordPolicy, AcceptsReasonablePasswords) {
    EXPECT_EQ(password_problem("eight ch"), std::nullopt);
    EXPECT_EQ(password_problem("correct horse battery staple"), std::nullopt);
    EXPECT_EQ(password_problem(std::string(256, 'x')), std::nullopt);
    // Eight characters, sixteen bytes: people count characters.
    EXPECT_EQ(password_problem("пароль12"), std::nullopt);
}

TEST(PasswordPolicy, RefusesShortLongAndBlankPasswords) {
    EXPECT_EQ(password_problem(""), "A password needs at least 8 characters.");
    EXPECT_EQ(password_problem("seven c"), "A password needs at least 8 characters.");
    EXPECT_EQ(password_problem("пароль"), "A password needs at least 8 characters.");
    EXPECT_EQ(password_problem(std::string(257, 'x')), "A password may be at most 256 bytes long.");
    EXPECT_EQ(password_problem("          "), "A password cannot be only spaces.");
    EXPECT_EQ(password_problem(" \t \n \t  "), "A password cannot be only spaces.");
}

}  // namespace
}  // namespace parley::server::auth
