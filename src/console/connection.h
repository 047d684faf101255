// The console's connection to the server as a state machine: connect, say hello (with the
// sign-in token and the sequence number to resume from), wait for the welcome, pass the
// session's messages on, and after a loss reconnect with a growing delay. A refusal because
// nobody is signed in stops it until the next start(). Time comes in as an argument so the
// behaviour is testable frame by frame. No ImGui, no sockets.
#pragma once

#include "console/link.h"
#include "core/actor.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

enum class ConnectionStatus {
    stopped,
    connecting,
    handshaking,
    connected,
    refused,
    needs_sign_in,
    waiting_to_retry
};

// The status as a stable machine word ("connected", "reconnecting", …).
const char* status_name(ConnectionStatus status);
// The status in a few words for people, as the top bar and the page title show it.
const char* connection_label(ConnectionStatus status);

struct ConnectionView {
    ConnectionStatus status = ConnectionStatus::stopped;
    std::string server;          // where the link goes
    std::string server_version;  // once welcomed
    int protocol_version = 0;    // the server's, once welcomed
    std::string problem;         // why the last attempt failed, in a sentence
    double retry_in_seconds = 0;
    int attempts = 0;
    bool ever_welcomed = false;  // since the last start(): tells an expiry from a first visit
    // The server's reason when it closed a welcomed connection on purpose ("signed out",
    // "password reset"), kept until the next welcome: it says why a session ended.
    std::string ended_because;
};

// What one update brought: a welcome (who the server took us for) and the session's messages.
struct ConnectionUpdate {
    std::optional<core::Actor> welcomed;
    std::vector<std::string> messages;
};

class Connection {
public:
    Connection(Link& link, std::string client_name);

    // Connects with `token` (the desktop's bearer token) or none (the browser's cookie).
    void start(std::optional<std::string> token);
    // Closes the link and stays away until the next start().
    void stop();
    // Drops the link and connects again at once, e.g. to get a fresh snapshot.
    void reconnect();
    // The sequence number the next hello resumes from; none asks for a fresh snapshot.
    void set_resume_from(std::optional<std::uint64_t> seq) { resume_from_ = seq; }
    // Sends a session message; false while not connected (the caller keeps it to resend).
    bool send(std::string text);

    // Advances the state machine with everything the link reported, at time `now` (seconds).
    ConnectionUpdate update(double now);

    const ConnectionView& view() const { return view_; }

private:
    void on_handshake_reply(const std::string& text, ConnectionUpdate& update);
    void on_closed(const LinkClosed& closed, double now);
    void start_attempt();

    Link& link_;
    std::string client_name_;
    ConnectionView view_;
    std::optional<std::string> token_;
    std::optional<std::uint64_t> resume_from_;
    double retry_at_ = 0;
};

// Delay before reconnect attempt number `attempts` (1, 2, 4 … capped at 30 seconds).
double retry_delay_seconds(int attempts);

}  // namespace parley::console
