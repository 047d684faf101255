#include "local_link.h"

#include <utility>

#include "engine/client_messages.h"
#include "protocol/codec.h"

namespace parley::demo {
namespace {

constexpr const char* kNotSignedIn = "not_signed_in";
constexpr const char* kServerVersion = "0.1.0 (in this page)";

}  // namespace

LocalLink::LocalLink(sim::Stage& stage, const LocalSignIn& sign_in)
    : stage_(stage), sign_in_(sign_in) {}

LocalLink::~LocalLink() {
    leave_feed();
}

void LocalLink::open() {
    leave_feed();
    open_ = true;
    events_.emplace_back(std::in_place_type<console::LinkOpened>);
}

void LocalLink::close() {
    if (!open_) {
        return;
    }
    collect();
    leave_feed();
    open_ = false;
    events_.emplace_back(std::in_place_type<console::LinkClosed>,
                         console::LinkClosed{"closed by the console", false});
}

std::vector<console::LinkEvent> LocalLink::drain() {
    collect();
    return std::exchange(events_, {});
}

void LocalLink::collect() {
    for (const engine::Message& message : inbox_->take()) {
        events_.emplace_back(std::in_place_type<console::LinkMessage>,
                             console::LinkMessage{*message});
    }
}

void LocalLink::deliver(std::string message) {
    collect();
    events_.emplace_back(std::in_place_type<console::LinkMessage>,
                         console::LinkMessage{std::move(message)});
}

void LocalLink::leave_feed() {
    if (actor_) {
        stage_.engine().close(*inbox_, *actor_, stage_.now());
        actor_.reset();
    }
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
    events_.emplace_back(std::in_place_type<console::LinkClosed>,
                         console::LinkClosed{std::move(reason), true});
}

// The browser console's hello carries no token: the session is the page's, as a cookie is.
void LocalLink::hello(const std::string& text) {
    auto read = engine::read_hello(text);
    if (auto* refusal = std::get_if<engine::Refusal>(&read)) {
        refuse_and_close(std::move(refusal->message), std::move(refusal->reason));
        return;
    }
    if (!sign_in_.agent()) {
        refuse_and_close(protocol::encode_error(protocol::WireError{
                             kNotSignedIn, "Sign in first: nobody is signed in to this page."}),
                         "not signed in");
        return;
    }
    const auto resume_from = std::get<protocol::Hello>(read).resume_from;
    actor_ = core::Actor::agent(*sign_in_.agent());
    deliver(protocol::encode_welcome(
        {protocol::kProtocolVersion, kServerVersion, *actor_, stage_.seq()}));
    stage_.engine().attach(inbox_, *actor_, resume_from);
}

void LocalLink::command(const std::string& text) {
    auto read = engine::read_command(text);
    if (auto* reply = std::get_if<std::string>(&read)) {
        deliver(std::move(*reply));
        return;
    }
    auto client = std::get<protocol::ClientCommand>(std::move(read));
    // The events it causes reach the inbox first, as on the server.
    const sim::StageAnswer answer = stage_.submit(client.id, *actor_, std::move(client.command));
    if (answer.rejection) {
        deliver(protocol::encode_rejected(
            {client.id, answer.rejection->code, answer.rejection->message}));
    } else {
        deliver(protocol::encode_ack({client.id, answer.seq, answer.duplicate}));
    }
}

}  // namespace parley::demo
