// Analytics rows on the wire: JSON for the console and integrations, CSV for a spreadsheet.
// Durations are whole seconds in CSV and milliseconds in JSON, like every other time here.
#pragma once

#include <string>
#include <vector>

#include "core/analytics.h"

namespace parley::protocol {

// {"by":"queue","from":…,"to":…,"rows":[{"group":"General","chats":3,…}]}
std::string encode_analytics(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by,
                             core::Timestamp from, core::Timestamp to);

// A header line and one line per row (RFC 4180: CRLF, quoted when needed). A cell that a
// spreadsheet would run as a formula (=, +, -, @, tab or carriage return first) is written with
// a leading apostrophe.
std::string analytics_csv(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by);

}  // namespace parley::protocol
