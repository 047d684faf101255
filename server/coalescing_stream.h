// The layer under a server WebSocket that lets the messages of one turn leave in one socket write.
// Beast writes one message per operation, so a burst (a supervisor's feed when a hundred events
// commit at once) would cost a send() each. This layer takes each write into a buffer and
// completes it at once; the session says whether more messages follow (coalesce(true)), and the
// buffer goes to the socket when the last one is taken, when it passes kHeldBytes, or, while a
// socket write is in flight, when that write returns. Past kHeldBytes a write completes only
// when the socket has taken the buffer, so a slow reader still backs up into the session's
// bounded send queue. Beast's own frames (pongs, pings, the close) pass through the same buffer,
// so the byte order on the wire is the order of the writes.
#pragma once

#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket/teardown.hpp>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>

#include "server/metrics/metrics.h"

namespace parley::server {

// What /metrics tells of the coalescing: messages and control frames written, socket writes.
struct WebSocketWrites {
    metrics::Counter& frames;
    metrics::Counter& socket_writes;
};

class CoalescingStream {
public:
    using next_layer_type = boost::beast::tcp_stream;
    using executor_type = next_layer_type::executor_type;

    // Enough for a burst of ordinary events in one send(); a larger message goes on its own.
    static constexpr std::size_t kHeldBytes = 64 << 10;

    CoalescingStream(boost::asio::ip::tcp::socket socket, WebSocketWrites counters);

    executor_type get_executor() noexcept { return shared_->stream.get_executor(); }
    next_layer_type& next_layer() noexcept { return shared_->stream; }

    // Whether the writes that follow have more behind them in the session's queue.
    void coalesce(bool more) { shared_->more_coming = more; }

    template <class MutableBuffers, class Token>
    auto async_read_some(const MutableBuffers& buffers, Token&& token) {
        return shared_->stream.async_read_some(buffers, std::forward<Token>(token));
    }

    template <class ConstBuffers, class Token>
    auto async_write_some(const ConstBuffers& buffers, Token&& token) {
        return boost::asio::async_initiate<Token, void(boost::beast::error_code, std::size_t)>(
            [shared = shared_](auto handler, const ConstBuffers& written) {
                if (shared->error) {
                    post_completion(*shared, std::move(handler), 0);
                    return;
                }
                const std::size_t taken = boost::asio::buffer_size(written);
                const std::size_t held = shared->held.size();
                shared->held.resize(held + taken);
                boost::asio::buffer_copy(boost::asio::buffer(shared->held.data() + held, taken),
                                         written);
                shared->counters.frames.inc();
                if (!shared->writing && due(*shared)) {
                    flush(shared);
                }
                if (shared->held.size() < kHeldBytes) {
                    post_completion(*shared, std::move(handler), taken);
                } else {
                    shared->drained.async_wait([shared, handler = std::move(handler),
                                                taken](boost::beast::error_code) mutable {
                        handler(shared->error, shared->error ? 0 : taken);
                    });
                }
            },
            token, buffers);
    }

    // The WebSocket's teardown (after the close handshake) waits until every byte taken has left.
    template <class Handler>
    friend void async_teardown(boost::beast::role_type role, CoalescingStream& stream,
                               Handler&& handler) {
        when_flushed(stream.shared_, [shared = stream.shared_, role,
                                      handler = std::forward<Handler>(handler)]() mutable {
            using boost::beast::websocket::async_teardown;
            async_teardown(role, shared->stream, std::move(handler));
        });
    }

private:
    // Shared with the socket write in flight, which may return after the session is gone.
    struct Shared {
        Shared(boost::asio::ip::tcp::socket socket, WebSocketWrites writes);
        boost::beast::tcp_stream stream;
        WebSocketWrites counters;
        std::string held;
        std::string in_flight;
        bool writing = false;
        bool more_coming = false;
        boost::beast::error_code error;
        // Never expires: cancelled whenever a socket write returns, to wake those waiting on it.
        boost::asio::steady_timer drained;
    };

    // Whether what is held should go now: nothing more is coming, or the buffer is full.
    static bool due(const Shared& shared) {
        return !shared.more_coming || shared.held.size() >= kHeldBytes;
    }
    static void flush(const std::shared_ptr<Shared>& shared);

    template <class Handler>
    static void post_completion(Shared& shared, Handler&& handler, std::size_t taken) {
        boost::asio::post(
            shared.stream.get_executor(),
            boost::beast::bind_front_handler(std::forward<Handler>(handler), shared.error, taken));
    }

    template <class Then>
    static void when_flushed(const std::shared_ptr<Shared>& shared, Then then) {
        if (!shared->held.empty() && !shared->writing && !shared->error) {
            flush(shared);
        }
        if (!shared->writing) {
            boost::asio::post(shared->stream.get_executor(), std::move(then));
            return;
        }
        shared->drained.async_wait(
            [shared, then = std::move(then)](boost::beast::error_code) mutable {
                when_flushed(shared, std::move(then));
            });
    }

    std::shared_ptr<Shared> shared_;
};

}  // namespace parley::server
