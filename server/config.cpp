// Parses --listen, --web-root, --data-dir, --threads and their PARLEY_* environment twins.
#include "server/config.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <string_view>

namespace parley::server {
namespace {

constexpr std::array<std::string_view, 4> kOptionNames = {"listen", "web-root", "data-dir",
                                                          "threads"};

struct Endpoint {
    std::string address;
    std::uint16_t port;
};

std::optional<Endpoint> parse_endpoint(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) {
        return std::nullopt;
    }
    std::string address = text.substr(0, colon);
    if (address.front() == '[' && address.back() == ']') {
        address = address.substr(1, address.size() - 2);
    }
    unsigned port = 0;
    const char* first = text.data() + colon + 1;
    const char* last = text.data() + text.size();
    const auto [end, ec] = std::from_chars(first, last, port);
    if (ec != std::errc{} || end != last || port > 65535) {
        return std::nullopt;
    }
    return Endpoint{address, static_cast<std::uint16_t>(port)};
}

std::optional<unsigned> parse_count(const std::string& text) {
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value > 256) {
        return std::nullopt;
    }
    return value;
}

std::optional<ConfigError> set_option(ServerConfig& config, const std::string& name,
                                      const std::string& value, const std::string& source) {
    if (name == "listen") {
        const auto endpoint = parse_endpoint(value);
        if (!endpoint) {
            return ConfigError{source + ": '" + value +
                               "' is not an address:port such as 127.0.0.1:8080"};
        }
        config.address = endpoint->address;
        config.port = endpoint->port;
    } else if (name == "web-root") {
        config.web_root = value;
    } else if (name == "data-dir") {
        config.data_dir = value;
    } else if (name == "threads") {
        const auto count = parse_count(value);
        if (!count) {
            return ConfigError{source + ": '" + value + "' is not a thread count from 0 to 256"};
        }
        config.threads = *count;
    }
    return std::nullopt;
}

}  // namespace

std::string usage_text() {
    return "usage: parley-server [--listen ADDRESS:PORT] [--web-root DIR] [--data-dir DIR]\n"
           "                     [--threads N]\n"
           "  --listen    address and port to serve on (PARLEY_LISTEN; default 127.0.0.1:8080)\n"
           "  --web-root  folder of the built web console (PARLEY_WEB_ROOT; default ./web)\n"
           "  --data-dir  folder for the server's data (PARLEY_DATA_DIR; default ./data)\n"
           "  --threads   I/O threads, 0 for one per core (PARLEY_THREADS; default 0)\n";
}

ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env) {
    ServerConfig config;
    for (const std::string_view option : kOptionNames) {
        const std::string name(option);
        std::string variable = "PARLEY_";
        for (const char c : name) {
            variable += c == '-' ? '_' : static_cast<char>(c - 'a' + 'A');
        }
        if (const auto value = env(variable)) {
            if (auto error = set_option(config, name, *value, variable)) {
                return *error;
            }
        }
    }
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            return HelpRequested{};
        }
        if (arg.rfind("--", 0) != 0) {
            return ConfigError{"unexpected argument '" + arg + "'"};
        }
        std::string name = arg.substr(2);
        std::string value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return ConfigError{"option --" + name + " needs a value"};
        }
        if (std::find(kOptionNames.begin(), kOptionNames.end(), name) == kOptionNames.end()) {
            return ConfigError{"unknown option --" + name};
        }
        if (auto error = set_option(config, name, value, "--" + name)) {
            return *error;
        }
    }
    return config;
}

}  // namespace parley::server
