// parley-server as a child process on a data folder, for tests that kill it (SIGKILL) or stop
// it (SIGTERM) as an operator would. Its port is read from the line it prints when listening.
#pragma once

#include <sys/types.h>

#include <cstdio>
#include <filesystem>

namespace parley::server::testing {

class ServerProcess {
public:
    // Runs `binary` with --demo on `dir`/data. With `demo_expected`, waits until the demo
    // accounts are printed (they are usable then).
    ServerProcess(const char* binary, const std::filesystem::path& dir, bool demo_expected);
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    void kill_hard();
    // SIGTERM, then the exit status.
    int terminate();

    unsigned short port() const { return port_; }
    pid_t pid() const { return pid_; }
    // Its resident memory in KiB (VmRSS, from /proc); 0 once it is gone.
    double rss_kib() const;

private:
    pid_t pid_ = -1;
    FILE* output_ = nullptr;
    unsigned short port_ = 0;
};

}  // namespace parley::server::testing
