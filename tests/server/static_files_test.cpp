#include "server/static_files.h"

#include "server/http_handler.h"

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>

namespace parley::server {
namespace {

class StaticFilesTest : public ::testing::Test {
protected:
    void SetUp() override {
        root =
            std::filesystem::temp_directory_path() /
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

    // A stand-in for the build's "gzip -9 -n -k": the twin gets the original's time, as gzip
    // gives it, unless told to be older.
    void write_twin(const std::filesystem::path& original, const std::string& text,
                    std::chrono::seconds age = std::chrono::seconds{0}) {
        std::filesystem::path twin = original;
        twin += ".gz";
        write(twin, text);
        std::filesystem::last_write_time(twin, std::filesystem::last_write_time(original) - age);
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
    for (const char* path :
         {"/../outside.txt", "/assets/../../outside.txt", "/.secret", "/%2e%2e/outside.txt",
          "//etc/passwd", "/assets/", "/assets", "/missing.js", "relative", "", "/a\\..\\b"}) {
        EXPECT_FALSE(files.find(path)) << path;
    }
}

TEST_F(StaticFilesTest, ServesTheGzipTwinWhenTheBrowserAcceptsGzip) {
    write_twin(root / "parley.wasm", "gzipped wasm");
    const StaticFiles files(root);
    const auto file = files.find("/parley.wasm", "gzip, deflate, br, zstd");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->body, "gzipped wasm");
    EXPECT_EQ(file->content_encoding, "gzip");
    EXPECT_EQ(file->content_type, "application/wasm");
    EXPECT_TRUE(file->vary_accept_encoding);
}

TEST_F(StaticFilesTest, ServesTheFileItselfWhenGzipIsNotAccepted) {
    write_twin(root / "parley.wasm", "gzipped wasm");
    const StaticFiles files(root);
    for (const char* accept : {"", "br", "identity", "gzip;q=0", "br, gzip; q=0.000", "*;q=0",
                               "*, gzip;q=0", "gzip;q=nonsense"}) {
        const auto file = files.find("/parley.wasm", accept);
        ASSERT_TRUE(file) << accept;
        EXPECT_EQ(file->body, std::string("\0asm", 4)) << accept;
        EXPECT_EQ(file->content_encoding, "") << accept;
        EXPECT_TRUE(file->vary_accept_encoding) << accept;
    }
}

TEST_F(StaticFilesTest, EtagsDifferBetweenGzipAndIdentity) {
    write_twin(root / "parley.wasm", "four");
    const StaticFiles files(root);
    const auto gzipped = files.find("/parley.wasm", "gzip");
    const auto plain = files.find("/parley.wasm", "");
    ASSERT_TRUE(gzipped && plain);
    ASSERT_EQ(gzipped->body.size(), plain->body.size());
    EXPECT_NE(gzipped->etag, plain->etag);
    EXPECT_EQ(files.find("/parley.wasm", "gzip")->etag, gzipped->etag);
    EXPECT_EQ(files.find("/parley.wasm", "br")->etag, plain->etag);
}

TEST_F(StaticFilesTest, AnOlderTwinIsLeftOverAndNotServed) {
    write_twin(root / "parley.wasm", "stale", std::chrono::seconds{60});
    const StaticFiles files(root);
    const auto file = files.find("/parley.wasm", "gzip");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->body.size(), 4u);
    EXPECT_EQ(file->content_encoding, "");
}

TEST_F(StaticFilesTest, FilesWithoutATwinDoNotVary) {
    const StaticFiles files(root);
    const auto file = files.find("/assets/app.js", "gzip");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->body, "1;");
    EXPECT_EQ(file->content_encoding, "");
    EXPECT_FALSE(file->vary_accept_encoding);
}

TEST_F(StaticFilesTest, ATwinAskedForByNameIsAnOrdinaryFile) {
    write_twin(root / "parley.wasm", "gzipped wasm");
    const StaticFiles files(root);
    const auto file = files.find("/parley.wasm.gz", "gzip");
    ASSERT_TRUE(file);
    EXPECT_EQ(file->body, "gzipped wasm");
    EXPECT_EQ(file->content_type, "application/gzip");
    EXPECT_EQ(file->content_encoding, "");
}

TEST_F(StaticFilesTest, PagesAreAlwaysRevalidatedOtherFilesReusedForAnHour) {
    write_twin(root / "index.html", "gzipped page");
    const StaticFiles files(root);
    EXPECT_EQ(files.find("/")->cache_control, "no-cache");
    EXPECT_EQ(files.find("/index.html", "gzip")->cache_control, "no-cache");
    EXPECT_EQ(files.find("/index.html", "gzip")->body, "gzipped page");
    EXPECT_EQ(files.find("/parley.wasm")->cache_control, "public, max-age=3600");
    EXPECT_EQ(files.find("/assets/app.js")->cache_control, "public, max-age=3600");
}

TEST(AcceptsGzip, ReadsCodingsAndWeights) {
    for (const char* yes :
         {"gzip", "GZIP", "x-gzip", "deflate, gzip", " gzip ;q=0.5", "gzip;Q=1", "gzip;q=0.001",
          "br;q=1, gzip;q=0.1", "*", "*;q=0.1", "gzip;level=9", "gzip;q=0, x-gzip"}) {
        EXPECT_TRUE(accepts_gzip(yes)) << yes;
    }
    for (const char* no : {"", ",", "br", "deflate, br", "gzip;q=0", "gzip; q=0.0", "gzip;q=0.000",
                           "*;q=0", "*, gzip;q=0", "gzip;q=", "gzip;q=-1", "gzipx", "identity"}) {
        EXPECT_FALSE(accepts_gzip(no)) << no;
    }
}

HttpRequest get(std::string_view target, std::string_view accept_encoding) {
    HttpRequest request{boost::beast::http::verb::get, target, 11};
    if (!accept_encoding.empty()) {
        request.set(boost::beast::http::field::accept_encoding, accept_encoding);
    }
    return request;
}

TEST_F(StaticFilesTest, ResponsesCarryEncodingVaryAndCacheHeaders) {
    namespace http = boost::beast::http;
    write_twin(root / "parley.wasm", "gzipped wasm");
    const StaticFiles files(root);
    const auto gzipped = handle_http(get("/parley.wasm", "gzip, br"), files);
    EXPECT_EQ(gzipped.result(), http::status::ok);
    EXPECT_EQ(gzipped.body(), "gzipped wasm");
    EXPECT_EQ(gzipped[http::field::content_encoding], "gzip");
    EXPECT_EQ(gzipped[http::field::vary], "Accept-Encoding");
    EXPECT_EQ(gzipped[http::field::cache_control], "public, max-age=3600");
    EXPECT_EQ(gzipped[http::field::content_length], "12");

    const auto plain = handle_http(get("/parley.wasm", "br"), files);
    EXPECT_EQ(plain.body().size(), 4u);
    EXPECT_EQ(plain.count(http::field::content_encoding), 0u);
    EXPECT_EQ(plain[http::field::vary], "Accept-Encoding");
    EXPECT_NE(plain[http::field::etag], gzipped[http::field::etag]);

    auto revalidate = get("/parley.wasm", "gzip");
    revalidate.set(http::field::if_none_match, gzipped[http::field::etag]);
    const auto not_modified = handle_http(revalidate, files);
    EXPECT_EQ(not_modified.result(), http::status::not_modified);
    EXPECT_EQ(not_modified[http::field::vary], "Accept-Encoding");
    EXPECT_EQ(not_modified[http::field::cache_control], "public, max-age=3600");
    // The identity variant's tag does not revalidate the gzip variant.
    revalidate.set(http::field::if_none_match, plain[http::field::etag]);
    EXPECT_EQ(handle_http(revalidate, files).result(), http::status::ok);

    const auto page = handle_http(get("/", "gzip"), files);
    EXPECT_EQ(page[http::field::cache_control], "no-cache");
    EXPECT_EQ(page.count(http::field::vary), 0u);
}

TEST(ContentType, UnknownExtensionsAreOctetStream) {
    EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
    EXPECT_EQ(content_type_for("x.css"), "text/css; charset=utf-8");
}

}  // namespace
}  // namespace parley::server
