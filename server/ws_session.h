// One WebSocket connection: the hello (credentials, resume point), then commands in and the
// actor's feed out. One write in flight at a time on the session's strand; the send queue is
// bounded so a slow reader is disconnected with a reason instead of growing the server's
// memory. Heartbeats are WebSocket pings (Beast's keep-alive) plus the protocol's ping/pong.
// A connection that does not say hello in time is closed; so is one that sends a message over
// the limit, with 1009 after the rest of it is read and dropped, so the client sees the code.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/subscriber.h"
#include "server/access/accounts.h"
#include "server/access/connections.h"
#include "server/address_slots.h"
#include "server/coalescing_stream.h"
#include "server/services.h"

namespace parley::server {

class WsSession : public std::enable_shared_from_this<WsSession>,
                  public engine::Subscriber,
                  public Closable {
public:
    WsSession(boost::asio::ip::tcp::socket socket, Services& services, std::string client_ip,
              AddressSlot slot);

    void run(boost::beast::http::request<boost::beast::http::string_body> upgrade);

    void deliver(engine::Message message) override;
    void end(std::string reason, bool going_away) override;

private:
    void read_next();
    void on_read(boost::beast::error_code error);
    void await_hello();
    void on_closed();
    void on_message(std::string text);
    void on_hello(const std::string& text);
    void on_command(const std::string& text);
    // A close asked for by end(), from another thread.
    struct Closing {
        std::string reason;
        bool going_away = false;
    };
    using Outgoing = std::variant<std::shared_ptr<const std::string>, Closing>;

    // From any thread (the authority's strand, mostly): handed over to the session's strand.
    void send(std::shared_ptr<const std::string> message);
    void hand_over(Outgoing outgoing);
    void drain_inbox();
    // On the session's strand: queued at once, so a close_with() right after goes after it.
    void send_text(std::string text);
    // Into the outbox; write_queued() starts writing it unless a write is in flight.
    void enqueue(std::shared_ptr<const std::string> message);
    void write_queued();
    void write_next();
    void close_with(boost::beast::websocket::close_code code, std::string reason);
    // A session ends at its expiry on an open socket too: closed then, and a command that
    // arrives after it is refused.
    void watch_session_expiry();
    bool session_expired() const;

    boost::beast::websocket::stream<CoalescingStream> ws_;
    boost::asio::steady_timer session_expiry_;
    boost::beast::flat_buffer buffer_;
    Services& services_;
    std::string client_ip_;
    AddressSlot slot_;
    boost::asio::steady_timer hello_deadline_;
    std::optional<std::string> cookie_token_;
    std::optional<Principal> principal_;
    std::mutex inbox_mutex_;
    std::vector<Outgoing> inbox_;  // handed over, not yet drained on the strand
    std::deque<std::shared_ptr<const std::string>> outbox_;
    std::size_t outbox_bytes_ = 0;
    bool writing_ = false;
    std::function<void()> pending_close_;  // runs once the outbox has drained
    bool closing_ = false;
    bool subscribed_ = false;
    bool finished_ = false;
};

}  // namespace parley::server
