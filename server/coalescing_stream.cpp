#include "server/coalescing_stream.h"

#include <boost/asio/write.hpp>

namespace parley::server {

CoalescingStream::Shared::Shared(boost::asio::ip::tcp::socket socket, WebSocketWrites writes)
    : stream(std::move(socket)),
      counters(writes),
      drained(stream.get_executor(), boost::asio::steady_timer::time_point::max()) {}

CoalescingStream::CoalescingStream(boost::asio::ip::tcp::socket socket, WebSocketWrites counters)
    : shared_(std::make_shared<Shared>(std::move(socket), counters)) {}

void CoalescingStream::flush(const std::shared_ptr<Shared>& shared) {
    shared->writing = true;
    // in_flight is empty here: the buffers trade places and keep their capacity.
    shared->in_flight.swap(shared->held);
    shared->counters.socket_writes.inc();
    boost::asio::async_write(shared->stream, boost::asio::buffer(shared->in_flight),
                             [shared](boost::beast::error_code error, std::size_t) {
                                 shared->writing = false;
                                 shared->in_flight.clear();
                                 if (error) {
                                     shared->error = error;
                                     shared->held.clear();
                                 } else if (!shared->held.empty() && due(*shared)) {
                                     flush(shared);
                                 }
                                 shared->drained.cancel();
                             });
}

}  // namespace parley::server
