#include "server_process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace parley::server::testing {

ServerProcess::ServerProcess(const char* binary, const std::filesystem::path& dir,
                             bool demo_expected) {
    int out[2];
    if (pipe(out) != 0) {
        throw std::runtime_error("pipe failed");
    }
    pid_ = fork();
    if (pid_ == 0) {
        dup2(out[1], STDOUT_FILENO);
        close(out[0]);
        const std::string data = (dir / "data").string();
        const std::string web = dir.string();
        execl(binary, binary, "--listen", "127.0.0.1:0", "--data-dir", data.c_str(), "--web-root",
              web.c_str(), "--demo", "--ip-requests-per-second", "100000", "--commands-per-second",
              "100000", static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    output_ = fdopen(out[0], "r");
    const std::string listening = "listening on http://127.0.0.1:";
    char line[512];
    while (std::fgets(line, sizeof line, output_)) {
        const std::string text(line);
        if (const auto at = text.find(listening); at != std::string::npos) {
            port_ = static_cast<unsigned short>(std::stoi(text.substr(at + listening.size())));
        }
        const bool demo_done = text.find("chen /") != std::string::npos;
        if (port_ != 0 && (!demo_expected || demo_done)) {
            break;
        }
    }
}

ServerProcess::~ServerProcess() {
    if (pid_ > 0) {
        kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
    }
    if (output_) {
        std::fclose(output_);
    }
}

void ServerProcess::kill_hard() {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

int ServerProcess::terminate() {
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

double ServerProcess::rss_kib() const {
    std::FILE* status = std::fopen(("/proc/" + std::to_string(pid_) + "/status").c_str(), "r");
    if (status == nullptr) {
        return 0;
    }
    char line[256];
    double kib = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::sscanf(line, "VmRSS: %lf kB", &kib) == 1) {
            break;
        }
    }
    std::fclose(status);
    return kib;
}

}  // namespace parley::server::testing
