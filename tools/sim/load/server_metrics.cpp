#include "server_metrics.h"

#include <charconv>

namespace parley::load {

std::optional<std::map<std::string, double>> read_metrics(boost::asio::io_context& io,
                                                          const tcp::endpoint& server,
                                                          const std::string& token) {
    const HttpResult answer =
        run_http(io, server, {{boost::beast::http::verb::get, "/metrics", "", token}}, 1).front();
    if (answer.status != 200) {
        return std::nullopt;
    }
    return parse_metrics(answer.body);
}

std::map<std::string, double> parse_metrics(std::string_view text) {
    std::map<std::string, double> series;
    while (!text.empty()) {
        const std::size_t end = std::min(text.find('\n'), text.size());
        const std::string_view line = text.substr(0, end);
        text.remove_prefix(std::min(end + 1, text.size()));
        // "name value"; comments and labelled series ("name{…} value") are left out.
        const std::size_t space = line.find(' ');
        if (line.empty() || line.front() == '#' || space == std::string_view::npos ||
            line.substr(0, space).find('{') != std::string_view::npos) {
            continue;
        }
        const std::string_view number = line.substr(space + 1);
        double value = 0;
        const auto [ptr, error] =
            std::from_chars(number.data(), number.data() + number.size(), value);
        if (error == std::errc{} && ptr != number.data()) {
            series[std::string(line.substr(0, space))] = value;
        }
    }
    return series;
}

std::optional<ServerReading> server_reading(const std::map<std::string, double>& metrics) {
    const auto cpu = metrics.find("process_cpu_seconds_total");
    const auto memory = metrics.find("process_resident_memory_bytes");
    if (cpu == metrics.end() || memory == metrics.end()) {
        return std::nullopt;
    }
    return ServerReading{cpu->second, memory->second / (1024.0 * 1024.0)};
}

}  // namespace parley::load
