#include "process_figures.h"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string>

namespace parley::load {
namespace {

double clock_ticks_per_second() {
    return static_cast<double>(sysconf(_SC_CLK_TCK));
}

}  // namespace

double cpu_seconds(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    std::getline(file, line);
    // The command name (field 2) may hold spaces; the fields after its closing ')' do not.
    const std::size_t name_end = line.rfind(')');
    if (name_end == std::string::npos) {
        return 0;
    }
    std::istringstream fields(line.substr(name_end + 1));
    std::string skipped;
    for (int field = 3; field < 14; ++field) {
        fields >> skipped;
    }
    unsigned long long user = 0;
    unsigned long long system = 0;
    fields >> user >> system;
    return static_cast<double>(user + system) / clock_ticks_per_second();
}

double rss_mib(pid_t pid) {
    std::ifstream file("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(file, line)) {
        if (line.starts_with("VmRSS:")) {
            std::istringstream fields(line.substr(6));
            double kib = 0;
            fields >> kib;
            return kib / 1024.0;
        }
    }
    return 0;
}

MachineCpu machine_cpu() {
    std::ifstream file("/proc/stat");
    std::string label;
    file >> label;
    // user nice system idle iowait irq softirq steal
    unsigned long long ticks[8] = {};
    for (unsigned long long& value : ticks) {
        file >> value;
    }
    unsigned long long total = 0;
    for (const unsigned long long value : ticks) {
        total += value;
    }
    const unsigned long long idle = ticks[3] + ticks[4];
    return {static_cast<double>(total - idle) / clock_ticks_per_second(),
            static_cast<double>(total) / clock_ticks_per_second()};
}

void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace parley::load
