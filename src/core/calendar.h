// Calendar arithmetic on UTC timestamps, without a clock or time zone database: the same
// answer natively and in the browser. Standard library only.
#pragma once

#include <cstdint>
#include <string>

#include "core/ids.h"

namespace parley::core {

struct CivilDay {
    std::int64_t year = 1970;
    int month = 1;
    int day = 1;
    // 0 Sunday ... 6 Saturday.
    int weekday = 4;
    // Milliseconds since that day's midnight UTC.
    Duration time_of_day = 0;
};

CivilDay civil_day(Timestamp at);

// The UTC day of an instant: "2026-12-06".
std::string day_of(Timestamp at);
// The UTC time of day of an instant to the minute: "22:44".
std::string clock_of(Timestamp at);
// An instant as ISO 8601 in UTC to the second: "2026-12-06T22:44:05Z".
std::string iso_time(Timestamp at);

}  // namespace parley::core
