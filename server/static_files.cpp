// Static files: path checks and content types, written once for every request.
#include "server/static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace parley::server {
namespace {

struct TypeByExtension {
    std::string_view extension;
    std::string_view content_type;
};

constexpr std::array<TypeByExtension, 14> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".wasm", "application/wasm"},
    {".data", "application/octet-stream"},
    {".png", "image/png"},
    {".svg", "image/svg+xml"},
    {".ico", "image/x-icon"},
    {".ttf", "font/ttf"},
    {".woff2", "font/woff2"},
    {".txt", "text/plain; charset=utf-8"},
    {".ogg", "audio/ogg"},
}};

// Only plain segments are allowed: no empty, ".", ".." or hidden segments and no backslashes,
// so a request can never name anything outside the root, however it is encoded.
std::optional<std::filesystem::path> relative_path_for(std::string_view url_path) {
    if (url_path.empty() || url_path.front() != '/') {
        return std::nullopt;
    }
    if (const auto query = url_path.find_first_of("?#"); query != std::string_view::npos) {
        url_path = url_path.substr(0, query);
    }
    if (url_path == "/") {
        return std::filesystem::path("index.html");
    }
    std::filesystem::path relative;
    std::size_t start = 1;
    while (start <= url_path.size()) {
        auto end = url_path.find('/', start);
        if (end == std::string_view::npos) {
            end = url_path.size();
        }
        const std::string_view segment = url_path.substr(start, end - start);
        if (segment.empty() || segment.front() == '.' ||
            segment.find_first_of("\\%:\0", 0, 4) != std::string_view::npos) {
            return std::nullopt;
        }
        relative /= std::string(segment);
        start = end + 1;
    }
    return relative;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::string_view content_type_for(const std::filesystem::path& file) {
    const std::string extension = file.extension().string();
    for (const auto& entry : kContentTypes) {
        if (entry.extension == extension) {
            return entry.content_type;
        }
    }
    return "application/octet-stream";
}

std::optional<StaticFile> StaticFiles::find(std::string_view url_path) const {
    const auto relative = relative_path_for(url_path);
    if (!relative) {
        return std::nullopt;
    }
    const std::filesystem::path full = root_ / *relative;
    std::error_code error;
    const auto status = std::filesystem::symlink_status(full, error);
    if (error || !std::filesystem::is_regular_file(status)) {
        return std::nullopt;
    }
    std::ifstream in(full, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    StaticFile file;
    file.body = std::move(contents).str();
    file.content_type = std::string(content_type_for(full));
    const auto written = std::filesystem::last_write_time(full, error);
    const auto stamp = error ? 0 : written.time_since_epoch().count();
    file.etag = "\"" + std::to_string(file.body.size()) + "-" + std::to_string(stamp) + "\"";
    return file;
}

}  // namespace parley::server
