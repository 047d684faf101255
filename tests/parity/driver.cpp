// parity_driver: runs one scenario through the domain core and prints what happened, so the
// native and the wasm build can be compared byte for byte (tests/parity/README.md).
//
// stdin:  JSON Lines, one command envelope per line (protocol::decode_command); blank lines
//         and lines starting with '#' are skipped. The world starts as an empty core::State.
// stdout: per command, one line per event (protocol::encode_event), or one rejection, or one
//         duplicate notice, or one protocol error for a line that does not decode; then the
//         final state snapshot. After the snapshot, a line per self-check that failed:
//         replaying every event into a fresh State, and decoding the snapshot, must both give
//         the live State back.
// Exit status 0, or 1 when stdout could not be written.
//
// Depends on parley_core and parley_protocol only: no clock, no randomness, no platform code.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"
#include "protocol/codec.h"
#include "protocol/handshake.h"

namespace {

using parley::core::EventEnvelope;
using parley::core::State;
namespace protocol = parley::protocol;

bool is_comment_or_blank(std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    return first == std::string_view::npos || line[first] == '#';
}

void emit(const std::string& line) {
    std::cout << line << '\n';
}

void emit_check_failure(const std::string& code, const std::string& message) {
    emit(protocol::encode_error(protocol::WireError{code, message}));
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    State state;
    std::vector<EventEnvelope> log;
    std::string line;
    while (std::getline(std::cin, line)) {
        // Scenarios written on Windows still read the same.
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (is_comment_or_blank(line)) {
            continue;
        }
        const auto command = protocol::decode_command(line);
        if (!command) {
            emit(protocol::encode_error(command.error()));
            continue;
        }
        const auto decision = parley::core::decide(state, command.value());
        if (decision.duplicate) {
            emit(protocol::encode_duplicate(command.value().id));
        } else if (decision.rejection) {
            emit(protocol::encode_rejection(*decision.rejection));
        }
        for (const EventEnvelope& event : decision.events) {
            emit(protocol::encode_event(event));
            parley::core::apply(state, event);
            log.push_back(event);
        }
    }

    const std::string snapshot = protocol::encode_snapshot(state);
    emit(snapshot);

    State replayed;
    parley::core::apply(replayed, log);
    if (!(replayed == state)) {
        emit_check_failure("replay_mismatch",
                           "Replaying the scenario's events gave a different State.");
    }
    const auto decoded = protocol::decode_snapshot(snapshot);
    if (!decoded) {
        emit(protocol::encode_error(decoded.error()));
    } else if (!(decoded.value() == state)) {
        emit_check_failure("snapshot_mismatch",
                           "Decoding the final snapshot gave a different State.");
    }
    std::cout.flush();
    return std::cout ? 0 : 1;
}
