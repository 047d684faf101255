#include "console/format.h"

#include <cstdio>

#include "core/calendar.h"

namespace parley::console {

std::string format_duration(core::Duration duration) {
    const long long seconds = duration < 0 ? 0 : duration / 1000;
    char text[64];
    if (seconds < 60) {
        std::snprintf(text, sizeof text, "%lld s", seconds);
    } else if (seconds < 3600) {
        std::snprintf(text, sizeof text, "%lld:%02lld", seconds / 60, seconds % 60);
    } else {
        std::snprintf(text, sizeof text, "%lld h %02lld min", seconds / 3600,
                      (seconds % 3600) / 60);
    }
    return text;
}

std::string format_clock(core::Timestamp at) {
    const long long minute = core::civil_day(at).time_of_day / core::kMinute;
    char text[48];
    std::snprintf(text, sizeof text, "%02lld:%02lld", minute / 60, minute % 60);
    return text;
}

std::string format_date_time(core::Timestamp at) {
    const core::CivilDay day = core::civil_day(at);
    const long long minute = day.time_of_day / core::kMinute;
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02d-%02d %02lld:%02lld",
                  static_cast<long long>(day.year), day.month, day.day, minute / 60, minute % 60);
    return text;
}

std::string format_date_time_seconds(core::Timestamp at) {
    constexpr core::Timestamp kMsPerMinute = 60'000;
    const core::Timestamp second = ((at % kMsPerMinute) + kMsPerMinute) % kMsPerMinute / 1000;
    char text[16];
    std::snprintf(text, sizeof text, ":%02lld", static_cast<long long>(second));
    return format_date_time(at) + text;
}

std::string format_size(std::uint64_t bytes) {
    return std::to_string((bytes + 1023) / 1024) + " KB";
}

std::string attribute_label(std::string_view key) {
    constexpr std::string_view kExternalId = "external_id";
    if (key == kExternalId) {
        return "External ID";
    }
    if (key.starts_with(kExternalId) && key.size() > kExternalId.size() + 1 &&
        key[kExternalId.size()] == '.') {
        return std::string(key.substr(kExternalId.size() + 1)) + " ID";
    }
    std::string label(key);
    for (char& c : label) {
        if (c == '_') {
            c = ' ';
        }
    }
    if (!label.empty() && label.front() >= 'a' && label.front() <= 'z') {
        label.front() = static_cast<char>(label.front() - 'a' + 'A');
    }
    return label;
}

}  // namespace parley::console
