// Issue 16, uploads, downloads and exports, each as an attacker would try it over real sockets,
// then the defence: item 2 (one anonymous customer filling the disk: quotas per chat, customer,
// address and server that survive a restart and hold under concurrent uploads, the free-disk
// watermark, uploads to a closed chat), item 8 (downloads that are never read hold no file in
// memory) and the CSV export's formula guard.
#include <unistd.h>

#include <algorithm>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "rest/rest_test_support.h"
#include "server/access/uploads.h"

namespace parley::server::testing {
namespace {

using nlohmann::json;
using tcp = boost::asio::ip::tcp;

constexpr std::uint64_t kMiB = 1024 * 1024;

HttpResult upload(unsigned short port, const std::string& chat, const std::string& token,
                  const std::string& bytes, const std::string& type = "text/plain") {
    return http_call(
        port, Verb::post, chat_path(chat, "/attachments"), bytes,
        {{"Authorization", "Bearer " + token}, {"Content-Type", type}, {"X-File-Name", "file"}});
}

HttpResult post_message(unsigned short port, const StartedChat& chat, const std::string& text) {
    return api(port, Verb::post, chat_path(chat.chat, "/messages"), {{"text", text}}, chat.token);
}

void expect_quota_refusal(const HttpResult& answer, const std::string& says) {
    EXPECT_EQ(answer.status, 507) << answer.body;
    EXPECT_EQ(answer.json["code"], "upload_quota_exceeded") << answer.body;
    EXPECT_NE(answer.json.value("message", "").find(says), std::string::npos) << answer.body;
}

// Maria (General) goes online and takes the chat, so she may post files into it.
std::string maria_takes(unsigned short port, const StartedChat& chat) {
    const std::string maria = demo_staff(port, "maria");
    const auto ok = [&](json command) {
        const HttpResult answer = send_command(port, maria, std::move(command));
        ASSERT_EQ(answer.status, 200) << answer.body;
    };
    ok({{"type", "set_presence"}, {"agent", "maria"}, {"presence", "online"}});
    ok({{"type", "accept_chat"}, {"chat", chat.chat}});
    return maria;
}

// [SECTION] Item 2: uploads to a closed chat

TEST(SecurityUploads, Item2_AClosedChatTakesNoMoreFiles) {
    TestServer server;
    const StartedChat ann = start_chat(server.port(), "Ann", "Hello");
    ASSERT_EQ(upload(server.port(), ann.chat, ann.token, "before").status, 201);
    const HttpResult cancelled = send_command(
        server.port(), ann.token, {{"type", "customer_cancel_chat"}, {"chat", ann.chat}});
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;

    const HttpResult after = upload(server.port(), ann.chat, ann.token, "after the chat closed");
    EXPECT_EQ(after.status, 409) << after.body;
    EXPECT_EQ(after.json["code"], "chat_closed");
}

// [SECTION] Item 2: quotas

TEST(SecurityUploads, Item2_OneChatCannotHoldMoreThanItsQuotaEvenAfterARestart) {
    TestServer server([](ServerConfig& config) {
        config.chat_upload_files = 3;
        config.chat_upload_mib = 1;
    });
    const StartedChat ann = start_chat(server.port(), "Ann", "Files");
    const std::string half_mib(kMiB / 2, 'x');
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, half_mib).status, 201);
    expect_quota_refusal(upload(server.port(), ann.chat, ann.token, half_mib + "y"),
                         "This chat holds as many files as it may (3 files or 1 MiB)");
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "small").status, 201);
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "small 2").status, 201);
    expect_quota_refusal(upload(server.port(), ann.chat, ann.token, "one too many"),
                         "This chat holds as many files");

    server.restart();
    expect_quota_refusal(upload(server.port(), ann.chat, ann.token, "after the restart"),
                         "This chat holds as many files");
    const StartedChat bob = start_chat(server.port(), "Bob", "My own files");
    EXPECT_EQ(upload(server.port(), bob.chat, bob.token, "mine").status, 201);
    EXPECT_EQ(post_message(server.port(), ann, "Chatting goes on").status, 201);
}

TEST(SecurityUploads, Item2_ACustomersQuotaDoesNotStopTheAgent) {
    TestServer server([](ServerConfig& config) { config.customer_upload_files = 2; });
    const StartedChat ann = start_chat(server.port(), "Ann", "Files");
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "one").status, 201);
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "two").status, 201);
    expect_quota_refusal(upload(server.port(), ann.chat, ann.token, "three"),
                         "You have uploaded as many files as you may (2 files");

    const std::string maria = maria_takes(server.port(), ann);
    EXPECT_EQ(upload(server.port(), ann.chat, maria, "the agent's reply").status, 201);
}

TEST(SecurityUploads, Item2_ManyChatsFromOneAddressShareItsQuota) {
    TestServer server([](ServerConfig& config) { config.address_upload_files = 3; });
    for (int i = 0; i < 3; ++i) {
        const StartedChat chat = start_chat(server.port(), "Visitor", "Hi " + std::to_string(i));
        EXPECT_EQ(upload(server.port(), chat.chat, chat.token, "file").status, 201);
    }
    const StartedChat fourth = start_chat(server.port(), "Visitor", "Hi again");
    expect_quota_refusal(upload(server.port(), fourth.chat, fourth.token, "file"),
                         "Too many files were uploaded from your network address");

    server.restart();
    const StartedChat fifth = start_chat(server.port(), "Visitor", "After a restart");
    expect_quota_refusal(upload(server.port(), fifth.chat, fifth.token, "file"),
                         "from your network address");
    // Staff share their office's address; the address quota is for customers.
    const std::string maria = maria_takes(server.port(), fifth);
    EXPECT_EQ(upload(server.port(), fifth.chat, maria, "from the office").status, 201);
}

// Any address of an IPv6 customer's /64 is theirs to use, so it counts as one address.
TEST(SecurityUploads, Item2_AnIPv6CustomerCannotDodgeTheAddressQuotaWithinTheirSlash64) {
    const auto customer_upload = [](const std::string& customer, const std::string& client) {
        StoredAttachment stored;
        stored.chat = "cht_" + customer;
        stored.uploaded_by = "customer:" + customer;
        stored.size = 10;
        stored.at = 1000;
        stored.client = client;
        return upload_claim(stored);
    };
    EXPECT_EQ(customer_upload("a", "2001:db8:0:1::1").address,
              customer_upload("b", "2001:db8:0:1:ffff:ffff:ffff:2").address);
    EXPECT_NE(customer_upload("a", "2001:db8:0:1::1").address,
              customer_upload("b", "2001:db8:0:2::1").address);
    EXPECT_EQ(customer_upload("a", "::ffff:203.0.113.7").address, "203.0.113.7");

    ServerConfig config;
    config.address_upload_files = 1;
    UploadQuotas quotas(UploadLimits::from(config));
    const auto first = quotas.reserve(customer_upload("a", "2001:db8:0:1::1"), std::nullopt);
    ASSERT_TRUE(std::holds_alternative<std::shared_ptr<UploadReservation>>(first));
    std::get<std::shared_ptr<UploadReservation>>(first)->keep();
    const auto second = quotas.reserve(customer_upload("b", "2001:db8:0:1::2"), std::nullopt);
    ASSERT_TRUE(std::holds_alternative<UploadRefusal>(second));
    EXPECT_EQ(std::get<UploadRefusal>(second).code, "upload_quota_exceeded");
}

TEST(SecurityUploads, Item2_TheServerTotalIsAQuotaToo) {
    TestServer server([](ServerConfig& config) { config.total_upload_files = 2; });
    const StartedChat ann = start_chat(server.port(), "Ann", "Files");
    const StartedChat bob = start_chat(server.port(), "Bob", "Files");
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "one").status, 201);
    EXPECT_EQ(upload(server.port(), bob.chat, bob.token, "two").status, 201);
    expect_quota_refusal(upload(server.port(), ann.chat, ann.token, "three"),
                         "The server holds as many files as it may");
}

TEST(SecurityUploads, Item2_ConcurrentUploadsCannotOvershootAQuota) {
    constexpr int kAllowed = 5;
    constexpr int kTries = 16;
    TestServer server([](ServerConfig& config) { config.chat_upload_files = kAllowed; });
    const StartedChat ann = start_chat(server.port(), "Ann", "A burst of files");
    std::vector<int> statuses(kTries, 0);
    std::vector<std::thread> uploaders;
    for (int i = 0; i < kTries; ++i) {
        uploaders.emplace_back([&, i] {
            statuses[static_cast<std::size_t>(i)] =
                upload(server.port(), ann.chat, ann.token, "file " + std::to_string(i)).status;
        });
    }
    for (std::thread& uploader : uploaders) {
        uploader.join();
    }
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), kAllowed);
    EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 507), kTries - kAllowed);
}

// [SECTION] Item 2: the free-disk watermark

TEST(SecurityUploads, Item2_BelowTheDiskWatermarkUploadsStopAndChatsGoOn) {
    const auto free_mib = static_cast<unsigned>(
        std::filesystem::space(std::filesystem::temp_directory_path()).available / kMiB);
    TestServer server([&](ServerConfig& config) { config.min_free_disk_mib = free_mib + 1024; });
    const StartedChat ann = start_chat(server.port(), "Ann", "My disk is full?");

    const HttpResult refused = upload(server.port(), ann.chat, ann.token, "file");
    EXPECT_EQ(refused.status, 507) << refused.body;
    EXPECT_EQ(refused.json["code"], "insufficient_storage");
    EXPECT_EQ(refused.json["message"],
              "The server is short of disk space, so it takes no files for now; messages still "
              "go through.");
    EXPECT_EQ(post_message(server.port(), ann, "Still there?").status, 201);
    const std::string maria = maria_takes(server.port(), ann);
    EXPECT_EQ(api(server.port(), Verb::post, chat_path(ann.chat, "/messages"),
                  {{"text", "Yes, I am here."}}, maria)
                  .status,
              201);

    server.restart([](ServerConfig& config) { config.min_free_disk_mib = 0; });
    EXPECT_EQ(upload(server.port(), ann.chat, ann.token, "file").status, 201);
}

// [SECTION] Item 8: downloads that are never read

std::uint64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::uint64_t size = 0;
    std::uint64_t resident = 0;
    statm >> size >> resident;
    return resident * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// Asks for the download and reads only its header, like a client that then stops reading.
std::unique_ptr<tcp::socket> stalled_download(boost::asio::io_context& io, unsigned short port,
                                              const std::string& id, const std::string& token) {
    auto socket = std::make_unique<tcp::socket>(io);
    socket->open(tcp::v4());
    socket->set_option(tcp::socket::receive_buffer_size(4096));
    socket->connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port));
    const std::string request = "GET /api/attachments/" + id +
                                " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                                "\r\nAuthorization: Bearer " + token + "\r\n\r\n";
    boost::asio::write(*socket, boost::asio::buffer(request));
    std::string head;
    boost::asio::read_until(*socket, boost::asio::dynamic_buffer(head), "\r\n\r\n");
    EXPECT_TRUE(head.starts_with("HTTP/1.1 200")) << head.substr(0, head.find("\r\n"));
    return socket;
}

TEST(SecurityUploads, Item8_DownloadsThatAreNeverReadHoldNoFileInMemory) {
    constexpr int kDownloads = 24;
    TestServer server;
    const StartedChat ann = start_chat(server.port(), "Ann", "A big scan");
    const std::string scan = "%PDF-" + std::string(9 * kMiB, 'x');
    const HttpResult uploaded = upload(server.port(), ann.chat, ann.token, scan, "application/pdf");
    ASSERT_EQ(uploaded.status, 201) << uploaded.body;
    const std::string id = uploaded.json["id"];
    const HttpResult whole =
        api(server.port(), Verb::get, "/api/attachments/" + id, nullptr, ann.token);
    ASSERT_EQ(whole.body, scan);

    const std::uint64_t before = resident_bytes();
    boost::asio::io_context io;
    std::vector<std::unique_ptr<tcp::socket>> stalled;
    for (int i = 0; i < kDownloads; ++i) {
        stalled.push_back(stalled_download(io, server.port(), id, ann.token));
    }
    const std::uint64_t after = resident_bytes();
    const std::uint64_t growth = after > before ? after - before : 0;
    // Each held file would be 9 MiB (216 MiB in all); streamed, they hold a few KiB each.
    EXPECT_LT(growth, 48 * kMiB) << "resident memory grew by " << growth / kMiB << " MiB";
}

// [SECTION] Low: the CSV export's formula guard

TEST(SecurityUploads, Low_TheCsvExportDisarmsALeadingTabOrCarriageReturn) {
    TestServer server;
    const std::string admin = demo_staff(server.port(), "admin");
    for (const char* name : {"\t=1+2", "\r=3+4"}) {
        const HttpResult created = send_command(server.port(), admin,
                                                {{"type", "create_queue"},
                                                 {"config",
                                                  {{"name", name},
                                                   {"mode", "pick"},
                                                   {"reminder_delay", 900000},
                                                   {"auto_close_delay", 1800000},
                                                   {"offer_timeout", 30000},
                                                   {"transfer_timeout", 120000},
                                                   {"target_wait", 60000},
                                                   {"accepts_transfers", true}}}});
        ASSERT_EQ(created.status, 200) << created.body;
        ASSERT_FALSE(start_chat(server.port(), "Ann", "Hi", name).chat.empty());
    }
    const HttpResult csv = http_call(server.port(), Verb::get, "/api/analytics?by=queue&format=csv",
                                     {}, bearer(admin));
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_NE(csv.body.find("\r\n'\t=1+2,"), std::string::npos) << csv.body;
    EXPECT_NE(csv.body.find("\r\n\"'\r=3+4\","), std::string::npos) << csv.body;
}

}  // namespace
}  // namespace parley::server::testing
