// Static files: path checks, content types, gzip twins and cache rules, written once for every
// request.
#include "server/static_files.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <sstream>
#include <utility>

namespace parley::server {
namespace {

struct TypeByExtension {
    std::string_view extension;
    std::string_view content_type;
};

constexpr std::array<TypeByExtension, 15> kContentTypes = {{
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
    {".gz", "application/gzip"},
}};

// HTML pages are the entry points that name every other file, so browsers must ask for them
// again each time for a deploy to be seen. The other names do not change with their content, so
// they may be reused for an hour and are then revalidated by ETag.
constexpr std::string_view kRevalidateAlways = "no-cache";
constexpr std::string_view kReuseForAnHour = "public, max-age=3600";

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

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) {
        return {};
    }
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) {
        return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

// The parameters after a coding ("q=0.5"): a weight of zero refuses the coding, and so does one
// that cannot be read, since then the client's wish is unknown.
bool has_positive_weight(std::string_view parameters) {
    while (!parameters.empty()) {
        const auto end = std::min(parameters.find(';'), parameters.size());
        const std::string_view parameter = parameters.substr(0, end);
        parameters.remove_prefix(std::min(end + 1, parameters.size()));
        const auto equals = parameter.find('=');
        if (equals == std::string_view::npos ||
            !equals_ignoring_case(trimmed(parameter.substr(0, equals)), "q")) {
            continue;
        }
        const std::string_view value = trimmed(parameter.substr(equals + 1));
        double weight = 0;
        const auto [rest, error] =
            std::from_chars(value.data(), value.data() + value.size(), weight);
        return error == std::errc{} && rest == value.data() + value.size() && weight > 0;
    }
    return true;
}

struct FileOnDisk {
    std::filesystem::path path;
    std::filesystem::file_time_type written;
};

// Links are not followed, so nothing outside the root is served through one.
std::optional<FileOnDisk> regular_file(std::filesystem::path path) {
    std::error_code error;
    const auto status = std::filesystem::symlink_status(path, error);
    if (error || !std::filesystem::is_regular_file(status)) {
        return std::nullopt;
    }
    const auto written = std::filesystem::last_write_time(path, error);
    return FileOnDisk{std::move(path), error ? std::filesystem::file_time_type{} : written};
}

std::optional<std::string> contents_of(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream contents;
    contents << in.rdbuf();
    return std::move(contents).str();
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
    bool named = false;
    bool named_with_weight = false;
    bool any_with_weight = false;
    while (!accept_encoding.empty()) {
        const auto end = std::min(accept_encoding.find(','), accept_encoding.size());
        const std::string_view element = accept_encoding.substr(0, end);
        accept_encoding.remove_prefix(std::min(end + 1, accept_encoding.size()));
        const auto semicolon = std::min(element.find(';'), element.size());
        const std::string_view coding = trimmed(element.substr(0, semicolon));
        const bool positive = has_positive_weight(element.substr(semicolon));
        if (equals_ignoring_case(coding, "gzip") || equals_ignoring_case(coding, "x-gzip")) {
            named = true;
            named_with_weight = named_with_weight || positive;
        } else if (coding == "*") {
            any_with_weight = any_with_weight || positive;
        }
    }
    return named ? named_with_weight : any_with_weight;
}

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

std::optional<StaticFile> StaticFiles::find(std::string_view url_path,
                                            std::string_view accept_encoding) const {
    const auto relative = relative_path_for(url_path);
    if (!relative) {
        return std::nullopt;
    }
    const auto identity = regular_file(root_ / *relative);
    if (!identity) {
        return std::nullopt;
    }
    std::filesystem::path twin_path = identity->path;
    twin_path += ".gz";
    const auto twin = regular_file(std::move(twin_path));
    // A twin older than its file is left over from an earlier build and would serve old bytes.
    const bool use_twin =
        twin && twin->written >= identity->written && accepts_gzip(accept_encoding);
    const FileOnDisk& source = use_twin ? *twin : *identity;
    auto body = contents_of(source.path);
    if (!body) {
        return std::nullopt;
    }
    StaticFile file;
    file.body = std::move(*body);
    file.content_type = std::string(content_type_for(identity->path));
    // Both variants share a URL, so their ETags must differ or a cache could revalidate one
    // with the other's tag.
    file.etag = "\"" + std::to_string(file.body.size()) + "-" +
                std::to_string(source.written.time_since_epoch().count()) +
                (use_twin ? "-gzip" : "") + "\"";
    file.content_encoding = use_twin ? "gzip" : "";
    file.vary_accept_encoding = twin.has_value();
    file.cache_control =
        std::string(identity->path.extension() == ".html" ? kRevalidateAlways : kReuseForAnHour);
    return file;
}

}  // namespace parley::server
