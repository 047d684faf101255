#include "server/base/config.h"

#include <gtest/gtest.h>

#include <map>

namespace parley::server {
namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
    return [values](const std::string& name) -> std::optional<std::string> {
        const auto found = values.find(name);
        if (found == values.end()) {
            return std::nullopt;
        }
        return found->second;
    };
}

TEST(Config, DefaultsListenOnLoopback8080) {
    const auto result = parse_config({}, env_of({}));
    const auto& config = std::get<ServerConfig>(result);
    EXPECT_EQ(config.address, "127.0.0.1");
    EXPECT_EQ(config.port, 8080);
}

TEST(Config, EdgeLimitsHaveSafeDefaultsAndAreSettings) {
    const auto defaults = std::get<ServerConfig>(parse_config({}, env_of({})));
    EXPECT_EQ(defaults.hello_timeout_ms, 10000u);
    EXPECT_EQ(defaults.connections_per_address, 500u);
    EXPECT_TRUE(defaults.allowed_hosts.empty());
    EXPECT_TRUE(defaults.metrics_token.empty());
    const auto set = std::get<ServerConfig>(parse_config(
        {"--hello-timeout-ms", "2500", "--allowed-hosts", "support.example.com, chat.example.com"},
        env_of({{"PARLEY_CONNECTIONS_PER_ADDRESS", "40"}, {"PARLEY_METRICS_TOKEN", "s3cret"}})));
    EXPECT_EQ(set.hello_timeout_ms, 2500u);
    EXPECT_EQ(set.connections_per_address, 40u);
    EXPECT_EQ(set.allowed_hosts,
              (std::vector<std::string>{"support.example.com", "chat.example.com"}));
    EXPECT_EQ(set.metrics_token, "s3cret");
    EXPECT_TRUE(std::holds_alternative<ConfigError>(
        parse_config({"--connections-per-address", "0"}, env_of({}))));
    EXPECT_NE(usage_text().find("--hello-timeout-ms"), std::string::npos);
}

TEST(Config, EnvironmentSetsAndFlagsOverride) {
    const auto from_env = parse_config(
        {}, env_of({{"PARLEY_LISTEN", "0.0.0.0:9000"}, {"PARLEY_DATA_DIR", "/var/lib/parley"}}));
    EXPECT_EQ(std::get<ServerConfig>(from_env).address, "0.0.0.0");
    EXPECT_EQ(std::get<ServerConfig>(from_env).port, 9000);
    EXPECT_EQ(std::get<ServerConfig>(from_env).data_dir, "/var/lib/parley");

    const auto flags = parse_config({"--listen", "[::1]:7000", "--threads=3"},
                                    env_of({{"PARLEY_LISTEN", "0.0.0.0:9000"}}));
    EXPECT_EQ(std::get<ServerConfig>(flags).address, "::1");
    EXPECT_EQ(std::get<ServerConfig>(flags).port, 7000);
    EXPECT_EQ(std::get<ServerConfig>(flags).threads, 3u);
}

TEST(Config, BadInputIsAClearError) {
    const auto bad_port = parse_config({"--listen", "127.0.0.1:99999"}, env_of({}));
    ASSERT_TRUE(std::holds_alternative<ConfigError>(bad_port));
    EXPECT_NE(std::get<ConfigError>(bad_port).message.find("99999"), std::string::npos);

    const auto unknown = parse_config({"--colour", "red"}, env_of({}));
    EXPECT_EQ(std::get<ConfigError>(unknown).message, "unknown option --colour");

    const auto missing = parse_config({"--listen"}, env_of({}));
    EXPECT_EQ(std::get<ConfigError>(missing).message, "option --listen needs a value");

    const auto bad_env = parse_config({}, env_of({{"PARLEY_THREADS", "many"}}));
    EXPECT_NE(std::get<ConfigError>(bad_env).message.find("PARLEY_THREADS"), std::string::npos);

    EXPECT_TRUE(std::holds_alternative<HelpRequested>(parse_config({"--help"}, env_of({}))));
}

TEST(Config, UploadQuotasAndTheDiskWatermarkAreSettings) {
    const auto defaults = std::get<ServerConfig>(parse_config({}, env_of({})));
    EXPECT_EQ(defaults.chat_upload_files, 100u);
    EXPECT_EQ(defaults.min_free_disk_mib, 512u);
    EXPECT_EQ(defaults.address_upload_hours, 24u);

    const auto set = parse_config({"--min-free-disk-mib", "2048", "--chat-upload-mib=0"},
                                  env_of({{"PARLEY_ADDRESS_UPLOAD_FILES", "7"}}));
    const auto& config = std::get<ServerConfig>(set);
    EXPECT_EQ(config.min_free_disk_mib, 2048u);
    EXPECT_EQ(config.chat_upload_mib, 0u);
    EXPECT_EQ(config.address_upload_files, 7u);

    const auto no_window = parse_config({"--address-upload-hours", "0"}, env_of({}));
    ASSERT_TRUE(std::holds_alternative<ConfigError>(no_window));
    EXPECT_NE(usage_text().find("--min-free-disk-mib N"), std::string::npos);
}

TEST(Config, FileThenEnvironmentThenFlags) {
    const FileLookup files = [](const std::filesystem::path& path) -> std::optional<std::string> {
        if (path == "parley.conf") {
            return "# Parley\nlisten = 0.0.0.0:8000\nallowed-origins = https://a.example, "
                   "https://b.example\nmax-upload-bytes = 2048\ndemo = true\n";
        }
        return std::nullopt;
    };
    const auto result = parse_config({"--config", "parley.conf", "--listen", "127.0.0.1:7"},
                                     env_of({{"PARLEY_MAX_UPLOAD_BYTES", "4096"}}), files);
    const auto& config = std::get<ServerConfig>(result);
    EXPECT_EQ(config.port, 7);
    EXPECT_EQ(config.max_upload_bytes, 4096u);
    EXPECT_TRUE(config.demo);
    EXPECT_EQ(config.allowed_origins,
              (std::vector<std::string>{"https://a.example", "https://b.example"}));

    const auto missing = parse_config({"--config", "nope.conf"}, env_of({}), files);
    EXPECT_EQ(std::get<ConfigError>(missing).message,
              "cannot read the configuration file nope.conf");
}

TEST(Config, DemoIsASwitchAndBadFileLinesAreNamed) {
    EXPECT_TRUE(std::get<ServerConfig>(parse_config({"--demo"}, env_of({}))).demo);
    const FileLookup files = [](const std::filesystem::path&) -> std::optional<std::string> {
        return "listen = 127.0.0.1:1\ncolour = red\n";
    };
    const auto bad = parse_config({"--config", "x.conf"}, env_of({}), files);
    EXPECT_EQ(std::get<ConfigError>(bad).message, "x.conf:2: unknown option 'colour'");
}

}  // namespace
}  // namespace parley::server
