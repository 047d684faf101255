// The built web console served from one folder. Requests are mapped to files only inside that
// folder (no "..", no links out of it), with the content type each file needs.
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
};

class StaticFiles {
public:
    explicit StaticFiles(std::filesystem::path root);

    // The file for an URL path such as "/" or "/parley.wasm", or nothing when there is no such
    // file inside the root or the path tries to leave it.
    std::optional<StaticFile> find(std::string_view url_path) const;

    const std::filesystem::path& root() const { return root_; }

private:
    std::filesystem::path root_;
};

std::string_view content_type_for(const std::filesystem::path& file);

}  // namespace parley::server
