// One HTTP/1.1 request to the console's server over a fresh connection, asynchronously on the
// console's I/O thread (io_thread.h): resolve, connect, write, read, then `done` once, on that
// thread. May be started from any thread; never throws and never blocks the caller.
#pragma once

#include "server_address.h"

#include <boost/asio/io_context.hpp>
#include <boost/beast/http/verb.hpp>

#include <functional>
#include <optional>
#include <string>

namespace parley::shell {

struct HttpRequest {
    boost::beast::http::verb verb = boost::beast::http::verb::get;
    std::string target;
    // The signed-in user's bearer token, if any.
    std::optional<std::string> token;
    std::string body;
    // The body's type, sent with a body only.
    std::string content_type = "application/json";
    // An upload's file name, percent-encoded (X-File-Name, as the browser console sends it).
    std::optional<std::string> file_name;
};

struct HttpReply {
    // 0: no answer came; `body` then says why, in a sentence for people.
    unsigned status = 0;
    std::string body;
    // How the server names a download (Content-Disposition), empty when it does not.
    std::string content_disposition;
};

using HttpDone = std::function<void(HttpReply)>;

void start_http_exchange(boost::asio::io_context& io, const ServerAddress& server,
                         HttpRequest request, HttpDone done);

}  // namespace parley::shell
