// Where a download is saved: under the name the server gives it (Content-Disposition, RFC 6266:
// the UTF-8 `filename*` before the ASCII `filename`), made safe to create in the downloads
// folder (no folders, no hidden or dot names, no control characters, a bounded length), and not
// over a file already there. Pure: no I/O but the existence check of unused_path().
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace parley::shell {

// The server's name for a download, or failing that the last segment of `ref` (the path it was
// fetched from), made safe; "download" when neither leaves anything.
std::string download_file_name(std::string_view content_disposition, std::string_view ref);

// A name only: what is left of `name` once made safe, possibly empty.
std::string safe_file_name(std::string_view name);

// `folder / name` if no file has that name, else "name (1).ext", "name (2).ext", … as browsers do.
std::filesystem::path unused_path(const std::filesystem::path& folder, const std::string& name);

}  // namespace parley::shell
