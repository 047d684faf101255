#include "local_link.h"

#include <utility>

#include "core/visibility.h"
#include "protocol/codec.h"
#include "protocol/handshake.h"
#include "protocol/session.h"

namespace parley::demo {
namespace {

constexpr const char* kNotSignedIn = "not_signed_in";
constexpr const char* kServerVersion = "0.1.0 (in this page)";

std::string sync_of(const core::State& state, const core::Actor& actor, std::uint64_t seq) {
    return protocol::encode_sync(seq, protocol::encode_snapshot(core::visible_state(state, actor)));
}

}  // namespace

LocalLink::LocalLink(sim::Stage& stage, const LocalSignIn& sign_in)
    : stage_(stage), sign_in_(sign_in) {
    stage_.watch(*this);
}

LocalLink::~LocalLink() {
    stage_.unwatch(*this);
}

void LocalLink::open() {
    open_ = true;
    actor_.reset();
    inbox_.emplace_back(std::in_place_type<console::LinkOpened>);
}

void LocalLink::close() {
    if (!open_) {
        return;
    }
    open_ = false;
    actor_.reset();
    inbox_.emplace_back(std::in_place_type<console::LinkClosed>,
                        console::LinkClosed{"closed by the console", false});
}

std::vector<console::LinkEvent> LocalLink::drain() {
    return std::exchange(inbox_, {});
}

void LocalLink::send(std::string text) {
    if (!open_) {
        return;
    }
    if (actor_) {
        command(text);
    } else {
        hello(text);
    }
}

void LocalLink::refuse_and_close(std::string message, std::string reason) {
    deliver(std::move(message));
    open_ = false;
    inbox_.emplace_back(std::in_place_type<console::LinkClosed>,
                        console::LinkClosed{std::move(reason), true});
}

// The browser console's hello carries no token: the session is the page's, as a cookie is.
void LocalLink::hello(const std::string& text) {
    const auto hello = protocol::decode_hello(text);
    if (!hello) {
        refuse_and_close(protocol::encode_error(hello.error()), hello.error().message);
        return;
    }
    if (hello.value().protocol_version != protocol::kProtocolVersion) {
        refuse_and_close(protocol::encode_version_mismatch(hello.value().protocol_version),
                         "protocol mismatch");
        return;
    }
    if (!sign_in_.agent()) {
        refuse_and_close(protocol::encode_error(protocol::WireError{
                             kNotSignedIn, "Sign in first: nobody is signed in to this page."}),
                         "not signed in");
        return;
    }
    actor_ = core::Actor::agent(*sign_in_.agent());
    protocol::Welcome welcome;
    welcome.server_version = kServerVersion;
    welcome.actor = *actor_;
    welcome.seq = stage_.seq();
    deliver(protocol::encode_welcome(welcome));
    deliver(sync_of(stage_.state(), *actor_, stage_.seq()));
}

void LocalLink::command(const std::string& text) {
    const auto message = protocol::decode_client_message(text);
    if (!message) {
        deliver(
            protocol::encode_rejected({protocol::command_id_of(text),
                                       std::string(protocol::error_code_name(message.error().code)),
                                       message.error().message}));
        return;
    }
    if (std::holds_alternative<protocol::Ping>(message.value())) {
        deliver(protocol::encode_pong());
        return;
    }
    auto client = std::get<protocol::ClientCommand>(message.value());
    // The events it causes reach this link first, through after_event, as on the server.
    const sim::StageAnswer answer = stage_.submit(client.id, *actor_, std::move(client.command));
    if (answer.rejection) {
        deliver(protocol::encode_rejected(
            {client.id, answer.rejection->code, answer.rejection->message}));
    } else {
        deliver(protocol::encode_ack({client.id, answer.seq, answer.duplicate}));
    }
}

void LocalLink::before_event(const core::State& state, const core::EventEnvelope& event) {
    if (!actor_) {
        return;
    }
    saw_chat_before_ = false;
    agent_before_.reset();
    if (const auto chat_id = core::chat_of(state, event.event)) {
        const core::Chat* chat = state.find_chat(*chat_id);
        saw_chat_before_ = chat != nullptr && core::may_see_chat(state, *actor_, *chat);
    } else if (const core::Agent* agent = state.find_agent(actor_->id)) {
        agent_before_ = *agent;
    }
}

void LocalLink::after_event(const core::State& state, const core::EventEnvelope& event,
                            std::uint64_t seq) {
    if (!actor_) {
        return;
    }
    const auto chat_id = core::chat_of(state, event.event);
    if (!chat_id) {
        const core::Agent* before = agent_before_ ? &*agent_before_ : nullptr;
        if (!core::same_sight(before, state.find_agent(actor_->id))) {
            deliver(sync_of(state, *actor_, seq));
        } else if (const auto view = core::view_for(state, *actor_, event)) {
            deliver(protocol::encode_event_message(seq, protocol::encode_event(*view)));
        }
        return;
    }
    const core::Chat* chat = state.find_chat(*chat_id);
    if (chat == nullptr) {
        return;
    }
    if (core::brings_chat_into_view(state, *actor_, event, saw_chat_before_)) {
        deliver(protocol::encode_chat_message(seq, core::chat_for(state, *actor_, *chat)));
    } else if (const auto view = core::view_for(state, *actor_, event, saw_chat_before_)) {
        deliver(protocol::encode_event_message(seq, protocol::encode_event(*view)));
    }
}

}  // namespace parley::demo
