// The REST routes, grouped by the file that implements them. The knowledge base's and the
// webhook's live in their folders, the metrics' beside the server's other plain HTTP answers;
// server/api_routes.cpp lists every group.
#pragma once

#include <boost/beast/http/verb.hpp>
#include <span>
#include <string_view>

#include "server/rest/call.h"

namespace parley::server::rest {

struct Route {
    boost::beast::http::verb method;
    // Segments; "{name}" captures one into Call::params.
    std::string_view pattern;
    Handler handler;
    // Whether the route works without a credential (sign-in, starting a chat as a customer).
    bool open = false;
};

std::span<const Route> session_routes();
std::span<const Route> chat_routes();
std::span<const Route> attachment_routes();
std::span<const Route> admin_routes();
std::span<const Route> analytics_routes();
std::span<const Route> history_routes();
std::span<const Route> ticket_routes();
std::span<const Route> customer_routes();
std::span<const Route> contract_routes();

}  // namespace parley::server::rest
