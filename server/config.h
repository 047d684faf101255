// Server configuration from flags and environment. Flags win over the environment so a
// command line always says what it means. Depends on the standard library only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parley::server {

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::filesystem::path web_root = "web";
    std::filesystem::path data_dir = "data";
    unsigned threads = 0;  // 0: one per core
};

struct ConfigError {
    std::string message;
};

struct HelpRequested {};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;

using ConfigResult = std::variant<ServerConfig, ConfigError, HelpRequested>;

ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env);

std::string usage_text();

}  // namespace parley::server
