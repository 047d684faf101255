// A real parley-server for integration tests: its own temporary data folder, port 0, the demo
// organisation with cheap password hashing, and small blocking clients for HTTP and
// WebSocket over real sockets.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "server/server.h"

namespace parley::server::testing {

// A new, empty folder under the system's temporary folder, its name `prefix` and random digits.
std::filesystem::path fresh_temp_dir(const std::string& prefix);

// The configuration a TestServer opens with, its folders under `dir` (the web folder made):
// port 0, the demo organisation, cheap password hashing, and limits no test meets by chance.
ServerConfig test_config(const std::filesystem::path& dir);
// Server options that read the wall clock, as the real server does.
ServerOptions wall_clock_options();

class TestServer {
public:
    // `tweak` adjusts the configuration (limits, origins) before the server opens.
    explicit TestServer(std::function<void(ServerConfig&)> tweak = {});
    ~TestServer();
    TestServer(const TestServer&) = delete;
    TestServer& operator=(const TestServer&) = delete;

    unsigned short port() const;
    const std::filesystem::path& data_dir() const { return dir_; }
    Server& server() { return *server_; }
    // Stops in order and opens again on the same data folder (a new port), after `tweak`
    // changes the configuration when given.
    void restart(const std::function<void(ServerConfig&)>& tweak = {});

private:
    void open();

    std::filesystem::path dir_;
    ServerConfig config_;
    std::unique_ptr<Server> server_;
};

struct HttpResult {
    int status = 0;
    std::string body;
    nlohmann::json json;
    std::map<std::string, std::string> headers;
};

HttpResult http_call(unsigned short port, boost::beast::http::verb method,
                     const std::string& target, const std::string& body = {},
                     const std::map<std::string, std::string>& headers = {});
// The same from another loopback address ("127.0.0.2"): a second client address to the server.
HttpResult http_call_from(const std::string& source, unsigned short port,
                          boost::beast::http::verb method, const std::string& target,
                          const std::string& body = {},
                          const std::map<std::string, std::string>& headers = {});

// One keep-alive HTTP/1.1 connection: requests go one after the other on the same socket, as a
// browser or an integration sends them (http_call opens a connection for each).
class HttpConnection {
public:
    explicit HttpConnection(unsigned short port);
    HttpResult call(boost::beast::http::verb method, const std::string& target,
                    const std::string& body = {},
                    const std::map<std::string, std::string>& headers = {});

private:
    boost::asio::io_context io_;
    boost::beast::tcp_stream stream_;
    unsigned short port_;
    boost::beast::flat_buffer buffer_;
};

// Signs in a staff member and returns their bearer token (fails the test on error).
std::string sign_in(unsigned short port, const std::string& agent, const std::string& password);

// Starts a chat as a customer over REST: returns the response JSON (chat, token, customer).
nlohmann::json start_chat_as_customer(unsigned short port, const std::string& name,
                                      const std::string& question,
                                      const std::string& queue = "General");

struct CustomerChat {
    core::ChatId chat;
    std::string customer;
    std::string token;
};

// Starts a chat as a new customer straight through the authority (no REST) and issues the
// customer's token. `queue`: 1 General, 2 Billing, 3 Technical in the demo.
CustomerChat start_chat_directly(Server& server, const std::string& name,
                                 const std::string& question, core::QueueId queue = 1);

// The chat with this id in a sync message's snapshot, or null when the snapshot lacks it.
nlohmann::json chat_in_sync(const nlohmann::json& sync, const std::string& chat);

// Runs a command through the authority as `actor` and waits for the outcome.
Outcome run_command(Server& server, const core::Actor& actor, core::Command command);

class WsClient {
public:
    // Connects to /ws (optionally with headers such as Origin) without sending anything.
    explicit WsClient(unsigned short port, const std::map<std::string, std::string>& headers = {});
    // The same on an io_context shared by many clients (one thread reads them in turn), so
    // thousands of them do not each hold an epoll and an eventfd descriptor; `source` is the
    // loopback address it connects from (each gives another range of ports).
    WsClient(boost::asio::io_context& shared, unsigned short port,
             const std::string& source = "127.0.0.1");
    ~WsClient();

    // Sends a hello and returns the welcome (or error) message.
    nlohmann::json hello(const std::optional<std::string>& token,
                         std::optional<std::uint64_t> resume_from = std::nullopt);
    void send(const nlohmann::json& message);
    void send_text(const std::string& text);
    // The next message, or nothing after `timeout` (or when the server closed).
    std::optional<nlohmann::json> next(
        std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
    // Every message until the server has been quiet for `quiet`.
    std::vector<nlohmann::json> drain(std::chrono::milliseconds quiet);
    // Reads until a message of this type (others are kept in `seen`).
    nlohmann::json expect(const std::string& type,
                          std::chrono::milliseconds timeout = std::chrono::milliseconds(5000));
    // Sends a command and waits for its ack or rejected reply.
    nlohmann::json command(nlohmann::json command);
    // The close code the server sent, once closed (0 while open).
    int close_code() const { return close_code_; }
    std::string close_reason() const { return close_reason_; }
    bool closed() const { return closed_; }
    // Everything received so far, in order.
    std::vector<nlohmann::json> seen;

private:
    void connect(unsigned short port, const std::map<std::string, std::string>& headers,
                 const std::string& source);

    std::unique_ptr<boost::asio::io_context> own_io_;
    boost::asio::io_context& io_;
    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    int close_code_ = 0;
    std::string close_reason_;
    bool closed_ = false;
    int next_id_ = 0;
    boost::beast::flat_buffer buffer_;
    bool reading_ = false;
    std::optional<boost::beast::error_code> result_;
};

// The highest "seq" in messages that carry one.
std::uint64_t last_seq(const std::vector<nlohmann::json>& messages);

}  // namespace parley::server::testing
