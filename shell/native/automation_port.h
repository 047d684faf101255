// The automation bridge's socket: a TCP listener on 127.0.0.1 (only this machine's programs
// reach it) speaking JSON Lines, one request a line and one answer a line, in order. It runs on
// the console's I/O thread; requests queue for the frame, which answers them (automation_bridge.h).
// Enabled only by --automation PORT: a console without it opens no port.
#pragma once

#include "io_thread.h"

#include <boost/asio/ip/tcp.hpp>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace parley::shell {

struct BridgeLine {
    // Which connection asked, for the answer.
    std::uint64_t connection = 0;
    std::string text;
};

class AutomationPort {
public:
    // Listens on 127.0.0.1:`port` (0: any free port); throws if it cannot. `wake` is called on
    // the I/O thread when a request arrived.
    AutomationPort(IoThread& io, std::uint16_t port, std::function<void()> wake);
    ~AutomationPort();
    AutomationPort(const AutomationPort&) = delete;
    AutomationPort& operator=(const AutomationPort&) = delete;

    std::uint16_t port() const { return port_; }
    std::vector<BridgeLine> drain();
    // Sends one answer line (the newline is added) to the connection that asked.
    void answer(std::uint64_t connection, std::string text);

    struct Client;

private:
    void accept();
    void report(BridgeLine line);

    IoThread& io_;
    std::function<void()> wake_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::uint16_t port_ = 0;
    // Touched only on the I/O thread.
    std::map<std::uint64_t, std::shared_ptr<Client>> clients_;
    std::uint64_t next_client_ = 1;
    std::mutex mutex_;
    std::vector<BridgeLine> inbox_;
};

}  // namespace parley::shell
