// Analytics rows as CSV for a spreadsheet (the JSON answer is protocol::rest::AnalyticsReport).
// Durations are seconds in CSV, where a spreadsheet reads them.
#pragma once

#include <string>
#include <vector>

#include "core/analytics.h"

namespace parley::protocol {

// A header line and one line per row (RFC 4180: CRLF, quoted when needed). A cell that a
// spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is written with
// a leading apostrophe.
std::string analytics_csv(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by);

}  // namespace parley::protocol
