#include "core/calendar.h"

namespace parley::core {
namespace {

// `value` in decimal with leading zeros up to `width` digits.
std::string padded(std::int64_t value, std::size_t width) {
    std::string digits = std::to_string(value);
    return std::string(digits.size() < width ? width - digits.size() : 0, '0') + digits;
}

}  // namespace

CivilDay civil_day(Timestamp at) {
    std::int64_t days = at / kDay - (at % kDay < 0 ? 1 : 0);
    CivilDay out;
    out.time_of_day = at - days * kDay;
    out.weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const std::int64_t doe = days - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    out.year = yoe + era * 400 + (out.month <= 2 ? 1 : 0);
    return out;
}

std::string day_of(Timestamp at) {
    const CivilDay day = civil_day(at);
    return padded(day.year, 4) + "-" + padded(day.month, 2) + "-" + padded(day.day, 2);
}

std::string clock_of(Timestamp at) {
    const Duration in_day = civil_day(at).time_of_day;
    return padded(in_day / kHour, 2) + ":" + padded(in_day % kHour / kMinute, 2);
}

std::string iso_time(Timestamp at) {
    const Duration in_day = civil_day(at).time_of_day;
    return day_of(at) + "T" + clock_of(at) + ":" + padded(in_day % kMinute / kSecond, 2) + "Z";
}

}  // namespace parley::core
