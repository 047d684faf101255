// Durability: kill parley-server with SIGKILL in the middle of a burst of customer messages,
// start it again on the same data folder, and find every acknowledged message there, in order.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <random>
#include <sys/wait.h>
#include <unistd.h>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

// parley-server as a child process, its port read from the line it prints when listening.
class ServerProcess {
public:
    // With `demo_expected`, waits until the demo accounts are printed (they are usable then).
    ServerProcess(const std::filesystem::path& dir, bool demo_expected) {
        int out[2];
        if (pipe(out) != 0) {
            throw std::runtime_error("pipe failed");
        }
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], STDOUT_FILENO);
            close(out[0]);
            const std::string data = (dir / "data").string();
            const std::string web = dir.string();
            execl(PARLEY_SERVER_BINARY, PARLEY_SERVER_BINARY, "--listen", "127.0.0.1:0",
                  "--data-dir", data.c_str(), "--web-root", web.c_str(), "--demo",
                  "--ip-requests-per-second", "100000", "--commands-per-second", "100000",
                  static_cast<char*>(nullptr));
            _exit(127);
        }
        close(out[1]);
        output_ = fdopen(out[0], "r");
        char line[512];
        while (std::fgets(line, sizeof line, output_)) {
            const std::string text(line);
            if (const auto at = text.find("listening on http://127.0.0.1:");
                at != std::string::npos) {
                port_ = static_cast<unsigned short>(
                    std::stoi(text.substr(at + std::string("listening on http://127.0.0.1:").size())));
            }
            const bool demo_done = text.find("chen /") != std::string::npos;
            if (port_ != 0 && (!demo_expected || demo_done)) {
                break;
            }
        }
    }

    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (output_) {
            std::fclose(output_);
        }
    }

    void kill_hard() {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

    // SIGTERM, then the exit status.
    int terminate() {
        kill(pid_, SIGTERM);
        int status = 0;
        waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    unsigned short port() const { return port_; }

private:
    pid_t pid_ = -1;
    FILE* output_ = nullptr;
    unsigned short port_ = 0;
};

TEST(Durability, EveryAcknowledgedMessageSurvivesSigkill) {
    std::random_device random;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("parley-crash-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    std::vector<std::string> acknowledged;
    std::string chat;
    {
        ServerProcess first(dir, true);
        ASSERT_NE(first.port(), 0);
        const json started = start_chat_as_customer(first.port(), "Crash", "hello?");
        chat = started["chat"];
        WsClient customer(first.port());
        ASSERT_EQ(customer.hello(started["token"].get<std::string>())["type"], "welcome");
        customer.expect("sync");
        for (int i = 0; i < 3000; ++i) {
            customer.send({{"type", "post_customer_message"},
                           {"command_id", "burst-" + std::to_string(i)},
                           {"chat", chat},
                           {"text", "burst " + std::to_string(i)}});
        }
        while (acknowledged.size() < 300) {
            auto message = customer.next();
            ASSERT_TRUE(message) << "acks stopped after " << acknowledged.size();
            if (message->value("type", "") == "ack") {
                acknowledged.push_back((*message)["command_id"]);
            }
        }
        first.kill_hard();
        while (auto message = customer.next(std::chrono::milliseconds(500))) {
            if (message->value("type", "") == "ack") {
                acknowledged.push_back((*message)["command_id"]);
            }
        }
    }
    ServerProcess second(dir, false);
    ASSERT_NE(second.port(), 0);
    WsClient sofia(second.port());
    ASSERT_EQ(sofia.hello(sign_in(second.port(), "sofia", "sofia-demo"))["type"], "welcome");
    const json sync = sofia.expect("sync");
    const json messages = chat_in_sync(sync, chat)["messages"];
    std::vector<std::string> texts;
    for (const json& message : messages) {
        texts.push_back(message["text"]);
    }
    std::size_t found = 0;
    for (const std::string& id : acknowledged) {
        const std::string text = "burst " + id.substr(std::string("burst-").size());
        EXPECT_NE(std::find(texts.begin(), texts.end(), text), texts.end())
            << "acknowledged but lost: " << text;
        found += 1;
    }
    EXPECT_GE(found, 300u);
    for (std::size_t i = 1; i < texts.size(); ++i) {
        if (texts[i].starts_with("burst ") && texts[i - 1].starts_with("burst ")) {
            EXPECT_LT(std::stoi(texts[i - 1].substr(6)), std::stoi(texts[i].substr(6)))
                << "messages are never reordered";
        }
    }
    std::filesystem::remove_all(dir);
}

TEST(Durability, SigtermFinishesWhatIsInFlightClosesSocketsWithAReasonAndExitsZero) {
    std::random_device random;
    const auto dir = std::filesystem::temp_directory_path() /
                     ("parley-term-" + std::to_string(random()));
    std::filesystem::create_directories(dir);
    std::string chat;
    {
        ServerProcess server(dir, true);
        ASSERT_NE(server.port(), 0);
        const json started = start_chat_as_customer(server.port(), "Term", "before the stop");
        chat = started["chat"];
        WsClient customer(server.port());
        customer.hello(started["token"].get<std::string>());
        customer.expect("sync");
        for (int i = 0; i < 50; ++i) {
            customer.send({{"type", "post_customer_message"},
                           {"command_id", "term-" + std::to_string(i)},
                           {"chat", chat},
                           {"text", "term " + std::to_string(i)}});
        }
        // Stop while most of the burst is still in flight, once the server is surely reading it.
        int acks = customer.expect("ack").value("type", "") == "ack" ? 1 : 0;
        EXPECT_EQ(server.terminate(), 0);
        while (auto message = customer.next(std::chrono::milliseconds(2000))) {
            acks += message->value("type", "") == "ack" ? 1 : 0;
        }
        EXPECT_TRUE(customer.closed());
        EXPECT_EQ(customer.close_code(), 1001);
        EXPECT_EQ(customer.close_reason(), "server shutting down");
        EXPECT_GT(acks, 0);
    }
    ServerProcess again(dir, false);
    WsClient sofia(again.port());
    sofia.hello(sign_in(again.port(), "sofia", "sofia-demo"));
    const json sync = sofia.expect("sync");
    EXPECT_FALSE(chat_in_sync(sync, chat)["messages"].empty());
    std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace parley::server::testing
