// Small helpers shared by the REST integration tests: authenticated calls, commands through
// POST /api/commands, and starting chats as customers. All over real sockets via http_call.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <utility>

#include "support/test_server.h"

namespace parley::server::testing {

using Verb = boost::beast::http::verb;

inline std::map<std::string, std::string> bearer(const std::string& token) {
    return {{"Authorization", "Bearer " + token}};
}

// A response header by its exact name, or "" when absent.
inline std::string header(const HttpResult& result, const std::string& name) {
    const auto found = result.headers.find(name);
    return found == result.headers.end() ? std::string() : found->second;
}

// A JSON call as the holder of `token` (none when empty).
inline HttpResult api(unsigned short port, Verb method, const std::string& target,
                      const nlohmann::json& body = nullptr, const std::string& token = {},
                      std::map<std::string, std::string> headers = {}) {
    if (!token.empty()) {
        headers["Authorization"] = "Bearer " + token;
    }
    return http_call(port, method, target, body.is_null() ? std::string() : body.dump(), headers);
}

// Runs a command through POST /api/commands with a fresh command id; returns the answer.
inline HttpResult send_command(unsigned short port, const std::string& token,
                               nlohmann::json command) {
    static std::atomic<int> sequence{0};
    if (!command.contains("command_id")) {
        command["command_id"] = "rest-test-" + std::to_string(++sequence);
    }
    return api(port, Verb::post, "/api/commands", command, token);
}

// The bearer token of a demo account (its password is "<agent>-demo").
inline std::string demo_staff(unsigned short port, const std::string& agent) {
    return sign_in(port, agent, agent + "-demo");
}

struct StartedChat {
    std::string chat;
    std::string customer;
    std::string token;
};

inline StartedChat start_chat(unsigned short port, const std::string& name,
                              const std::string& question, const std::string& queue = "General") {
    const nlohmann::json answer = start_chat_as_customer(port, name, question, queue);
    return {answer.value("chat", ""), answer.value("customer", ""), answer.value("token", "")};
}

inline std::string chat_path(const std::string& chat, const std::string& rest = {}) {
    return "/api/chats/" + chat + rest;
}

// Sets the retention to a millisecond, as an admin: the next tick archives every closed chat.
inline void archive_closed_chats(unsigned short port) {
    const std::string admin = demo_staff(port, "admin");
    const HttpResult settings = api(port, Verb::get, "/api/settings", nullptr, admin);
    ASSERT_EQ(settings.status, 200) << settings.body;
    nlohmann::json changed = settings.json["settings"];
    changed["retention"] = 1;
    const HttpResult done =
        send_command(port, admin, {{"type", "update_settings"}, {"settings", changed}});
    ASSERT_EQ(done.status, 200) << done.body;
}

// Whether the authority's State holds the chat.
inline bool live_in_state(Server& server, const std::string& chat) {
    std::promise<bool> found;
    server.services().authority.read([&](const core::State& state, std::uint64_t) {
        found.set_value(state.find_chat(chat) != nullptr);
    });
    return found.get_future().get();
}

// Waits, as the State publishes it, for the ticks to archive the chat.
inline void wait_until_archived(Server& server, const std::string& chat) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (live_in_state(server, chat) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ASSERT_FALSE(live_in_state(server, chat)) << "the chat was not archived within 20 s";
}

// A fresh server per test; `tweak` adjusts its configuration before it opens.
class RestTest : public ::testing::Test {
protected:
    explicit RestTest(std::function<void(ServerConfig&)> tweak = {}) : server(std::move(tweak)) {}

    unsigned short port() const { return server.port(); }
    std::string staff(const std::string& agent) { return demo_staff(port(), agent); }

    TestServer server;
};

}  // namespace parley::server::testing
