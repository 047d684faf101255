#include "protocol/analytics_codec.h"

#include <cstdio>
#include <string_view>

#include "core/names.h"

namespace parley::protocol {
namespace {

// OWASP's list: a spreadsheet also runs a formula after a leading tab or carriage return.
constexpr std::string_view kFormulaStarts = "=+-@\t\r";

std::string csv_cell(std::string_view text) {
    std::string cell(text);
    if (!cell.empty() && kFormulaStarts.find(cell.front()) != std::string_view::npos) {
        cell.insert(cell.begin(), '\'');
    }
    if (cell.find_first_of(",\"\r\n") == std::string::npos) {
        return cell;
    }
    std::string quoted = "\"";
    for (const char c : cell) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

std::string fixed(double value, int decimals) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string seconds(core::Duration duration) {
    return fixed(static_cast<double>(duration) / 1000.0, 1);
}

}  // namespace

std::string analytics_csv(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by) {
    std::string csv = std::string(core::to_string(by)) +
                      ",chats,closed,abandoned,abandonment_rate,messages,messages_per_chat,"
                      "first_response_s,response_s,resolution_s,wait_s,csat,csat_count\r\n";
    for (const core::AnalyticsRow& row : rows) {
        const core::Metrics& m = row.metrics;
        csv += csv_cell(row.group) + "," + std::to_string(m.chats) + "," +
               std::to_string(m.closed) + "," + std::to_string(m.abandoned) + "," +
               fixed(m.abandonment_rate(), 3) + "," + std::to_string(m.messages) + "," +
               fixed(m.messages_per_chat(), 2) + "," + seconds(m.average_first_response()) + "," +
               seconds(m.average_response()) + "," + seconds(m.average_resolution()) + "," +
               seconds(m.average_wait()) + "," + fixed(m.average_csat(), 2) + "," +
               std::to_string(m.csat_count) + "\r\n";
    }
    return csv;
}

}  // namespace parley::protocol
