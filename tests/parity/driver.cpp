// parity_driver: runs scenarios through the domain core and prints what happened, so the
// native and the wasm build can be compared byte for byte (tests/parity/README.md).
//
// parity_driver                       reads one scenario from stdin, writes to stdout
// parity_driver IN OUT [IN OUT ...]   runs each scenario file IN into the file OUT, each from
//                                     an empty world (one process for all: starting node and
//                                     compiling the wasm once per scenario took most of the test)
//
// A scenario: JSON Lines, one command envelope per line (protocol::decode_command); blank lines
//         and lines starting with '#' are skipped. The world starts as an empty core::State.
// Its output: per command, one line per event (protocol::encode_event), or one rejection, or one
//         duplicate notice, or one protocol error for a line that does not decode; then the
//         final state snapshot. After the snapshot, a line per self-check that failed:
//         replaying every event into a fresh State, and decoding the snapshot, must both give
//         the live State back.
// Exit status 0; 1 when an output could not be written; 2 when an input cannot be read or the
// arguments do not pair up.
//
// Depends on parley_core and parley_protocol only: no clock, no randomness, no platform code.
#include <fstream>
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

void emit(std::ostream& out, const std::string& line) {
    out << line << '\n';
}

void emit_check_failure(std::ostream& out, const std::string& code, const std::string& message) {
    emit(out, protocol::encode_error(protocol::WireError{code, message}));
}

// Runs one scenario from an empty world; false when the output could not be written.
bool run_scenario(std::istream& in, std::ostream& out) {
    State state;
    std::vector<EventEnvelope> log;
    std::string line;
    while (std::getline(in, line)) {
        // Scenarios written on Windows still read the same.
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (is_comment_or_blank(line)) {
            continue;
        }
        const auto command = protocol::decode_command(line);
        if (!command) {
            emit(out, protocol::encode_error(command.error()));
            continue;
        }
        const auto decision = parley::core::decide(state, command.value());
        if (decision.duplicate) {
            emit(out, protocol::encode_duplicate(command.value().id));
        } else if (decision.rejection) {
            emit(out, protocol::encode_rejection(*decision.rejection));
        }
        for (const EventEnvelope& event : decision.events) {
            emit(out, protocol::encode_event(event));
            parley::core::apply(state, event);
            log.push_back(event);
        }
    }

    const std::string snapshot = protocol::encode_snapshot(state);
    emit(out, snapshot);

    State replayed;
    parley::core::apply(replayed, log);
    if (!(replayed == state)) {
        emit_check_failure(out, "replay_mismatch",
                           "Replaying the scenario's events gave a different State.");
    }
    const auto decoded = protocol::decode_snapshot(snapshot);
    if (!decoded) {
        emit(out, protocol::encode_error(decoded.error()));
    } else if (!(decoded.value() == state)) {
        emit_check_failure(out, "snapshot_mismatch",
                           "Decoding the final snapshot gave a different State.");
    }
    out.flush();
    return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    if (argc == 1) {
        return run_scenario(std::cin, std::cout) ? 0 : 1;
    }
    if (argc % 2 != 1) {
        std::cerr << "usage: parity_driver [IN OUT ...]: each scenario file IN needs an OUT\n";
        return 2;
    }
    for (int pair = 1; pair < argc; pair += 2) {
        std::ifstream in(argv[pair]);
        if (!in) {
            std::cerr << "parity_driver: cannot read " << argv[pair] << '\n';
            return 2;
        }
        std::ofstream out(argv[pair + 1]);
        if (!run_scenario(in, out)) {
            std::cerr << "parity_driver: cannot write " << argv[pair + 1] << '\n';
            return 1;
        }
    }
    return 0;
}
