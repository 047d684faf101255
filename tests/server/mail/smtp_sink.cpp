#include "smtp_sink.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace parley::server::testing {
namespace {

using boost::asio::ip::tcp;

unsigned short free_port() {
    boost::asio::io_context io;
    tcp::acceptor acceptor(io, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

bool accepts_connections(unsigned short port) {
    boost::asio::io_context io;
    tcp::socket socket(io);
    boost::system::error_code error;
    socket.connect(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), port), error);
    return !error;
}

std::string base64_decoded(const std::string& text) {
    std::string bytes(text.size(), '\0');
    std::size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                          text.size(), " \r\n", &length, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
        ADD_FAILURE() << "not base64: " << text;
        return {};
    }
    bytes.resize(length);
    return bytes;
}

// "=?UTF-8?B?...?= =?UTF-8?B?...?=" to its text; plain text stays as it is.
std::string decoded_header(const std::string& value) {
    std::string out;
    std::size_t at = 0;
    while (at < value.size()) {
        const auto start = value.find("=?UTF-8?B?", at);
        if (start == std::string::npos) {
            out += value.substr(at);
            break;
        }
        const std::string between = value.substr(at, start - at);
        if (between.find_first_not_of(" \t") != std::string::npos)
            out += between;
        const auto end = value.find("?=", start + 10);
        out += base64_decoded(value.substr(start + 10, end - start - 10));
        at = end + 2;
    }
    return out;
}

ReceivedMail parse(const std::string& text) {
    ReceivedMail mail;
    std::istringstream lines(text);
    std::string line;
    std::string name;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty())
            break;
        if ((line[0] == ' ' || line[0] == '\t') && !name.empty()) {
            mail.headers[name] += line;
            continue;
        }
        const auto colon = line.find(':');
        name = line.substr(0, colon);
        std::transform(name.begin(), name.end(), name.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        mail.headers[name] = line.substr(colon + 2);
    }
    for (auto& [key, value] : mail.headers)
        value = decoded_header(value);
    std::string encoded((std::istreambuf_iterator<char>(lines)), std::istreambuf_iterator<char>());
    std::string body = base64_decoded(encoded);
    body.erase(std::remove(body.begin(), body.end(), '\r'), body.end());
    mail.body = body;
    return mail;
}

}  // namespace

SmtpSink::SmtpSink() {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    dir_ = std::filesystem::temp_directory_path() /
           ("parley-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(free_port()));
    port_ = free_port();
    const std::string listen = "127.0.0.1:" + std::to_string(port_);
    const std::string maildir = dir_.string();
    std::vector<std::string> args = {
        "/usr/bin/python3",          "-m",   "aiosmtpd", "-n", "-l", listen, "-c",
        "aiosmtpd.handlers.Mailbox", maildir};
    std::vector<char*> argv;
    for (std::string& arg : args)
        argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start aiosmtpd (is python3-aiosmtpd installed?)");
    for (int i = 0; i < 200 && !accepts_connections(port_); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (!accepts_connections(port_))
        throw std::runtime_error("aiosmtpd did not start listening on " + listen);
}

SmtpSink::~SmtpSink() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
    }
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
}

std::string SmtpSink::url() const {
    return "smtp://127.0.0.1:" + std::to_string(port_);
}

std::vector<ReceivedMail> SmtpSink::wait_for(std::size_t count, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<std::filesystem::path> files;
    for (;;) {
        files.clear();
        std::error_code error;
        for (const auto& entry : std::filesystem::directory_iterator(dir_ / "new", error))
            files.push_back(entry.path());
        if (files.size() >= count || std::chrono::steady_clock::now() > deadline)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
        return std::filesystem::last_write_time(a) < std::filesystem::last_write_time(b);
    });
    std::vector<ReceivedMail> mails;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        mails.push_back(parse(
            std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())));
    }
    return mails;
}

unsigned short closed_port() {
    // Bound and never listening, for the rest of the process: a connection is refused, and no
    // other socket (an SMTP sink picking a free port) can take the port meanwhile.
    static boost::asio::io_context io;
    static tcp::socket held = [] {
        tcp::socket socket(io);
        socket.open(tcp::v4());
        socket.bind(tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
        return socket;
    }();
    return held.local_endpoint().port();
}

}  // namespace parley::server::testing
