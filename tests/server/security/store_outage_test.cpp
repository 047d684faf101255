// Item 11: a full or read-only disk must not take the server down. A customer keeps writing
// into a data folder on a small filesystem until a commit fails; then commands answer 503
// store_unavailable (REST) or `rejected store_unavailable` (WebSocket), reads and syncs go on,
// no acknowledged message is lost, and once space returns writing resumes by itself, with the
// message whose commit failed saved exactly once.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "rest/rest_test_support.h"
#include "small_disk.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

// Long enough that every message needs a page of its own in the log.
const std::string kPadding(3000, '.');

std::string text_of(int i) {
    return "message " + std::to_string(i) + " " + kPadding;
}

json customer_message(const std::string& chat, const std::string& id, const std::string& text) {
    return {{"type", "post_customer_message"}, {"command_id", id}, {"chat", chat}, {"text", text}};
}

bool is_reply_to(const json& message, const std::string& id) {
    const std::string type = message.value("type", "");
    return (type == "ack" || type == "rejected") && message.value("command_id", "") == id;
}

// How the writing went: the texts acknowledged, and the one whose commit failed.
struct Writing {
    std::vector<std::string> acknowledged;
    std::string unsaved_id;
    std::string unsaved_text;
};

// Posts messages one by one until the authority reports the store down.
Writing write_until_the_store_fails(Server& server, WsClient& customer, const std::string& chat) {
    Writing writing;
    const Authority& authority = server.services().authority;
    for (int i = 0; i < 400 && writing.unsaved_id.empty(); ++i) {
        const std::string id = "disk-" + std::to_string(i);
        customer.send(customer_message(chat, id, text_of(i)));
        for (;;) {
            const auto message = customer.next(20ms);
            if (message && is_reply_to(*message, id)) {
                EXPECT_EQ((*message)["type"], "ack") << message->dump();
                writing.acknowledged.push_back(text_of(i));
                break;
            }
            if (!message && !authority.store_available()) {
                writing.unsaved_id = id;
                writing.unsaved_text = text_of(i);
                break;
            }
        }
    }
    return writing;
}

// The chat's message texts in a fresh supervisor sync (a read that must work in an outage).
std::vector<std::string> texts_in_sync(unsigned short port, const std::string& token,
                                       const std::string& chat) {
    WsClient sofia(port);
    EXPECT_EQ(sofia.hello(token)["type"], "welcome");
    const json sync = sofia.expect("sync");
    std::vector<std::string> texts;
    for (const json& message : chat_in_sync(sync, chat).value("messages", json::array())) {
        texts.push_back(message.value("text", ""));
    }
    return texts;
}

void expect_each_once(const std::vector<std::string>& texts,
                      const std::vector<std::string>& expected) {
    for (const std::string& text : expected) {
        EXPECT_EQ(std::count(texts.begin(), texts.end(), text), 1)
            << "acknowledged message not kept exactly once: " << text.substr(0, 12);
    }
}

// While the store is down: commands are refused with store_unavailable, reads go on.
void expect_outage_answers(unsigned short port, WsClient& customer, const std::string& chat,
                           const std::string& maria, const std::string& sofia,
                           const std::vector<std::string>& acknowledged) {
    const json refused = customer.command(customer_message(chat, "during-outage", "lost?"));
    EXPECT_EQ(refused["type"], "rejected") << refused.dump();
    EXPECT_EQ(refused["code"], "store_unavailable") << refused.dump();

    const HttpResult rest = send_command(port, maria, {{"type", "accept_chat"}, {"chat", chat}});
    EXPECT_EQ(rest.status, 503) << rest.body;
    EXPECT_EQ(rest.json.value("code", ""), "store_unavailable") << rest.body;
    EXPECT_FALSE(rest.json.value("message", "").empty()) << rest.body;

    EXPECT_EQ(api(port, Verb::get, chat_path(chat), nullptr, sofia).status, 200);
    expect_each_once(texts_in_sync(port, sofia, chat), acknowledged);
}

TEST(Item11_StoreOutage, AFullDiskAnswers503KeepsReadsAndResumesWhenSpaceReturns) {
    if (!running_as_root()) {
        GTEST_SKIP() << "needs root to mount a small tmpfs as the data folder";
    }
    SmallDisk disk(SmallDisk::Kind::tmpfs, "8m");
    ASSERT_TRUE(disk.mounted()) << disk.problem();
    TestServer server([&](ServerConfig& config) { config.data_dir = disk.dir() / "data"; });
    const unsigned short port = server.port();
    const std::string maria = demo_staff(port, "maria");
    const std::string sofia = demo_staff(port, "sofia");
    const CustomerChat chat = start_chat_directly(server.server(), "Dana Full", "hello?");
    WsClient customer(port);
    ASSERT_EQ(customer.hello(chat.token)["type"], "welcome");
    customer.expect("sync");

    disk.fill();
    Writing writing = write_until_the_store_fails(server.server(), customer, chat.chat);
    ASSERT_FALSE(writing.unsaved_id.empty()) << "the full disk never failed a commit";
    expect_outage_answers(port, customer, chat.chat, maria, sofia, writing.acknowledged);

    disk.free_space();
    // The failed message's reply comes once its retried commit is on disk.
    json reply;
    while (auto message = customer.next(10s)) {
        if (is_reply_to(*message, writing.unsaved_id)) {
            reply = *message;
            break;
        }
    }
    ASSERT_EQ(reply.value("type", ""), "ack") << "the unsaved message was not saved on retry";
    writing.acknowledged.push_back(writing.unsaved_text);
    EXPECT_TRUE(server.server().services().authority.store_available());
    const json after = customer.command(customer_message(chat.chat, "after", "back again"));
    EXPECT_EQ(after["type"], "ack") << after.dump();
    writing.acknowledged.push_back("back again");
    EXPECT_EQ(send_command(port, maria, {{"type", "accept_chat"}, {"chat", chat.chat}}).status,
              200);

    expect_each_once(texts_in_sync(port, sofia, chat.chat), writing.acknowledged);
    server.restart();
    expect_each_once(texts_in_sync(server.port(), demo_staff(server.port(), "sofia"), chat.chat),
                     writing.acknowledged);
}

TEST(Item11_StoreOutage, AReadOnlyDataFolderAnswers503KeepsReadsAndLosesNothing) {
    if (!running_as_root()) {
        GTEST_SKIP() << "needs root to loop-mount an ext4 image as the data folder";
    }
    SmallDisk disk(SmallDisk::Kind::ext4_image, "32M");
    if (!disk.mounted()) {
        GTEST_SKIP() << disk.problem();
    }
    const auto data = disk.dir() / "data";
    std::vector<std::string> acknowledged;
    std::string chat;
    {
        TestServer server([&](ServerConfig& config) { config.data_dir = data; });
        const unsigned short port = server.port();
        const std::string maria = demo_staff(port, "maria");
        const std::string sofia = demo_staff(port, "sofia");
        const CustomerChat started = start_chat_directly(server.server(), "Rhea Only", "hi");
        chat = started.chat;
        WsClient customer(port);
        ASSERT_EQ(customer.hello(started.token)["type"], "welcome");
        customer.expect("sync");
        for (int i = 0; i < 3; ++i) {
            ASSERT_EQ(customer.command(customer_message(chat, "ro-" + std::to_string(i),
                                                        "before " + std::to_string(i)))["type"],
                      "ack");
            acknowledged.push_back("before " + std::to_string(i));
        }

        ASSERT_TRUE(disk.make_read_only()) << "could not switch the ext4 image to read-only";
        const Writing writing = write_until_the_store_fails(server.server(), customer, chat);
        ASSERT_FALSE(writing.unsaved_id.empty()) << "the read-only disk never failed a commit";
        acknowledged.insert(acknowledged.end(), writing.acknowledged.begin(),
                            writing.acknowledged.end());
        expect_outage_answers(port, customer, chat, maria, sofia, acknowledged);
        EXPECT_FALSE(server.server().failed()) << "the server gave up instead of serving reads";
    }
    ASSERT_TRUE(disk.remount_repaired()) << disk.problem();
    TestServer again([&](ServerConfig& config) { config.data_dir = data; });
    expect_each_once(texts_in_sync(again.port(), demo_staff(again.port(), "sofia"), chat),
                     acknowledged);
}

}  // namespace
}  // namespace parley::server::testing
