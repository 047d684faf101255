#include "download_name.h"

#include <cctype>
#include <charconv>
#include <optional>
#include <vector>

namespace parley::shell {
namespace {

// Longer names are cut: every file system here takes 255 bytes, and " (12)" may be added.
constexpr std::size_t kLongestName = 200;
// Characters some file systems or shells treat specially; a name keeps a '_' in their place.
constexpr std::string_view kReserved = "<>:\"|?*";

struct Parameter {
    std::string name;  // lower case
    std::string value;
};

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

// The header's `name=value` parameters after the disposition type; quoted values unescaped.
std::vector<Parameter> parameters(std::string_view header) {
    std::vector<Parameter> found;
    std::size_t at = header.find(';');
    while (at != std::string_view::npos && at < header.size()) {
        const std::size_t equals = header.find('=', at + 1);
        if (equals == std::string_view::npos) {
            break;
        }
        Parameter parameter{lower(trim(header.substr(at + 1, equals - at - 1))), {}};
        std::size_t next = equals + 1;
        while (next < header.size() && header[next] == ' ') {
            ++next;
        }
        if (next < header.size() && header[next] == '"') {
            for (++next; next < header.size() && header[next] != '"'; ++next) {
                if (header[next] == '\\' && next + 1 < header.size()) {
                    ++next;
                }
                parameter.value += header[next];
            }
            next = header.find(';', next);
        } else {
            const std::size_t end = header.find(';', next);
            parameter.value = std::string(trim(header.substr(next, end - next)));
            next = end;
        }
        found.push_back(std::move(parameter));
        at = next;
    }
    return found;
}

std::string percent_decoded(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned byte = 0;
        const char* digits = text.data() + i + 1;
        if (text[i] == '%' && i + 2 < text.size() &&
            std::from_chars(digits, digits + 2, byte, 16).ptr == digits + 2) {
            out += static_cast<char>(byte);
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

// RFC 5987's ext-value: charset'language'percent-encoded; only UTF-8 (and ASCII) are read.
std::optional<std::string> extended_value(std::string_view value) {
    const std::size_t first = value.find('\'');
    const std::size_t second =
        first == std::string_view::npos ? first : value.find('\'', first + 1);
    if (second == std::string_view::npos) {
        return std::nullopt;
    }
    const std::string charset = lower(value.substr(0, first));
    if (charset != "utf-8" && charset != "us-ascii") {
        return std::nullopt;
    }
    return percent_decoded(value.substr(second + 1));
}

// Cuts at most `limit` bytes without splitting a UTF-8 sequence.
std::string cut(std::string text, std::size_t limit) {
    if (text.size() <= limit) {
        return text;
    }
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    text.resize(end);
    return text;
}

}  // namespace

std::string safe_file_name(std::string_view name) {
    const std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) {
        name.remove_prefix(slash + 1);
    }
    std::string out;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            continue;
        }
        out += kReserved.find(c) == std::string_view::npos ? c : '_';
    }
    // Leading dots would hide the file (or name "." and ".."); trailing dots and spaces vanish
    // on some file systems.
    const std::size_t first = out.find_first_not_of(". ");
    if (first == std::string::npos) {
        return {};
    }
    out.erase(0, first);
    out.erase(out.find_last_not_of(". ") + 1);
    return cut(std::move(out), kLongestName);
}

std::string download_file_name(std::string_view content_disposition, std::string_view ref) {
    std::optional<std::string> plain;
    std::optional<std::string> extended;
    for (const Parameter& parameter : parameters(content_disposition)) {
        if (parameter.name == "filename*" && !extended) {
            extended = extended_value(parameter.value);
        } else if (parameter.name == "filename" && !plain) {
            plain = parameter.value;
        }
    }
    for (const auto& candidate : {extended, plain}) {
        if (candidate) {
            if (std::string name = safe_file_name(*candidate); !name.empty()) {
                return name;
            }
        }
    }
    const std::string_view path = ref.substr(0, ref.find('?'));
    const std::string from_ref = safe_file_name(path);
    return from_ref.empty() ? "download" : from_ref;
}

std::filesystem::path unused_path(const std::filesystem::path& folder, const std::string& name) {
    std::filesystem::path path = folder / name;
    const std::filesystem::path plain(name);
    const std::string stem = plain.stem().string();
    const std::string extension = plain.extension().string();
    std::error_code ignored;
    for (int copy = 1; std::filesystem::exists(path, ignored); ++copy) {
        path = folder / (stem + " (" + std::to_string(copy) + ")" + extension);
    }
    return path;
}

}  // namespace parley::shell
