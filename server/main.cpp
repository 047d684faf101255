// parley-server entry point: reads the configuration, wires listener and files, runs one I/O
// thread per core until SIGINT or SIGTERM.
#include "server/config.h"
#include "server/listener.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <cstdlib>
#include <iostream>
#include <thread>
#include <vector>

namespace {

std::optional<std::string> getenv_string(const std::string& name) {
    if (const char* value = std::getenv(name.c_str())) {
        return std::string(value);
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace parley::server;
    const auto parsed = parse_config(std::vector<std::string>(argv + 1, argv + argc),
                                     getenv_string);
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::cout << usage_text();
        return 0;
    }
    if (const auto* error = std::get_if<ConfigError>(&parsed)) {
        std::cerr << "parley-server: " << error->message << "\n" << usage_text();
        return 2;
    }
    const auto& config = std::get<ServerConfig>(parsed);

    std::error_code fs_error;
    std::filesystem::create_directories(config.data_dir, fs_error);
    if (fs_error) {
        std::cerr << "parley-server: cannot create data directory " << config.data_dir << ": "
                  << fs_error.message() << "\n";
        return 1;
    }
    if (!std::filesystem::is_regular_file(config.web_root / "index.html")) {
        std::cerr << "parley-server: warning: no index.html in web root " << config.web_root
                  << "; the console will not load (build it with './parley build wasm')\n";
    }

    const unsigned threads =
        config.threads != 0 ? config.threads : std::max(1u, std::thread::hardware_concurrency());
    boost::asio::io_context io(static_cast<int>(threads));
    boost::system::error_code address_error;
    const auto address = boost::asio::ip::make_address(config.address, address_error);
    if (address_error) {
        std::cerr << "parley-server: '" << config.address << "' is not an IP address\n";
        return 2;
    }
    std::shared_ptr<Listener> listener;
    try {
        listener = std::make_shared<Listener>(
            io, boost::asio::ip::tcp::endpoint(address, config.port),
            std::make_shared<const StaticFiles>(config.web_root));
    } catch (const boost::system::system_error& error) {
        std::cerr << "parley-server: cannot listen on " << config.address << ":" << config.port
                  << ": " << error.code().message() << "\n";
        return 1;
    }
    listener->run();

    boost::asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&io](boost::system::error_code, int) { io.stop(); });

    const auto endpoint = listener->local_endpoint();
    std::cout << "parley-server " PARLEY_VERSION " listening on http://"
              << endpoint.address().to_string() << ":" << endpoint.port() << " (web root "
              << config.web_root << ", data " << config.data_dir << ", " << threads
              << " threads)" << std::endl;

    std::vector<std::thread> pool;
    for (unsigned i = 1; i < threads; ++i) {
        pool.emplace_back([&io] { io.run(); });
    }
    io.run();
    for (auto& thread : pool) {
        thread.join();
    }
    return 0;
}
