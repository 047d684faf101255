// Where the desktop console's server is: the host and port given as --server HOST:PORT.
#pragma once

#include <string>

namespace parley::shell {

struct ServerAddress {
    std::string host;
    std::string port;

    // "host:port", for the Host header and for people.
    std::string authority() const { return host + ":" + port; }
};

}  // namespace parley::shell
