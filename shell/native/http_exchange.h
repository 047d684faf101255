// One HTTP/1.1 request to the console's server over a fresh connection (Beast), blocking:
// callers run it on a worker thread. Throws on network errors.
#pragma once

#include <boost/beast/http/verb.hpp>

#include <optional>
#include <string>

namespace parley::shell {

struct HttpReply {
    unsigned status = 0;
    std::string body;
};

HttpReply http_exchange(const std::string& host, const std::string& port,
                        boost::beast::http::verb verb, const std::string& target,
                        const std::optional<std::string>& token, const std::string& body);

}  // namespace parley::shell
