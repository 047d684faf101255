#include "console/format.h"

#include <cstdio>

namespace parley::console {

namespace {

struct CivilTime {
    long long year;
    unsigned month;
    unsigned day;
    long long minute_of_day;
};

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil,
// inverted): no <chrono> calendar in libc++ 14.
CivilTime civil_from(core::Timestamp at) {
    constexpr long long kMsPerDay = 86'400'000;
    long long days = at / kMsPerDay;
    long long ms = at % kMsPerDay;
    if (ms < 0) {
        ms += kMsPerDay;
        --days;
    }
    days += 719468;
    const long long era = (days >= 0 ? days : days - 146096) / 146097;
    const long long doe = days - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long day = doy - (153 * mp + 2) / 5 + 1;
    const long long month = mp < 10 ? mp + 3 : mp - 9;
    const long long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    return {year, static_cast<unsigned>(month), static_cast<unsigned>(day), ms / 60'000};
}

}  // namespace

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
    const CivilTime time = civil_from(at);
    char text[48];
    std::snprintf(text, sizeof text, "%02lld:%02lld", time.minute_of_day / 60,
                  time.minute_of_day % 60);
    return text;
}

std::string format_date_time(core::Timestamp at) {
    const CivilTime time = civil_from(at);
    char text[64];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u %02lld:%02lld", time.year, time.month,
                  time.day, time.minute_of_day / 60, time.minute_of_day % 60);
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
