// The console's Link over a Beast WebSocket, for the desktop build. The socket lives on the
// console's I/O thread (io_thread.h); its callbacks only append to a mutex-guarded inbox drained
// by the frame.
#pragma once

#include "console/link.h"
#include "inbox.h"
#include "io_thread.h"
#include "server_address.h"

#include <memory>
#include <utility>

namespace parley::shell {

class BeastLink final : public console::Link {
public:
    BeastLink(IoThread& io, ServerAddress server);

    void open() override;
    void send(std::string text) override;
    void close() override;
    std::vector<console::LinkEvent> drain() override { return inbox_.drain(); }
    std::string describe() const override;

    struct Attempt;

private:
    void report(console::LinkEvent event) { inbox_.push(std::move(event)); }

    IoThread& io_;
    ServerAddress server_;
    std::shared_ptr<Attempt> attempt_;  // touched only on the I/O thread
    Inbox<console::LinkEvent> inbox_;
};

}  // namespace parley::shell
