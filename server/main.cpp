// parley-server entry point: reads the configuration, opens the server, runs until SIGINT or
// SIGTERM, then stops in order (see Server::stop) and exits 0.
#include <sys/resource.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server/base/config.h"
#include "server/base/log.h"
#include "server/server.h"

namespace {

std::optional<std::string> getenv_string(const std::string& name) {
    if (const char* value = std::getenv(name.c_str())) {
        return std::string(value);
    }
    return std::nullopt;
}

std::optional<std::string> read_text_file(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) {
        return std::nullopt;
    }
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

parley::core::Timestamp wall_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Every connection is a descriptor; the default soft limit (1024) would cap a busy server
// long before its memory or CPU do.
void raise_descriptor_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

}  // namespace

int main(int argc, char** argv) {
    using namespace parley::server;
    const auto parsed = parse_config(std::vector<std::string>(argv + 1, argv + argc), getenv_string,
                                     read_text_file);
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::cout << usage_text();
        return 0;
    }
    if (const auto* error = std::get_if<ConfigError>(&parsed)) {
        std::cerr << "parley-server: " << error->message << "\n" << usage_text();
        return 2;
    }
    const auto& config = std::get<ServerConfig>(parsed);
    raise_descriptor_limit();
    if (!std::filesystem::is_regular_file(config.web_root / "index.html")) {
        log_warning("no index.html in web root " + config.web_root.string() +
                    "; the console will not load (build it with './parley build wasm')");
    }

    // Signals are taken by this thread only, with sigwait, so I/O threads never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    auto opened = Server::open(config, ServerOptions{wall_clock_ms});
    if (const auto* error = std::get_if<std::string>(&opened)) {
        std::cerr << "parley-server: " << *error << "\n";
        return 1;
    }
    auto& server = *std::get<std::unique_ptr<Server>>(opened);
    server.start();
    const auto endpoint = server.endpoint();
    std::cout << "parley-server " PARLEY_VERSION " listening on http://"
              << endpoint.address().to_string() << ":" << endpoint.port() << " (web root "
              << config.web_root << ", data " << config.data_dir << ", " << server.thread_count()
              << " threads)" << std::endl;
    for (const std::string& line : server.demo_lines()) {
        std::cout << line << "\n";
    }
    std::cout << std::flush;

    const timespec poll{0, 200'000'000};
    while (!server.failed()) {
        const int signal = sigtimedwait(&signals, nullptr, &poll);
        if (signal == SIGINT || signal == SIGTERM) {
            log_info(std::string("received ") + (signal == SIGINT ? "SIGINT" : "SIGTERM") +
                     ": stopping");
            server.stop();
            log_info("stopped");
            return 0;
        }
    }
    log_error("stopping after a failed commit: the state is ahead of the disk");
    return 1;
}
