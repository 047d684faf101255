// Server configuration from a file, the environment and flags, in that order of precedence
// (flags win) so a command line always says what it means. Depends on the standard library.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace parley::server {

// How expensive password hashing is: `interactive` (libsodium's argon2id interactive limits)
// for every real server; `test` (the minimum) only so test servers start fast.
enum class PasswordCostLevel { interactive, test };

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::filesystem::path web_root = "web";
    std::filesystem::path data_dir = "data";
    unsigned threads = 0;  // 0: one per core
    // Origins besides the server's own whose pages may open the WebSocket
    // ("https://support.example.com").
    std::vector<std::string> allowed_origins;
    std::uint64_t max_upload_bytes = 10 * 1024 * 1024;
    unsigned session_hours = 12;
    // Mark cookies Secure (serve behind HTTPS).
    bool secure_cookies = false;
    unsigned tick_ms = 1000;
    // Requests per second per client address (HTTP requests and WebSocket upgrades), and
    // commands per second per signed-in connection or token.
    unsigned ip_requests_per_second = 50;
    unsigned commands_per_second = 50;
    // Per WebSocket: a client that lets more than this pile up unread is disconnected. Syncs
    // of a large floor are megabytes.
    unsigned send_queue_mib = 64;
    // Create the demo organisation when the data folder is empty.
    bool demo = false;
    // Outgoing email: the relay ("smtp://host:port", "smtps://..." for TLS), the sender
    // ("support@example.com" or "Support <support@example.com>"), credentials when the relay
    // asks for them, and how many tries before an email is recorded as failed. Without a
    // relay every email is recorded as failed, saying so.
    std::string smtp_url;
    std::string smtp_from = "support@parley.invalid";
    std::string smtp_user;
    std::string smtp_password;
    unsigned smtp_attempts = 3;
    // The service desk webhook's first retry delay; later retries double it.
    unsigned webhook_retry_ms = 2000;
    // Events between snapshots: start-up loads the latest and replays at most about this many.
    std::uint64_t snapshot_every = 50000;
    // Command ids the State remembers (core::CommandIdSet's window); older repeats are answered
    // from the event log.
    std::uint64_t remembered_commands = 100000;
    // The event log's WAL is brought back under this size when it grows past it.
    unsigned wal_limit_mib = 64;
    // A WebSocket that has not said hello by then is closed.
    unsigned hello_timeout_ms = 10000;
    // Open connections (HTTP keep-alive and WebSocket) per client address: an office of a few
    // hundred agents behind one NAT address, or the load tool's default floor, stays under it.
    unsigned connections_per_address = 500;
    // Host headers served besides the defaults (localhost, 127.0.0.1, [::1], the listen and the
    // connection's own address, the hosts of allowed_origins): "name" or "name:port"; "*"
    // serves any Host (when a proxy in front checks it).
    std::vector<std::string> allowed_hosts;
    // A bearer token that may read /metrics (admins and API keys may too).
    std::string metrics_token;
    PasswordCostLevel password_cost = PasswordCostLevel::interactive;
    // Threads that hash and check passwords, so argon2id never holds up the I/O threads.
    unsigned password_threads = 2;
    // Threads (each with its own database connection) serving reads of the read model.
    unsigned read_threads = 2;
    // Sign-in under attack from many addresses: once one account has this many failures from
    // anywhere, every address waits sign_in_delay_seconds before each try at it. A correct
    // password from a new address is then late by that delay, never locked out.
    unsigned sign_in_account_ceiling = 10;
    unsigned sign_in_delay_seconds = 3;
    // Chats started per client address per minute (REST and WebSocket together; a burst of as
    // many at once). Integrations' API keys are not limited by address.
    unsigned chat_starts_per_address = 30;
    // Transcript emails requested per client address per hour, and per recipient per day.
    unsigned transcripts_per_address = 5;
    unsigned transcripts_per_recipient = 3;
    // Upload quotas, in files and MiB: per chat (everyone's uploads into it), per customer,
    // per client address of customers within a rolling window, and for the whole server.
    unsigned chat_upload_files = 100;
    unsigned chat_upload_mib = 200;
    unsigned customer_upload_files = 200;
    unsigned customer_upload_mib = 400;
    unsigned address_upload_files = 300;
    unsigned address_upload_mib = 1000;
    unsigned address_upload_hours = 24;
    unsigned total_upload_files = 1000000;
    unsigned total_upload_mib = 50 * 1024;
    // Uploads are refused while the data folder's disk has less than this free, so the event
    // log keeps room to write.
    unsigned min_free_disk_mib = 512;
};

struct ConfigError {
    std::string message;
};

struct HelpRequested {};

using EnvLookup = std::function<std::optional<std::string>(const std::string&)>;
// Reads a configuration file's text; nothing when it cannot be read.
using FileLookup = std::function<std::optional<std::string>(const std::filesystem::path&)>;

using ConfigResult = std::variant<ServerConfig, ConfigError, HelpRequested>;

ConfigResult parse_config(const std::vector<std::string>& args, const EnvLookup& env,
                          const FileLookup& read_file = {});

std::string usage_text();

}  // namespace parley::server
