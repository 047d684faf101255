// The REST API under /api (documented in server/README.md): sign-in, chats for customers and
// integrations, messages for clients without WebSocket, attachments, chat search and
// transcripts, and administration. Every request is authenticated and rate limited, every
// change goes through the authority as a command, so the core checks it like any other.
#pragma once

#include <boost/asio/thread_pool.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "server/base/http_responses.h"
#include "server/services.h"

namespace parley::server {

// A download read from disk a little at a time as the client takes it, so a client that
// stops reading holds a small buffer, not the whole file.
using FileResponse = boost::beast::http::response<boost::beast::http::file_body>;
using ApiResponse = std::variant<HttpResponse, FileResponse>;

struct RequestContext {
    std::string client_ip;
};

namespace rest {
struct Route;
}

// What a request's headers alone decide: its route and who sends it. The body is read only
// after this, so a stranger's upload is refused before a byte of it is held.
struct Admission {
    const rest::Route* route = nullptr;
    // Named segments of the route ("{chat}" → params["chat"]).
    std::map<std::string, std::string> params;
    std::optional<Principal> principal;
};

// Called exactly once, from any thread.
using Respond = std::function<void(ApiResponse)>;

class RestApi {
public:
    // Every route the API answers; the first match wins.
    RestApi(Services& services, std::span<const rest::Route> routes);

    static bool handles(std::string_view target);
    // The largest body this request may carry: uploads are bigger than JSON.
    static std::uint64_t body_limit(boost::beast::http::verb method, std::string_view target,
                                    const ServerConfig& config);

    // The route and caller for these headers, or the answer refusing them: 404 or 405, 401
    // for a route that needs a credential and has none that works, 403 cross_site_request.
    std::variant<Admission, HttpResponse> admit(const HttpRequest& header) const;
    // The whole request, once admit() has let its headers through.
    void handle(HttpRequest request, Admission admission, RequestContext context, Respond respond);

private:
    Services& services_;
    std::span<const rest::Route> routes_;
    // Account and file work that blocks (argon2id, a commit, a disk read) runs here, never on
    // the authority's strand. Its destructor waits for running work, and the Server destroys
    // the API before the services that work uses.
    boost::asio::thread_pool workers_{2};
};

}  // namespace parley::server
