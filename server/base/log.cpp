// stderr logging with one lock so lines from I/O threads never interleave.
#include "server/base/log.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace parley::server {
namespace {

void write_line(const char* level, std::string_view line) {
    static std::mutex mutex;
    const auto now = std::chrono::system_clock::now();
    const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
    const std::lock_guard lock(mutex);
    std::fprintf(stderr, "%s.%03dZ %s %.*s\n", stamp, static_cast<int>(millis), level,
                 static_cast<int>(line.size()), line.data());
    std::fflush(stderr);
}

}  // namespace

void log_info(std::string_view line) {
    write_line("info", line);
}
void log_warning(std::string_view line) {
    write_line("warning", line);
}
void log_error(std::string_view line) {
    write_line("error", line);
}

}  // namespace parley::server
