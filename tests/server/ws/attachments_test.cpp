// A message's files over the WebSocket and POST /api/commands are the server's own uploads of
// that chat: a made-up or another chat's file is refused, and what the message carries (name,
// type, size) comes from the store, whatever the sender claimed.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
namespace http = boost::beast::http;

std::string upload(unsigned short port, const std::string& chat, const std::string& token,
                   const std::string& name) {
    const HttpResult uploaded =
        http_call(port, http::verb::post, "/api/chats/" + chat + "/attachments", "order 118",
                  {{"Authorization", "Bearer " + token},
                   {"Content-Type", "text/plain"},
                   {"X-File-Name", name}});
    EXPECT_EQ(uploaded.status, 201) << uploaded.body;
    return uploaded.json.value("id", "");
}

json file(const std::string& ref, const std::string& name, std::uint64_t size) {
    return {{"name", name},
            {"content_type", "application/x-msdownload"},
            {"size_bytes", size},
            {"ref", ref}};
}

TEST(MessageFiles, OnlyTheChatsOwnUploadsAsTheStoreRecordsThem) {
    TestServer server;
    const json ann = start_chat_as_customer(server.port(), "Ann", "Invoice?");
    const json bob = start_chat_as_customer(server.port(), "Bob", "Refund?");
    const std::string mine = upload(server.port(), ann["chat"], ann["token"], "receipt.txt");
    const std::string theirs = upload(server.port(), bob["chat"], bob["token"], "bank.txt");

    WsClient customer(server.port());
    customer.hello(ann["token"].get<std::string>());
    customer.expect("sync");
    const auto post = [&](const json& attachment) {
        return customer.command({{"type", "post_customer_message"},
                                 {"chat", ann["chat"]},
                                 {"text", "Here"},
                                 {"attachments", json::array({attachment})}});
    };
    const json made_up = post(file("/api/attachments/att_" + std::string(32, '0'), "x.exe", 1));
    EXPECT_EQ(made_up["type"], "rejected");
    EXPECT_EQ(made_up["code"], "unknown_attachment");
    EXPECT_EQ(post(file("/api/attachments/" + theirs, "bank.txt", 9))["code"],
              "unknown_attachment");
    EXPECT_EQ(post(file("https://evil.example/x.exe", "x.exe", 1))["code"], "unknown_attachment");

    const json claimed = post(file("/api/attachments/" + mine, "invoice.exe", 999999));
    ASSERT_EQ(claimed["type"], "ack") << claimed.dump();
    const HttpResult chat =
        http_call(server.port(), http::verb::get, "/api/chats/" + ann["chat"].get<std::string>(),
                  {}, {{"Authorization", "Bearer " + ann["token"].get<std::string>()}});
    const json& stored = chat.json["messages"].back()["attachments"][0];
    EXPECT_EQ(stored["name"], "receipt.txt");
    EXPECT_EQ(stored["size_bytes"], 9);
    EXPECT_EQ(stored["content_type"], "text/plain");

    const HttpResult over_rest = http_call(
        server.port(), http::verb::post, "/api/commands",
        json{{"type", "post_customer_message"},
             {"command_id", "files-over-rest"},
             {"chat", ann["chat"]},
             {"text", "Again"},
             {"attachments", json::array({file("/api/attachments/" + theirs, "bank.txt", 9)})}}
            .dump(),
        {{"Authorization", "Bearer " + ann["token"].get<std::string>()},
         {"Content-Type", "application/json"}});
    EXPECT_EQ(over_rest.status, 404) << over_rest.body;
    EXPECT_EQ(over_rest.json["code"], "unknown_attachment");
}

}  // namespace
}  // namespace parley::server::testing
