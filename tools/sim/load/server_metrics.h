// A server's own figures from its GET /metrics (Prometheus text): how a client anywhere reads
// the server's CPU and memory, and its pipeline's counters.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "load_generator.h"

namespace parley::load {

// The series without labels, by name; nothing when the server did not answer 200. `token`:
// an admin's session or the server's --metrics-token, which /metrics asks for.
std::optional<std::map<std::string, double>> read_metrics(boost::asio::io_context& io,
                                                          const tcp::endpoint& server,
                                                          const std::string& token);

// The same, from the text itself.
std::map<std::string, double> parse_metrics(std::string_view text);

// process_cpu_seconds_total and process_resident_memory_bytes, when the server has them.
std::optional<ServerReading> server_reading(const std::map<std::string, double>& metrics);

}  // namespace parley::load
