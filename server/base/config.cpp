// One table of options; each is a flag (--name), an environment variable (PARLEY_NAME) and a
// line of the configuration file (name = value).
#include "server/base/config.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <sstream>
#include <string_view>

namespace parley::server {
namespace {

struct Option {
    std::string_view name;
    std::string_view value_hint;
    std::string_view help;
    // Flags that take no value on the command line (--demo).
    bool is_switch = false;
};

constexpr std::array<Option, 45> kOptions = {{
    {"config", "FILE", "a file of 'name = value' lines for these options", false},
    {"listen", "ADDRESS:PORT", "where to serve (default 127.0.0.1:8080)", false},
    {"web-root", "DIR", "folder of the built web console (default ./web)", false},
    {"data-dir", "DIR", "folder for the server's data (default ./data)", false},
    {"threads", "N", "I/O threads, 0 for one per core (default 0)", false},
    {"allowed-origins", "LIST", "comma-separated origins allowed to open the WebSocket", false},
    {"max-upload-bytes", "N", "largest attachment (default 10485760)", false},
    {"session-hours", "N", "staff sessions last this long (default 12)", false},
    {"secure-cookies", "BOOL", "mark cookies Secure when served over HTTPS (default false)", false},
    {"tick-ms", "N", "timer resolution for reminders and time-outs (default 1000)", false},
    {"ip-requests-per-second", "N", "per client address (default 50)", false},
    {"commands-per-second", "N", "per connection or token (default 50)", false},
    {"send-queue-mib", "N", "unread data a WebSocket client may leave queued (default 64)", false},
    {"demo", "", "create the demo organisation when the data folder is empty", true},
    {"smtp-url", "URL", "mail relay for customer email, smtp://HOST:PORT (default: none)", false},
    {"smtp-from", "ADDRESS", "sender of customer email (default support@parley.invalid)", false},
    {"smtp-user", "NAME", "user name when the relay asks for one", false},
    {"smtp-password", "SECRET", "password for the relay (better in PARLEY_SMTP_PASSWORD)", false},
    {"smtp-attempts", "N", "tries per email before it is recorded as failed (default 3)", false},
    {"webhook-retry-ms", "N", "first retry delay of the service desk webhook (default 2000)",
     false},
    {"snapshot-every", "N",
     "events between snapshots; start-up replays at most about that many (default 50000)", false},
    {"remembered-commands", "N",
     "newest command ids kept in memory; older repeats are found in the event log "
     "(default 100000)",
     false},
    {"wal-limit-mib", "N", "the event log's write-ahead log is kept under this size (default 64)",
     false},
    {"hello-timeout-ms", "N",
     "a WebSocket silent this long after opening is closed (default 10000)", false},
    {"connections-per-address", "N", "open connections per client address (default 500)", false},
    {"allowed-hosts", "LIST",
     "Host names served besides localhost, the listen address and allowed origins ('*': any)",
     false},
    {"metrics-token", "SECRET", "bearer token that may read /metrics (admins and API keys may)",
     false},
    {"password-cost", "LEVEL",
     "interactive, or test (cheap hashing, for test servers only) (default interactive)", false},
    {"password-threads", "N", "threads that hash and check passwords (default 2)", false},
    {"read-threads", "N",
     "threads that serve chat lists, search and analytics from the read model (default 2)", false},
    {"sign-in-account-ceiling", "N",
     "failed sign-ins to one account, from anywhere, before tries are spaced out (default 10)",
     false},
    {"sign-in-delay-seconds", "N", "the spacing between tries past that ceiling (default 3)",
     false},
    {"chat-starts-per-address", "N", "new chats per client address per minute (default 30)", false},
    {"transcripts-per-address", "N", "transcript emails per client address per hour (default 5)",
     false},
    {"transcripts-per-recipient", "N", "transcript emails per recipient per day (default 3)",
     false},
    {"chat-upload-files", "N", "files one chat may hold (default 100)", false},
    {"chat-upload-mib", "N", "MiB of files one chat may hold (default 200)", false},
    {"customer-upload-files", "N", "files one customer may upload (default 200)", false},
    {"customer-upload-mib", "N", "MiB one customer may upload (default 400)", false},
    {"address-upload-files", "N",
     "files customers from one address may upload per window (default 300)", false},
    {"address-upload-mib", "N",
     "MiB customers from one address may upload per window (default 1000)", false},
    {"address-upload-hours", "N", "the rolling window of the address quotas (default 24)", false},
    {"total-upload-files", "N", "files the server holds at most (default 1000000)", false},
    {"total-upload-mib", "N", "MiB of files the server holds at most (default 51200)", false},
    {"min-free-disk-mib", "N",
     "uploads are refused while the data folder's disk has less free (default 512)", false},
}};

const Option* find_option(std::string_view name) {
    const auto found = std::find_if(kOptions.begin(), kOptions.end(),
                                    [&](const Option& option) { return option.name == name; });
    return found == kOptions.end() ? nullptr : &*found;
}

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

template <class Number>
std::optional<Number> parse_number(const std::string& text, Number min, Number max) {
    Number value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size() || value < min || value > max) {
        return std::nullopt;
    }
    return value;
}

std::optional<bool> parse_bool(const std::string& text) {
    if (text == "true" || text == "1" || text == "yes" || text == "on") {
        return true;
    }
    if (text == "false" || text == "0" || text == "no" || text == "off") {
        return false;
    }
    return std::nullopt;
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::stringstream stream(text);
    std::string item;
    while (std::getline(stream, item, ',')) {
        item.erase(0, item.find_first_not_of(" \t"));
        item.erase(item.find_last_not_of(" \t") + 1);
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    return items;
}

template <class Number>
std::optional<ConfigError> set_number(Number& target, const std::string& value,
                                      const std::string& source, Number min, Number max) {
    const auto parsed = parse_number<Number>(value, min, max);
    if (!parsed) {
        return ConfigError{source + ": '" + value + "' is not a number from " +
                           std::to_string(min) + " to " + std::to_string(max)};
    }
    target = *parsed;
    return std::nullopt;
}

// The upload quotas and the disk watermark: whole numbers from 0 (nothing allowed) up.
unsigned* upload_quota(ServerConfig& config, std::string_view name) {
    const std::array<std::pair<std::string_view, unsigned*>, 9> quotas = {{
        {"chat-upload-files", &config.chat_upload_files},
        {"chat-upload-mib", &config.chat_upload_mib},
        {"customer-upload-files", &config.customer_upload_files},
        {"customer-upload-mib", &config.customer_upload_mib},
        {"address-upload-files", &config.address_upload_files},
        {"address-upload-mib", &config.address_upload_mib},
        {"total-upload-files", &config.total_upload_files},
        {"total-upload-mib", &config.total_upload_mib},
        {"min-free-disk-mib", &config.min_free_disk_mib},
    }};
    for (const auto& [quota, field] : quotas) {
        if (quota == name) {
            return field;
        }
    }
    return nullptr;
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
        return set_number(config.threads, value, source, 0u, 256u);
    } else if (name == "allowed-origins") {
        config.allowed_origins = split_list(value);
    } else if (name == "allowed-hosts") {
        config.allowed_hosts = split_list(value);
    } else if (name == "metrics-token") {
        config.metrics_token = value;
    } else if (name == "hello-timeout-ms") {
        return set_number(config.hello_timeout_ms, value, source, 100u, 600000u);
    } else if (name == "connections-per-address") {
        return set_number(config.connections_per_address, value, source, 1u, 1000000u);
    } else if (name == "max-upload-bytes") {
        return set_number<std::uint64_t>(config.max_upload_bytes, value, source, 1,
                                         std::uint64_t{1} << 30);
    } else if (name == "session-hours") {
        return set_number(config.session_hours, value, source, 1u, 24u * 90u);
    } else if (name == "tick-ms") {
        return set_number(config.tick_ms, value, source, 10u, 60000u);
    } else if (name == "ip-requests-per-second") {
        return set_number(config.ip_requests_per_second, value, source, 1u, 1000000u);
    } else if (name == "commands-per-second") {
        return set_number(config.commands_per_second, value, source, 1u, 1000000u);
    } else if (name == "remembered-commands") {
        return set_number<std::uint64_t>(config.remembered_commands, value, source, 1, 100000000);
    } else if (name == "snapshot-every") {
        return set_number<std::uint64_t>(config.snapshot_every, value, source, 10, 100000000);
    } else if (name == "wal-limit-mib") {
        return set_number(config.wal_limit_mib, value, source, 1u, 65536u);
    } else if (name == "webhook-retry-ms") {
        return set_number(config.webhook_retry_ms, value, source, 10u, 3600000u);
    } else if (name == "password-cost") {
        if (value != "interactive" && value != "test") {
            return ConfigError{source + ": '" + value + "' is not interactive or test"};
        }
        config.password_cost =
            value == "test" ? PasswordCostLevel::test : PasswordCostLevel::interactive;
    } else if (name == "password-threads") {
        return set_number(config.password_threads, value, source, 1u, 64u);
    } else if (name == "read-threads") {
        return set_number(config.read_threads, value, source, 1u, 64u);
    } else if (name == "sign-in-account-ceiling") {
        return set_number(config.sign_in_account_ceiling, value, source, 1u, 1000000u);
    } else if (name == "sign-in-delay-seconds") {
        return set_number(config.sign_in_delay_seconds, value, source, 1u, 60u);
    } else if (name == "chat-starts-per-address") {
        return set_number(config.chat_starts_per_address, value, source, 1u, 1000000u);
    } else if (name == "transcripts-per-address") {
        return set_number(config.transcripts_per_address, value, source, 1u, 1000000u);
    } else if (name == "transcripts-per-recipient") {
        return set_number(config.transcripts_per_recipient, value, source, 1u, 1000000u);
    } else if (name == "address-upload-hours") {
        return set_number(config.address_upload_hours, value, source, 1u, 24u * 366u);
    } else if (unsigned* quota = upload_quota(config, name)) {
        return set_number(*quota, value, source, 0u, std::numeric_limits<unsigned>::max());
    } else if (name == "send-queue-mib") {
        return set_number(config.send_queue_mib, value, source, 1u, 4096u);
    } else if (name == "smtp-url") {
        if (!value.empty() && value.rfind("smtp://", 0) != 0 && value.rfind("smtps://", 0) != 0) {
            return ConfigError{source + ": '" + value +
                               "' is not a mail relay such as smtp://127.0.0.1:25"};
        }
        config.smtp_url = value;
    } else if (name == "smtp-from") {
        config.smtp_from = value;
    } else if (name == "smtp-user") {
        config.smtp_user = value;
    } else if (name == "smtp-password") {
        config.smtp_password = value;
    } else if (name == "smtp-attempts") {
        return set_number(config.smtp_attempts, value, source, 1u, 10u);
    } else if (name == "secure-cookies" || name == "demo") {
        const auto flag = parse_bool(value);
        if (!flag) {
            return ConfigError{source + ": '" + value + "' is not true or false"};
        }
        (name == "demo" ? config.demo : config.secure_cookies) = *flag;
    }
    return std::nullopt;
}

std::string environment_name(std::string_view option) {
    std::string variable = "PARLEY_";
    for (const char c : option) {
        variable += c == '-' ? '_' : static_cast<char>(c - 'a' + 'A');
    }
    return variable;
}

std::optional<ConfigError> apply_file(ServerConfig& config, const std::filesystem::path& path,
                                      const FileLookup& read_file) {
    const std::optional<std::string> text = read_file ? read_file(path) : std::nullopt;
    if (!text) {
        return ConfigError{"cannot read the configuration file " + path.string()};
    }
    std::stringstream lines(*text);
    std::string line;
    for (int number = 1; std::getline(lines, line); ++number) {
        line.erase(0, line.find_first_not_of(" \t"));
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto eq = line.find('=');
        const std::string where = path.string() + ":" + std::to_string(number);
        if (eq == std::string::npos) {
            return ConfigError{where + ": expected 'name = value'"};
        }
        std::string name = line.substr(0, eq);
        std::string value = line.substr(eq + 1);
        name.erase(name.find_last_not_of(" \t") + 1);
        value.erase(0, value.find_first_not_of(" \t"));
        value.erase(value.find_last_not_of(" \t\r") + 1);
        if (!find_option(name) || name == "config") {
            return ConfigError{where + ": unknown option '" + name + "'"};
        }
        if (auto error = set_option(config, name, value, where)) {
            return error;
        }
    }
    return std::nullopt;
}

}  // namespace

std::string usage_text() {
    std::string text =
        "usage: parley-server [options]\n"
        "Each option is also an environment variable (PARLEY_LISTEN, ...) and a "
        "line of the\nconfiguration file; flags win over the environment, which "
        "wins over the file.\n";
    for (const Option& option : kOptions) {
        std::string flag = "  --" + std::string(option.name);
        if (!option.value_hint.empty()) {
            flag += " " + std::string(option.value_hint);
        }
        flag.resize(std::max<std::size_t>(flag.size() + 2, 36), ' ');
        text += flag + std::string(option.help) + "\n";
    }
    return text;
}

ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env,
                          const FileLookup& read_file) {
    ServerConfig config;
    std::vector<std::pair<std::string, std::string>> flags;
    std::optional<std::string> config_file = env(environment_name("config"));
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--help" || arg == "-h") {
            return HelpRequested{};
        }
        if (arg.rfind("--", 0) != 0) {
            return ConfigError{"unexpected argument '" + arg + "'"};
        }
        std::string name = arg.substr(2);
        std::optional<std::string> value;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
        }
        const Option* option = find_option(name);
        if (!option) {
            return ConfigError{"unknown option --" + name};
        }
        if (!value && option->is_switch) {
            value = "true";
        } else if (!value && i + 1 < args.size()) {
            value = args[++i];
        } else if (!value) {
            return ConfigError{"option --" + name + " needs a value"};
        }
        if (name == "config") {
            config_file = *value;
        } else {
            flags.emplace_back(name, *value);
        }
    }
    if (config_file) {
        if (auto error = apply_file(config, *config_file, read_file)) {
            return *error;
        }
    }
    for (const Option& option : kOptions) {
        const std::string variable = environment_name(option.name);
        if (option.name == "config") {
            continue;
        }
        if (const auto value = env(variable)) {
            if (auto error = set_option(config, std::string(option.name), *value, variable)) {
                return *error;
            }
        }
    }
    for (const auto& [name, value] : flags) {
        if (auto error = set_option(config, name, value, "--" + name)) {
            return *error;
        }
    }
    return config;
}

}  // namespace parley::server
