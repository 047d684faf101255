// The REST routes and the handlers of server/rest. The knowledge base's and the webhook's
// handlers live in their folders, the metrics' beside the server's other plain HTTP answers;
// server/api_routes.cpp binds each to its operation in the contract, which gives the method and
// the path.
#pragma once

#include <boost/beast/http/verb.hpp>
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

// The handlers, by the contract's operation ids (protocol/rest/contract.h), file by file.

// routes_session.cpp
void sign_in(const CallPtr& call);
void who_am_i(const CallPtr& call);
void sign_out(const CallPtr& call);
void change_password(const CallPtr& call);
// routes_chats.cpp
void start_chat(const CallPtr& call);
void get_chat(const CallPtr& call);
void list_messages(const CallPtr& call);
void post_message(const CallPtr& call);
void list_chats(const CallPtr& call);
void chat_transcript(const CallPtr& call);
// routes_attachments.cpp
void upload_attachment(const CallPtr& call);
void download_attachment(const CallPtr& call);
// routes_history.cpp, routes_analytics.cpp
void chat_history(const CallPtr& call);
void analytics_report(const CallPtr& call);
// routes_admin.cpp
void list_queues(const CallPtr& call);
void list_agents(const CallPtr& call);
void list_canned_responses(const CallPtr& call);
void get_settings(const CallPtr& call);
void create_agent(const CallPtr& call);
void reset_password(const CallPtr& call);
void list_api_keys(const CallPtr& call);
void create_api_key(const CallPtr& call);
void revoke_api_key(const CallPtr& call);
void run_command(const CallPtr& call);
// routes_tickets.cpp, routes_customers.cpp
void get_ticket(const CallPtr& call);
void set_ticket_status(const CallPtr& call);
void set_customer_profile(const CallPtr& call);
void list_customer_tickets(const CallPtr& call);
// routes_contract.cpp
void openapi(const CallPtr& call);

}  // namespace parley::server::rest
