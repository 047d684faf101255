// AttachmentFiles on a real folder: round trips, content addressing, deduplication, and names
// that must never become paths.
#include "server/store/attachment_files.h"
#include "tests/server/store/store_test_support.h"

#include <gtest/gtest.h>

#include <set>

namespace parley::server {
namespace {

using store_test::TempDir;

// SHA-256 test vectors (FIPS 180-2).
constexpr std::string_view kHashOfAbc =
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
constexpr std::string_view kHashOfEmpty =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

std::string put_or_fail(const AttachmentFiles& files, std::string_view bytes) {
    auto stored = files.put(bytes);
    if (const auto* error = std::get_if<StoreError>(&stored)) {
        ADD_FAILURE() << error->message;
        return {};
    }
    return std::get<std::string>(stored);
}

std::set<std::filesystem::path> files_under(const std::filesystem::path& root) {
    std::set<std::filesystem::path> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (entry.is_regular_file()) {
            found.insert(std::filesystem::relative(entry.path(), root));
        }
    }
    return found;
}

class AttachmentFilesTest : public ::testing::Test {
protected:
    TempDir dir;
    AttachmentFiles files{dir / "attachments"};
};

TEST_F(AttachmentFilesTest, StoresAndReadsBackByHash) {
    const std::string bytes = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(100'000, '\0');
    const std::string hash = put_or_fail(files, bytes);
    EXPECT_TRUE(AttachmentFiles::is_valid_hash(hash));
    EXPECT_EQ(files.read(hash), bytes);
    const auto path = files.path_of(hash);
    ASSERT_TRUE(path);
    EXPECT_EQ(*path, dir / "attachments" / hash.substr(0, 2) / hash);
    EXPECT_TRUE(std::filesystem::is_regular_file(*path));
}

TEST_F(AttachmentFilesTest, TheNameIsTheSha256OfTheContent) {
    EXPECT_EQ(put_or_fail(files, "abc"), kHashOfAbc);
    EXPECT_EQ(put_or_fail(files, ""), kHashOfEmpty);
    EXPECT_EQ(files.read(kHashOfEmpty), "");
    EXPECT_EQ(AttachmentFiles::hash_of("abc"), kHashOfAbc);
}

TEST_F(AttachmentFilesTest, TheSameContentIsStoredOnce) {
    const std::string first = put_or_fail(files, "same bytes");
    const std::string second = put_or_fail(files, "same bytes");
    const std::string other = put_or_fail(files, "other bytes");
    EXPECT_EQ(first, second);
    EXPECT_NE(first, other);
    // No temporary files are left behind either.
    const std::set<std::filesystem::path> expected = {
        std::filesystem::path(first.substr(0, 2)) / first,
        std::filesystem::path(other.substr(0, 2)) / other};
    EXPECT_EQ(files_under(dir / "attachments"), expected);
}

TEST_F(AttachmentFilesTest, MissingContentIsNothing) {
    EXPECT_FALSE(files.read(kHashOfAbc));
    put_or_fail(files, "abc");
    EXPECT_FALSE(files.read(kHashOfEmpty));
}

TEST_F(AttachmentFilesTest, NamesThatAreNotHashesNeverBecomePaths) {
    put_or_fail(files, "abc");
    const std::string upper = [] {
        std::string hash(kHashOfAbc);
        for (auto& c : hash) {
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
        return hash;
    }();
    for (const std::string& name :
         {upper, std::string(kHashOfAbc.substr(1)), std::string(kHashOfAbc) + "0",
          std::string("../") + std::string(kHashOfAbc.substr(3)),
          "ba/" + std::string(kHashOfAbc.substr(3)), std::string(64, 'g'), std::string(),
          std::string(kHashOfAbc.substr(0, 63)) + '\0'}) {
        EXPECT_FALSE(AttachmentFiles::is_valid_hash(name)) << name;
        EXPECT_FALSE(files.path_of(name)) << name;
        EXPECT_FALSE(files.read(name)) << name;
    }
}

TEST_F(AttachmentFilesTest, AnUnwritableFolderIsAnError) {
    store_test::write_bytes(dir / "a-file", "x");
    const AttachmentFiles blocked(dir / "a-file" / "attachments");
    auto stored = blocked.put("abc");
    ASSERT_TRUE(std::holds_alternative<StoreError>(stored));
    EXPECT_EQ(std::get<StoreError>(stored).code, "io");
    EXPECT_NE(std::get<StoreError>(stored).message.find("a-file"), std::string::npos);
}

}  // namespace
}  // namespace parley::server
