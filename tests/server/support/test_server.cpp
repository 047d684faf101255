#include "test_server.h"

#include <gtest/gtest.h>
#include <netinet/in.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <future>
#include <random>

namespace parley::server::testing {
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

std::filesystem::path fresh_temp_dir(const std::string& prefix) {
    std::random_device random;
    const auto dir = std::filesystem::temp_directory_path() /
                     (prefix + std::to_string(random()) + std::to_string(random()));
    std::filesystem::create_directories(dir);
    return dir;
}

ServerConfig test_config(const std::filesystem::path& dir) {
    ServerConfig config;
    config.port = 0;
    config.threads = 2;
    config.data_dir = dir / "data";
    config.web_root = dir / "web";
    config.demo = true;
    config.tick_ms = 100;
    config.ip_requests_per_second = 100000;
    config.commands_per_second = 100000;
    config.password_cost = PasswordCostLevel::test;
    config.chat_starts_per_address = 100000;
    config.transcripts_per_address = 100000;
    config.transcripts_per_recipient = 100000;
    std::filesystem::create_directories(config.web_root);
    return config;
}

ServerOptions wall_clock_options() {
    return ServerOptions{[] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    }};
}

TestServer::TestServer(std::function<void(ServerConfig&)> tweak)
    : dir_(fresh_temp_dir("parley-test-")), config_(test_config(dir_)) {
    if (tweak) {
        tweak(config_);
    }
    open();
}

TestServer::~TestServer() {
    server_.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

void TestServer::open() {
    auto opened = Server::open(config_, wall_clock_options());
    if (auto* error = std::get_if<std::string>(&opened)) {
        throw std::runtime_error("test server did not open: " + *error);
    }
    server_ = std::get<std::unique_ptr<Server>>(std::move(opened));
    server_->start();
}

unsigned short TestServer::port() const {
    return server_->endpoint().port();
}

void TestServer::restart(const std::function<void(ServerConfig&)>& tweak) {
    server_->stop();
    server_.reset();
    if (tweak) {
        tweak(config_);
    }
    open();
}

HttpResult http_call(unsigned short port, http::verb method, const std::string& target,
                     const std::string& body, const std::map<std::string, std::string>& headers) {
    return http_call_from("127.0.0.1", port, method, target, body, headers);
}

namespace {

// One request and its response on a connected stream.
HttpResult exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer, unsigned short port,
                    http::verb method, const std::string& target, const std::string& body,
                    const std::map<std::string, std::string>& headers) {
    http::request<http::string_body> request{method, target, 11};
    request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
    for (const auto& [name, value] : headers) {
        request.set(name, value);
    }
    if (!body.empty()) {
        if (request.find(http::field::content_type) == request.end()) {
            request.set(http::field::content_type, "application/json");
        }
        request.body() = body;
    }
    request.prepare_payload();
    http::write(stream, request);
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    http::read(stream, buffer, parser);
    const auto& response = parser.get();
    HttpResult result;
    result.status = static_cast<int>(response.result_int());
    result.body = response.body();
    for (const auto& field : response) {
        result.headers[std::string(field.name_string())] = std::string(field.value());
    }
    result.json = nlohmann::json::parse(result.body, nullptr, false);
    return result;
}

}  // namespace

HttpResult http_call_from(const std::string& source, unsigned short port, http::verb method,
                          const std::string& target, const std::string& body,
                          const std::map<std::string, std::string>& headers) {
    boost::asio::io_context io;
    beast::tcp_stream stream(io);
    stream.socket().open(tcp::v4());
    stream.socket().bind(tcp::endpoint(boost::asio::ip::make_address(source), 0));
    stream.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    beast::flat_buffer buffer;
    HttpResult result = exchange(stream, buffer, port, method, target, body, headers);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return result;
}

HttpConnection::HttpConnection(unsigned short port) : stream_(io_), port_(port) {
    stream_.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    stream_.socket().set_option(tcp::no_delay(true));
}

HttpResult HttpConnection::call(http::verb method, const std::string& target,
                                const std::string& body,
                                const std::map<std::string, std::string>& headers) {
    return exchange(stream_, buffer_, port_, method, target, body, headers);
}

std::string sign_in(unsigned short port, const std::string& agent, const std::string& password) {
    const nlohmann::json body = {{"agent", agent}, {"password", password}, {"bearer", true}};
    const HttpResult result = http_call(port, http::verb::post, "/api/session", body.dump());
    EXPECT_EQ(result.status, 200) << result.body;
    return result.json.value("token", "");
}

nlohmann::json chat_in_sync(const nlohmann::json& sync, const std::string& chat) {
    for (const nlohmann::json& found : sync.at("snapshot").at("chats")) {
        if (found.at("id") == chat) {
            return found;
        }
    }
    return nullptr;
}

nlohmann::json start_chat_as_customer(unsigned short port, const std::string& name,
                                      const std::string& question, const std::string& queue) {
    std::string mailbox = name;
    std::replace(mailbox.begin(), mailbox.end(), ' ', '.');
    const nlohmann::json body = {{"name", name},
                                 {"email", mailbox + "@example.com"},
                                 {"queue", queue},
                                 {"question", question}};
    const HttpResult result = http_call(port, http::verb::post, "/api/chats", body.dump());
    EXPECT_EQ(result.status, 201) << result.body;
    return result.json;
}

Outcome run_command(Server& server, const core::Actor& actor, core::Command command) {
    static std::atomic<int> sequence{0};
    std::promise<Outcome> done;
    auto outcome = done.get_future();
    server.services().authority.submit("direct-" + std::to_string(++sequence), actor,
                                       std::move(command),
                                       [&done](const Outcome& result) { done.set_value(result); });
    return outcome.get();
}

CustomerChat start_chat_directly(Server& server, const std::string& name,
                                 const std::string& question, core::QueueId queue) {
    static std::atomic<int> sequence{0};
    CustomerChat started;
    started.customer = "cus_test" + std::to_string(++sequence) + "_" + name;
    core::StartChat command;
    command.customer = core::Customer{started.customer, name, name + "@example.com", ""};
    command.queue = queue;
    command.text = question;
    const Outcome outcome =
        run_command(server, core::Actor::customer(started.customer), std::move(command));
    EXPECT_TRUE(std::holds_alternative<protocol::Ack>(outcome));
    std::promise<core::ChatId> found;
    server.services().authority.read([&](const core::State& state, std::uint64_t) {
        const auto chats = state.index.customer_chats.find(started.customer);
        found.set_value(chats == state.index.customer_chats.end() ? 0 : chats->second.back());
    });
    started.chat = found.get_future().get();
    auto issued = server.services().accounts.issue_customer_token(started.customer, started.chat);
    started.token = std::get<IssuedToken>(issued).token;
    return started;
}

WsClient::WsClient(unsigned short port, const std::map<std::string, std::string>& headers)
    : own_io_(std::make_unique<boost::asio::io_context>()), io_(*own_io_), ws_(io_) {
    connect(port, headers, "127.0.0.1");
}

WsClient::WsClient(boost::asio::io_context& shared, unsigned short port, const std::string& source)
    : io_(shared), ws_(io_) {
    connect(port, {}, source);
}

void WsClient::connect(unsigned short port, const std::map<std::string, std::string>& headers,
                       const std::string& source) {
    tcp::socket& socket = beast::get_lowest_layer(ws_).socket();
    socket.open(tcp::v4());
    // The port is chosen at connect, per destination, as without a bind (Linux).
    socket.set_option(
        boost::asio::detail::socket_option::boolean<IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT>(true));
    socket.bind(tcp::endpoint(boost::asio::ip::make_address(source), 0));
    beast::get_lowest_layer(ws_).connect(
        tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    ws_.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
        for (const auto& [name, value] : headers) {
            request.set(name, value);
        }
    }));
    ws_.read_message_max(256 << 20);
    ws_.handshake("127.0.0.1:" + std::to_string(port), "/ws");
}

WsClient::~WsClient() {
    beast::error_code ignored;
    if (!closed_) {
        beast::get_lowest_layer(ws_).socket().shutdown(tcp::socket::shutdown_both, ignored);
    }
    // On a shared io_context a read still waiting would complete into this object once gone.
    if (!own_io_ && reading_) {
        beast::get_lowest_layer(ws_).socket().close(ignored);
        io_.restart();
        while (reading_) {
            io_.run_one();
        }
    }
}

nlohmann::json WsClient::hello(const std::optional<std::string>& token,
                               std::optional<std::uint64_t> resume_from) {
    nlohmann::json hello = {{"type", "hello"}, {"protocol_version", 1}, {"client", "test"}};
    if (token) {
        hello["token"] = *token;
    }
    if (resume_from) {
        hello["resume_from"] = *resume_from;
    }
    send(hello);
    auto reply = next();
    return reply ? *reply : nlohmann::json();
}

void WsClient::send(const nlohmann::json& message) {
    send_text(message.dump());
}

void WsClient::send_text(const std::string& text) {
    ws_.text(true);
    beast::error_code error;
    ws_.write(boost::asio::buffer(text), error);
}

std::optional<nlohmann::json> WsClient::next(std::chrono::milliseconds timeout) {
    if (closed_) {
        return std::nullopt;
    }
    // A read another client's wait completed on a shared io_context is kept, not restarted.
    if (!reading_ && !result_) {
        reading_ = true;
        ws_.async_read(buffer_, [this](beast::error_code error, std::size_t) {
            reading_ = false;
            result_ = error;
        });
    }
    io_.restart();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!result_ && std::chrono::steady_clock::now() < deadline) {
        io_.run_one_for(deadline - std::chrono::steady_clock::now());
        io_.restart();
    }
    if (!result_) {
        return std::nullopt;
    }
    const beast::error_code error = *result_;
    result_.reset();
    if (error) {
        closed_ = true;
        close_code_ = ws_.reason().code;
        close_reason_ = std::string(ws_.reason().reason.c_str());
        return std::nullopt;
    }
    const std::string text = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    nlohmann::json message = nlohmann::json::parse(text, nullptr, false);
    seen.push_back(message);
    return message;
}

std::vector<nlohmann::json> WsClient::drain(std::chrono::milliseconds quiet) {
    std::vector<nlohmann::json> messages;
    while (auto message = next(quiet)) {
        messages.push_back(*message);
    }
    return messages;
}

nlohmann::json WsClient::expect(const std::string& type, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        auto message = next(left);
        if (!message) {
            break;
        }
        if (message->value("type", "") == type) {
            return *message;
        }
    }
    ADD_FAILURE() << "no '" << type << "' message arrived";
    return nlohmann::json();
}

nlohmann::json WsClient::command(nlohmann::json command) {
    if (!command.contains("command_id")) {
        command["command_id"] = "t" + std::to_string(++next_id_) + "-" +
                                std::to_string(reinterpret_cast<std::uintptr_t>(this));
    }
    const std::string id = command["command_id"];
    send(command);
    for (;;) {
        auto message = next();
        if (!message) {
            ADD_FAILURE() << "no reply to " << command.dump();
            return nlohmann::json();
        }
        const std::string type = message->value("type", "");
        if ((type == "ack" || type == "rejected") && message->value("command_id", "") == id) {
            return *message;
        }
    }
}

std::uint64_t last_seq(const std::vector<nlohmann::json>& messages) {
    std::uint64_t seq = 0;
    for (const auto& message : messages) {
        if (message.is_object() && message.contains("seq") && message["type"] != "ack") {
            seq = std::max(seq, message["seq"].get<std::uint64_t>());
        }
    }
    return seq;
}

}  // namespace parley::server::testing
