// What /proc says about a process on this machine: the server benchmark reads its own child
// server this way. The load mode reads a server anywhere through its /metrics instead.
#pragma once

#include <sys/types.h>

namespace parley::load {

// utime + stime of a process, in seconds (getpid() for this one).
double cpu_seconds(pid_t pid);
// VmRSS of a process, in MiB.
double rss_mib(pid_t pid);

// The whole machine's CPU since boot, in seconds summed over cores: busy and all.
struct MachineCpu {
    double busy = 0;
    double total = 0;
};
MachineCpu machine_cpu();

// Ten thousand sockets need more descriptors than a shell's default soft limit.
void raise_descriptor_limit();

}  // namespace parley::load
