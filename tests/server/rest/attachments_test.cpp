// Uploads and downloads against a real server: the round trip and its safety headers, file
// names, types and sizes refused, strangers answered as if the file did not exist, and
// messages that may carry only their own chat's files.
#include "rest/rest_test_support.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(64, '\x01');

class RestAttachments : public RestTest {
protected:
    HttpResult upload(const std::string& chat, const std::string& token, const std::string& bytes,
                      const std::string& type, const std::string& name) {
        return http_call(
            port(), Verb::post, chat_path(chat, "/attachments"), bytes,
            {{"Authorization", "Bearer " + token}, {"Content-Type", type}, {"X-File-Name", name}});
    }
    HttpResult download(const std::string& id, const std::string& token) {
        return api(port(), Verb::get, "/api/attachments/" + id, nullptr, token);
    }
};

TEST_F(RestAttachments, UploadAndDownloadRoundTrip) {
    const StartedChat ann = start_chat(port(), "Ann", "See the screenshot", "Billing");
    const HttpResult uploaded = upload(ann.chat, ann.token, kPng, "image/png", "screen.png");
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const std::string id = uploaded.json["id"];
    EXPECT_TRUE(id.starts_with("att_"));
    EXPECT_EQ(uploaded.json["name"], "screen.png");
    EXPECT_EQ(uploaded.json["size"], kPng.size());
    EXPECT_EQ(uploaded.json["content_type"], "image/png");

    const HttpResult fetched = download(id, ann.token);
    ASSERT_EQ(fetched.status, 200) << fetched.body;
    EXPECT_EQ(fetched.body, kPng);
    EXPECT_EQ(header(fetched, "Content-Type"), "image/png");
    EXPECT_TRUE(
        header(fetched, "Content-Disposition").starts_with("attachment; filename=\"screen.png\""));
    EXPECT_EQ(header(fetched, "X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(header(fetched, "Cache-Control"), "private, no-store");

    const HttpResult posted = api(port(), Verb::post, chat_path(ann.chat, "/messages"),
                                  {{"text", ""}, {"attachments", json::array({id})}}, ann.token);
    ASSERT_EQ(posted.status, 201) << posted.body;
    const HttpResult chat = api(port(), Verb::get, chat_path(ann.chat), nullptr, ann.token);
    const json& file = chat.json["messages"][1]["attachments"][0];
    EXPECT_EQ(file["name"], "screen.png");
    EXPECT_EQ(file["ref"], "/api/attachments/" + id);

    // Maria is in Billing, so she sees the queued chat and its files.
    const std::string maria = sign_in(port(), "maria", "maria-demo");
    EXPECT_EQ(download(id, maria).status, 200);
}

TEST_F(RestAttachments, NamesAreSanitised) {
    const StartedChat ann = start_chat(port(), "Ann", "Files");
    const HttpResult path =
        upload(ann.chat, ann.token, "hello", "text/plain", "..%2F..%2Fetc%2Fpasswd%0A.txt");
    ASSERT_EQ(path.status, 201) << path.body;
    EXPECT_EQ(path.json["name"], "passwd.txt");

    const HttpResult unicode = upload(ann.chat, ann.token, "hello", "text/plain; charset=utf-8",
                                      "r%C3%A9sum%C3%A9%E2%80%AEtxt.exe");
    ASSERT_EQ(unicode.status, 201) << unicode.body;
    EXPECT_EQ(unicode.json["name"], "r\xC3\xA9sum\xC3\xA9txt.exe");
    const HttpResult fetched = download(unicode.json["id"], ann.token);
    EXPECT_EQ(header(fetched, "Content-Disposition"),
              "attachment; filename=\"r_sum_txt.exe\"; filename*=UTF-8''r%C3%A9sum%C3%A9txt.exe");

    const HttpResult nameless = upload(ann.chat, ann.token, "hello", "text/plain", "");
    EXPECT_EQ(nameless.json["name"], "file");
}

TEST_F(RestAttachments, TypesThatAreNotAllowedAre415) {
    const StartedChat ann = start_chat(port(), "Ann", "Files");
    const HttpResult html =
        upload(ann.chat, ann.token, "<script>alert(1)</script>", "text/html", "x.html");
    EXPECT_EQ(html.status, 415);
    EXPECT_EQ(html.json["code"], "type_not_allowed");
    const HttpResult disguised =
        upload(ann.chat, ann.token, "<script>alert(1)</script>", "image/png", "x.png");
    EXPECT_EQ(disguised.status, 415);
    EXPECT_EQ(disguised.json["code"], "content_mismatch");
    // GIF is safe to serve, but the organisation's settings do not allow it by default.
    const HttpResult gif = upload(ann.chat, ann.token, "GIF89a....", "image/gif", "x.gif");
    EXPECT_EQ(gif.status, 415);
    EXPECT_EQ(upload(ann.chat, ann.token, "", "text/plain", "empty.txt").status, 400);
}

TEST_F(RestAttachments, StrangersGet404) {
    const StartedChat ann = start_chat(port(), "Ann", "Billing files", "Billing");
    const StartedChat bob = start_chat(port(), "Bob", "Other chat", "Billing");
    const HttpResult uploaded = upload(ann.chat, ann.token, kPng, "image/png", "a.png");
    ASSERT_EQ(uploaded.status, 201);
    const std::string id = uploaded.json["id"];

    EXPECT_EQ(download(id, bob.token).status, 404);
    const std::string ivan = sign_in(port(), "ivan", "ivan-demo");
    const HttpResult by_ivan = download(id, ivan);
    EXPECT_EQ(by_ivan.status, 404);
    EXPECT_EQ(by_ivan.json["code"], "unknown_attachment");
    EXPECT_EQ(download("att_00000000000000000000000000000000", ann.token).status, 404);
    EXPECT_EQ(download("..%2F..%2Fparley.db", ann.token).status, 404);
    EXPECT_EQ(api(port(), Verb::get, "/api/attachments/" + id).status, 401);

    EXPECT_EQ(upload(ann.chat, bob.token, kPng, "image/png", "b.png").status, 404);
    EXPECT_EQ(upload(ann.chat, ivan, kPng, "image/png", "b.png").status, 404);

    // Bob cannot post Ann's file into his own chat either.
    const HttpResult borrowed = api(port(), Verb::post, chat_path(bob.chat, "/messages"),
                                    {{"attachments", json::array({id})}}, bob.token);
    EXPECT_EQ(borrowed.status, 404);
    EXPECT_EQ(borrowed.json["code"], "unknown_attachment");
}

TEST_F(RestAttachments, FilesBeyondTheJsonLimitAreTaken) {
    const StartedChat ann = start_chat(port(), "Ann", "A big scan");
    const std::string scan = std::string("%PDF-") + std::string(3 << 20, 'x');
    const HttpResult uploaded = upload(ann.chat, ann.token, scan, "application/pdf", "scan.pdf");
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    EXPECT_EQ(download(uploaded.json["id"], ann.token).body, scan);
}

TEST(RestAttachmentLimits, FilesOverTheUploadLimitAre413) {
    TestServer server([](ServerConfig& config) { config.max_upload_bytes = 1024; });
    const StartedChat ann = start_chat(server.port(), "Ann", "Big file");
    const std::string big = std::string("%PDF-") + std::string(2000, 'x');
    const HttpResult refused =
        http_call(server.port(), Verb::post, chat_path(ann.chat, "/attachments"), big,
                  {{"Authorization", "Bearer " + ann.token},
                   {"Content-Type", "application/pdf"},
                   {"X-File-Name", "big.pdf"}});
    EXPECT_EQ(refused.status, 413);
    const std::string small = std::string("%PDF-") + std::string(500, 'x');
    const HttpResult taken =
        http_call(server.port(), Verb::post, chat_path(ann.chat, "/attachments"), small,
                  {{"Authorization", "Bearer " + ann.token},
                   {"Content-Type", "application/pdf"},
                   {"X-File-Name", "small.pdf"}});
    EXPECT_EQ(taken.status, 201) << taken.body;
}

}  // namespace
}  // namespace parley::server::testing
