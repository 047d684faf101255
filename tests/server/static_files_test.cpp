#include "server/static_files.h"

#include <gtest/gtest.h>

#include <fstream>

namespace parley::server {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root = std::filesystem::temp_directory_path() /
               ("parley-static-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
                "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
        std::filesystem::remove_all(root);
        std::filesystem::create_directories(root / "assets");
        write(root / "index.html", "<!doctype html>");
        write(root / "parley.wasm", std::string("\0asm", 4));
        write(root / "assets" / "app.js", "1;");
        write(root / ".secret", "no");
        write(root.parent_path() / "outside.txt", "no");
    }
    void TearDown() override { std::filesystem::remove_all(root); }

    static void write(const std::filesystem::path& path, const std::string& text) {
        std::ofstream(path, std::ios::binary) << text;
    }

    std::filesystem::path root;
};

TEST_F(StaticFilesTest, ServesFilesWithTheirContentTypes) {
    const StaticFiles files(root);
    const auto index = files.find("/");
    ASSERT_TRUE(index);
    EXPECT_EQ(index->body, "<!doctype html>");
    EXPECT_EQ(index->content_type, "text/html; charset=utf-8");
    const auto wasm = files.find("/parley.wasm?v=2");
    ASSERT_TRUE(wasm);
    EXPECT_EQ(wasm->content_type, "application/wasm");
    EXPECT_EQ(wasm->body.size(), 4u);
    EXPECT_EQ(files.find("/assets/app.js")->content_type, "text/javascript; charset=utf-8");
    EXPECT_FALSE(index->etag.empty());
}

TEST_F(StaticFilesTest, NeverLeavesTheRoot) {
    const StaticFiles files(root);
    for (const char* path : {"/../outside.txt", "/assets/../../outside.txt", "/.secret",
                             "/%2e%2e/outside.txt", "//etc/passwd", "/assets/", "/assets",
                             "/missing.js", "relative", "", "/a\\..\\b"}) {
        EXPECT_FALSE(files.find(path)) << path;
    }
}

TEST(ContentType, UnknownExtensionsAreOctetStream) {
    EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
    EXPECT_EQ(content_type_for("x.css"), "text/css; charset=utf-8");
}

}  // namespace
}  // namespace parley::server
