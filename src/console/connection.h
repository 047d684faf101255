// The console's connection to the server as a state machine: connect, say hello, wait for
// the welcome, and after a loss reconnect with a growing delay. Time comes in as an argument
// so the behaviour is testable frame by frame. No ImGui, no sockets.
#pragma once

#include "console/link.h"

#include <string>

namespace parley::console {

enum class ConnectionStatus { connecting, handshaking, connected, refused, waiting_to_retry };

// The status as a stable machine word ("connected", "reconnecting", …).
const char* status_name(ConnectionStatus status);
// The status in a few words for people, as the top bar and the page title show it.
const char* connection_label(ConnectionStatus status);

struct ConnectionView {
    ConnectionStatus status = ConnectionStatus::connecting;
    std::string server;          // where the link goes
    std::string server_version;  // once welcomed
    int protocol_version = 0;    // the server's, once welcomed
    std::string problem;         // why the last attempt failed, in a sentence
    double retry_in_seconds = 0;
    int attempts = 0;
};

class Connection {
public:
    Connection(Link& link, std::string client_name);

    // Advances the state machine with everything the link reported, at time `now` (seconds).
    void update(double now);

    const ConnectionView& view() const { return view_; }

private:
    void on_message(const std::string& text);
    void on_closed(const std::string& reason, double now);
    void start_attempt();

    Link& link_;
    std::string client_name_;
    ConnectionView view_;
    double retry_at_ = 0;
    bool started_ = false;
};

// Delay before reconnect attempt number `attempts` (1, 2, 4 … capped at 30 seconds).
double retry_delay_seconds(int attempts);

}  // namespace parley::console
