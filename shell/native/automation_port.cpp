#include "automation_port.h"

#include <boost/asio/post.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <deque>
#include <istream>
#include <utility>

namespace parley::shell {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {
// A request line longer than this is not one of ours (a text to type is the longest).
constexpr std::size_t kLongestLine = 1024 * 1024;
}  // namespace

// One test's connection: reads lines, writes answers one at a time, leaves on EOF or error.
struct AutomationPort::Client : std::enable_shared_from_this<Client> {
    Client(AutomationPort& owner, tcp::socket connected, std::uint64_t client_id)
        : port(owner), socket(std::move(connected)), id(client_id), input(kLongestLine) {}

    AutomationPort& port;
    tcp::socket socket;
    std::uint64_t id;
    asio::streambuf input;
    std::deque<std::string> outbox;

    void read() {
        asio::async_read_until(
            socket, input, '\n',
            [self = shared_from_this()](boost::system::error_code error, std::size_t) {
                if (error) {
                    self->port.clients_.erase(self->id);
                    return;
                }
                std::istream stream(&self->input);
                std::string line;
                std::getline(stream, line);
                self->port.report({self->id, std::move(line)});
                self->read();
            });
    }

    void send(std::string text) {
        outbox.push_back(std::move(text) + "\n");
        if (outbox.size() == 1) {
            write();
        }
    }

    void write() {
        asio::async_write(
            socket, asio::buffer(outbox.front()),
            [self = shared_from_this()](boost::system::error_code error, std::size_t) {
                if (error) {
                    self->port.clients_.erase(self->id);
                    return;
                }
                self->outbox.pop_front();
                if (!self->outbox.empty()) {
                    self->write();
                }
            });
    }
};

AutomationPort::AutomationPort(IoThread& io, std::uint16_t port, std::function<void()> wake)
    : io_(io),
      wake_(std::move(wake)),
      acceptor_(io.context(), tcp::endpoint(asio::ip::address_v4::loopback(), port)),
      port_(acceptor_.local_endpoint().port()) {
    asio::post(io_.context(), [this] { accept(); });
}

AutomationPort::~AutomationPort() = default;

void AutomationPort::accept() {
    acceptor_.async_accept([this](boost::system::error_code error, tcp::socket socket) {
        if (error) {
            return;
        }
        const std::uint64_t id = next_client_++;
        auto client = std::make_shared<Client>(*this, std::move(socket), id);
        clients_.emplace(id, client);
        client->read();
        accept();
    });
}

std::vector<BridgeLine> AutomationPort::drain() {
    std::lock_guard lock(mutex_);
    return std::exchange(inbox_, {});
}

void AutomationPort::answer(std::uint64_t connection, std::string text) {
    asio::post(io_.context(), [this, connection, text = std::move(text)]() mutable {
        if (const auto client = clients_.find(connection); client != clients_.end()) {
            client->second->send(std::move(text));
        }
    });
}

void AutomationPort::report(BridgeLine line) {
    {
        std::lock_guard lock(mutex_);
        inbox_.push_back(std::move(line));
    }
    wake_();
}

}  // namespace parley::shell
