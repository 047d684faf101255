// The console's Link over a Beast WebSocket, for the desktop build. The socket lives on the
// console's I/O thread (io_thread.h); its callbacks only append to a mutex-guarded inbox drained
// by the frame.
#pragma once

#include "console/link.h"
#include "io_thread.h"
#include "server_address.h"

#include <memory>
#include <mutex>

namespace parley::shell {

class BeastLink final : public console::Link {
public:
    BeastLink(IoThread& io, ServerAddress server);

    void open() override;
    void send(std::string text) override;
    void close() override;
    std::vector<console::LinkEvent> drain() override;
    std::string describe() const override;

    struct Attempt;

private:
    void report(console::LinkEvent event);

    IoThread& io_;
    ServerAddress server_;
    std::shared_ptr<Attempt> attempt_;  // touched only on the I/O thread
    std::mutex inbox_mutex_;
    std::vector<console::LinkEvent> inbox_;
};

}  // namespace parley::shell
