// The desktop console's one network thread: every socket of the console (the WebSocket, each
// REST call, sign-in, downloads, uploads) runs its handlers here, so the frame never waits on
// the network and no call starts a thread of its own. Handlers hand results to the frame through
// their owner's inbox and then wake() the frame's loop, which may be asleep waiting for input.
#pragma once

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>

#include <functional>
#include <thread>

namespace parley::shell {

class IoThread {
public:
    // `wake` is called on the I/O thread after a handler queued something for the frame.
    explicit IoThread(std::function<void()> wake);
    ~IoThread();
    IoThread(const IoThread&) = delete;
    IoThread& operator=(const IoThread&) = delete;

    boost::asio::io_context& context() { return io_; }
    void wake() const { wake_(); }
    // Stops running handlers and joins the thread. Owners of sockets on this thread call it
    // before they go, so that no handler outlives what it refers to.
    void stop();

private:
    std::function<void()> wake_;
    boost::asio::io_context io_;
    boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_;
    std::thread thread_;
};

}  // namespace parley::shell
