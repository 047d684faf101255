// Item 8: request bodies were read before the credential was checked, so 30 strangers sending
// 9 MiB uploads slowly held 270 MiB. Now the headers are judged first: a route that needs a
// credential refuses one without it before a byte of the body arrives, and the connection
// closes instead of waiting for the rest.
#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "edge_support.h"
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

std::string upload_headers(unsigned short port, const std::string& chat,
                           const std::string& extra = {}) {
    return "POST /api/chats/" + chat +
           "/attachments HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
           "\r\nContent-Type: image/png\r\nX-File-Name: big.png\r\nContent-Length: 9437184\r\n" +
           extra + "\r\n";
}

TEST(StalledBodies, Item8_AnonymousUploadsAreRefusedBeforeTheirBodiesAreSent) {
    TestServer server;
    const StartedChat chat = start_chat(server.port(), "Ann Lee", "A big file");
    boost::asio::io_context io;
    std::vector<std::unique_ptr<RawClient>> strangers;
    for (int i = 0; i < 30; ++i) {
        strangers.push_back(std::make_unique<RawClient>(io, server.port()));
        // The headers and the first bytes of the file, then nothing more.
        ASSERT_TRUE(
            strangers.back()->send(upload_headers(server.port(), chat.chat) + "\x89PNG\r\n\x1a\n"));
        strangers.back()->read_response();
    }
    ASSERT_TRUE(run_until_all_answered(io, strangers))
        << "the server waited for the bodies instead of answering the headers";
    for (const auto& stranger : strangers) {
        ASSERT_TRUE(stranger->response().has_value());
        const RawResponse& answer = *stranger->response();
        EXPECT_EQ(answer.result_int(), 401u);
        EXPECT_NE(answer.body().find("not_signed_in"), std::string::npos) << answer.body();
        EXPECT_FALSE(answer.keep_alive()) << "the unread body ends the connection";
    }
}

TEST(StalledBodies, Item8_AWrongTokenIsRefusedBeforeTheBodyToo) {
    TestServer server;
    const StartedChat chat = start_chat(server.port(), "Ann Lee", "A big file");
    boost::asio::io_context io;
    RawClient stranger(io, server.port());
    ASSERT_TRUE(stranger.send(
        upload_headers(server.port(), chat.chat, "Authorization: Bearer not-a-token\r\n")));
    stranger.read_response();
    ASSERT_TRUE(run_until(io, [&] { return stranger.answered(); }));
    ASSERT_TRUE(stranger.response().has_value());
    EXPECT_EQ(stranger.response()->result_int(), 401u);
}

TEST(StalledBodies, Item8_TheChatsOwnCustomerStillUploads) {
    TestServer server;
    const StartedChat chat = start_chat(server.port(), "Ann Lee", "A small file");
    const HttpResult stored =
        http_call(server.port(), Verb::post, "/api/chats/" + chat.chat + "/attachments",
                  std::string("\x89PNG\r\n\x1a\n0000", 12),
                  {{"Authorization", "Bearer " + chat.token},
                   {"Content-Type", "image/png"},
                   {"X-File-Name", "small.png"}});
    EXPECT_EQ(stored.status, 201) << stored.body;
}

}  // namespace
}  // namespace parley::server::testing
