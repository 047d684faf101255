// How the console writes times, durations, file sizes and attribute names for people. No ImGui.
#pragma once

#include "core/ids.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace parley::console {

// "42 s", "3:07", "1 h 05 min".
std::string format_duration(core::Duration duration);
// "14:05" in UTC; the transcript says which zone it shows.
std::string format_clock(core::Timestamp at);
// "2024-05-01 14:05" in UTC.
std::string format_date_time(core::Timestamp at);
// "2024-05-01 14:05:09" in UTC: to the second, for the audit trail.
std::string format_date_time_seconds(core::Timestamp at);
// "12 KB", rounded up so a small file never reads "0 KB".
std::string format_size(std::uint64_t bytes);
// A bot hand-off attribute's key as a label: "external_id.crm" → "crm ID",
// "external_id" → "External ID", "order_number" → "Order number".
std::string attribute_label(std::string_view key);

}  // namespace parley::console
