#include "server/ws_session.h"

#include <boost/asio/post.hpp>
#include <utility>

#include "engine/client_messages.h"
#include "protocol/codec.h"
#include "server/access/uploads.h"
#include "server/auth/cookies.h"

namespace parley::server {
namespace beast = boost::beast;
namespace websocket = beast::websocket;

namespace {

constexpr std::size_t kMaxMessageBytes = 1 << 20;
// A message is read in pieces of this size, so a large one is seen growing, never held whole.
constexpr std::size_t kReadPiece = 64 << 10;
constexpr std::size_t kMaxQueuedMessages = 8192;

}  // namespace

WsSession::WsSession(boost::asio::ip::tcp::socket socket, Services& services, std::string client_ip,
                     AddressSlot slot)
    : ws_(std::move(socket), services.websocket_writes),
      session_expiry_(ws_.get_executor()),
      services_(services),
      client_ip_(std::move(client_ip)),
      slot_(std::move(slot)),
      hello_deadline_(ws_.get_executor()) {}

void WsSession::run(beast::http::request<beast::http::string_body> upgrade) {
    auto timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
    timeouts.idle_timeout = std::chrono::seconds(60);
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
        response.set(beast::http::field::server, "parley-server/" PARLEY_VERSION);
    }));
    // The size limit is ours (on_read): Beast's own fails the connection while the client
    // is still sending, and the reset loses the close frame that says why.
    ws_.read_message_max(0);
    // One frame a message: the coalescing layer below takes a whole message in one piece.
    ws_.auto_fragment(false);
    cookie_token_ = auth::cookie_value(upgrade[beast::http::field::cookie], "parley_session");
    auto request =
        std::make_shared<beast::http::request<beast::http::string_body>>(std::move(upgrade));
    ws_.async_accept(*request, [self = shared_from_this(), request](beast::error_code error) {
        if (!error) {
            self->await_hello();
            self->read_next();
        }
    });
}

void WsSession::await_hello() {
    const auto limit = std::chrono::milliseconds(services_.config.hello_timeout_ms);
    hello_deadline_.expires_after(limit);
    hello_deadline_.async_wait([self = shared_from_this(), limit](beast::error_code error) {
        if (!error && !self->principal_) {
            self->close_with(websocket::close_code::policy_error,
                             "no hello within " + std::to_string(limit.count()) + " ms");
        }
    });
}

void WsSession::read_next() {
    ws_.async_read_some(buffer_, kReadPiece,
                        [self = shared_from_this()](beast::error_code error, std::size_t) {
                            self->on_read(error);
                        });
}

void WsSession::on_read(beast::error_code error) {
    if (error) {
        on_closed();
        return;
    }
    // Reading goes on while closing: the peer's close frame arrives through it, after what
    // it was still sending, which is dropped.
    if (closing_) {
        buffer_.clear();
    } else if (buffer_.size() > kMaxMessageBytes) {
        buffer_.clear();
        close_with(websocket::close_code::too_big,
                   "message larger than " + std::to_string(kMaxMessageBytes) + " bytes");
    } else if (ws_.is_message_done()) {
        std::string text = beast::buffers_to_string(buffer_.data());
        buffer_.consume(buffer_.size());
        on_message(std::move(text));
    }
    read_next();
}

void WsSession::on_closed() {
    closing_ = true;
    hello_deadline_.cancel();
    session_expiry_.cancel();
    if (principal_ && !finished_) {
        finished_ = true;
        services_.connections.remove(this);
        if (subscribed_) {
            services_.authority.unsubscribe(shared_from_this(), principal_->actor);
        }
    }
}

void WsSession::on_message(std::string text) {
    if (!ws_.got_text()) {
        send_text(protocol::encode_error(
            protocol::WireError{"binary_not_supported", "Send JSON text messages."}));
        close_with(websocket::close_code::unknown_data, "binary messages are not supported");
        return;
    }
    if (!principal_) {
        on_hello(text);
    } else {
        on_command(text);
    }
}

void WsSession::on_hello(const std::string& text) {
    auto read = engine::read_hello(text);
    if (auto* refusal = std::get_if<engine::Refusal>(&read)) {
        send_text(std::move(refusal->message));
        close_with(websocket::close_code::policy_error, std::move(refusal->reason));
        return;
    }
    const auto& hello = std::get<protocol::Hello>(read);
    const std::optional<std::string> credential = hello.token ? hello.token : cookie_token_;
    AccessResult<Principal> who =
        credential ? services_.accounts.authenticate(*credential)
                   : AccessResult<Principal>{AccessError{
                         401, "not_signed_in", "Sign in first: this connection has no session."}};
    if (const auto* error = std::get_if<AccessError>(&who)) {
        send_text(protocol::encode_error(protocol::WireError{error->code, error->message}));
        close_with(websocket::close_code::policy_error, "not signed in");
        return;
    }
    principal_ = std::get<Principal>(std::move(who));
    hello_deadline_.cancel();
    watch_session_expiry();
    services_.connections.add(shared_from_this(), principal_->actor, principal_->token_hash);
    send_text(protocol::encode_welcome({protocol::kProtocolVersion, PARLEY_VERSION,
                                        principal_->actor, services_.authority.committed_seq()}));
    subscribed_ = true;
    services_.authority.subscribe(shared_from_this(), principal_->actor, hello.resume_from);
}

void WsSession::on_command(const std::string& text) {
    if (session_expired()) {
        send_text(protocol::encode_rejected({protocol::command_id_of(text), "not_signed_in",
                                             "The session has expired; sign in again."}));
        close_with(websocket::close_code::policy_error, "session expired");
        return;
    }
    auto read = engine::read_command(text);
    if (auto* reply = std::get_if<std::string>(&read)) {
        send_text(std::move(*reply));
        return;
    }
    auto command = std::get<protocol::ClientCommand>(std::move(read));
    const std::string limiter_key =
        principal_->token_hash.empty() ? principal_->actor.id : principal_->token_hash;
    if (!services_.command_limiter.allow(limiter_key, services_.clock())) {
        send_text(protocol::encode_rejected(
            {command.id, "rate_limited", "Too many commands; wait a moment and send it again."}));
        return;
    }
    if (auto refused = services_.customer_limits.check(principal_->actor, command.command,
                                                       client_ip_, services_.clock())) {
        send_text(protocol::encode_rejected({command.id, "rate_limited", refused->message}));
        return;
    }
    if (auto refused = resolve_message_uploads(services_.account_store, command.command)) {
        send_text(protocol::encode_rejected({command.id, "unknown_attachment", *refused}));
        return;
    }
    services_.authority.submit(
        command.id, principal_->actor, std::move(command.command),
        [self = shared_from_this()](const Outcome& outcome) {
            self->send(std::make_shared<const std::string>(std::visit(
                [](const auto& result) -> std::string {
                    if constexpr (std::is_same_v<std::decay_t<decltype(result)>, protocol::Ack>) {
                        return protocol::encode_ack(result);
                    } else {
                        return protocol::encode_rejected(result);
                    }
                },
                outcome)));
        });
}

void WsSession::watch_session_expiry() {
    // API keys carry no expiry.
    if (principal_->expires_at == 0) {
        return;
    }
    const core::Timestamp left =
        std::max<core::Timestamp>(0, principal_->expires_at - services_.clock());
    session_expiry_.expires_after(std::chrono::milliseconds(left));
    session_expiry_.async_wait([weak = weak_from_this()](beast::error_code error) {
        if (const auto self = weak.lock(); self && !error) {
            self->close_with(websocket::close_code::policy_error, "session expired");
        }
    });
}

bool WsSession::session_expired() const {
    return principal_->expires_at != 0 && principal_->expires_at <= services_.clock();
}

void WsSession::deliver(engine::Message message) {
    send(std::move(message));
}

// send() and end() post rather than dispatch: their callers are mostly the authority's strand, and
// asio runs an idle strand's handler inline in the calling thread, which would put every socket
// write behind the authority. What they hand over waits in the inbox, in order, and one posted
// drain takes all of it: a burst from one authority turn costs one hop to the session, and its
// messages reach the outbox together, so they leave in one socket write. A close from end() keeps
// its place after the messages handed over before it.
void WsSession::end(std::string reason, bool going_away) {
    hand_over(Closing{std::move(reason), going_away});
}

void WsSession::send(std::shared_ptr<const std::string> message) {
    hand_over(std::move(message));
}

void WsSession::hand_over(Outgoing outgoing) {
    {
        const std::lock_guard lock(inbox_mutex_);
        inbox_.push_back(std::move(outgoing));
        if (inbox_.size() > 1) {
            return;
        }
    }
    boost::asio::post(ws_.get_executor(), [self = shared_from_this()] { self->drain_inbox(); });
}

void WsSession::drain_inbox() {
    std::vector<Outgoing> arrived;
    {
        const std::lock_guard lock(inbox_mutex_);
        arrived.swap(inbox_);
    }
    for (Outgoing& outgoing : arrived) {
        if (auto* message = std::get_if<std::shared_ptr<const std::string>>(&outgoing)) {
            enqueue(std::move(*message));
            continue;
        }
        auto& closing = std::get<Closing>(outgoing);
        write_queued();
        close_with(closing.going_away ? websocket::close_code::going_away
                                      : websocket::close_code::policy_error,
                   std::move(closing.reason));
    }
    write_queued();
}

void WsSession::send_text(std::string text) {
    enqueue(std::make_shared<const std::string>(std::move(text)));
    write_queued();
}

void WsSession::enqueue(std::shared_ptr<const std::string> message) {
    if (closing_) {
        return;
    }
    if (outbox_.size() >= kMaxQueuedMessages ||
        outbox_bytes_ + message->size() > std::size_t{services_.config.send_queue_mib} << 20) {
        // The front message may be being written and must outlive that write.
        if (!outbox_.empty()) {
            outbox_.erase(outbox_.begin() + 1, outbox_.end());
            outbox_bytes_ = outbox_.front()->size();
        }
        close_with(websocket::close_code::policy_error,
                   "send queue overflow: the client reads too slowly");
        return;
    }
    outbox_bytes_ += message->size();
    outbox_.push_back(std::move(message));
}

void WsSession::write_queued() {
    if (!writing_ && !outbox_.empty()) {
        write_next();
    }
}

void WsSession::write_next() {
    writing_ = true;
    ws_.next_layer().coalesce(outbox_.size() > 1);
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(*outbox_.front()),
                    [self = shared_from_this()](beast::error_code error, std::size_t) {
                        self->writing_ = false;
                        if (error) {
                            self->outbox_.clear();
                            self->outbox_bytes_ = 0;
                            return;
                        }
                        self->outbox_bytes_ -= self->outbox_.front()->size();
                        self->outbox_.pop_front();
                        if (!self->outbox_.empty()) {
                            self->write_next();
                        } else if (self->pending_close_) {
                            std::exchange(self->pending_close_, nullptr)();
                        }
                    });
}

void WsSession::close_with(websocket::close_code code, std::string reason) {
    if (closing_) {
        return;
    }
    closing_ = true;
    // The close frame goes after what is already queued (the error that explains it), so it
    // waits for the outbox to drain.
    auto do_close = [self = shared_from_this(), code, reason = std::move(reason)] {
        self->ws_.next_layer().coalesce(false);
        self->ws_.async_close(websocket::close_reason(code, reason), [self](beast::error_code) {});
    };
    if (outbox_.empty()) {
        do_close();
    } else {
        pending_close_ = std::move(do_close);
    }
}

}  // namespace parley::server
