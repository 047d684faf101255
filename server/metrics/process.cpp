#include "process.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cmath>
#include <fstream>

namespace parley::server::metrics {
namespace {

double seconds(const timeval& time) {
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

double cpu_seconds() {
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) != 0) {
        return std::nan("");
    }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// Linux: statm's second field is the resident set, in pages.
double resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    long long size = 0;
    long long resident = 0;
    if (!(statm >> size >> resident)) {
        return std::nan("");
    }
    return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE));
}

}  // namespace

void add_process_metrics(Registry& registry) {
    registry.callback_gauge("process_cpu_seconds_total",
                            "User and system CPU time the server has used, in seconds.",
                            cpu_seconds);
    registry.callback_gauge("process_resident_memory_bytes",
                            "The server's resident memory, in bytes.", resident_bytes);
}

}  // namespace parley::server::metrics
