// The built web console served from one folder. Requests are mapped to files only inside that
// folder (no "..", no links out of it), with the content type each file needs. A file's gzip
// twin ("parley.wasm.gz", made at build time) is served instead when the browser accepts gzip.
// Depends on the standard library only, so it is testable without sockets.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace parley::server {

struct StaticFile {
    std::string body;
    std::string content_type;
    std::string etag;
    // "gzip" when body holds the .gz twin's bytes, else empty.
    std::string content_encoding;
    // The file has a gzip twin, so caches must key responses on Accept-Encoding.
    bool vary_accept_encoding = false;
    std::string cache_control;
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    // The file for an URL path such as "/" or "/parley.wasm", or nothing when there is no such
    // file inside the root or the path tries to leave it. accept_encoding is the request's
    // Accept-Encoding header; the gzip twin is used only if it admits gzip and the twin is not
    // older than the file.
    std::optional<StaticFile> find(std::string_view url_path,
                                   std::string_view accept_encoding = {}) const;

    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

std::string_view content_type_for(const std::filesystem::path& file);

// True when an Accept-Encoding header admits gzip: "gzip" or "x-gzip" with a non-zero q, or "*"
// with a non-zero q and gzip not named.
bool accepts_gzip(std::string_view accept_encoding);

}  // namespace parley::server
