#include "server/api_routes.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>
#include <vector>

#include "protocol/rest/contract.h"
#include "server/knowledge/knowledge_routes.h"
#include "server/webhooks/webhook_routes.h"

namespace parley::server {
namespace {

namespace http = boost::beast::http;

struct Binding {
    std::string_view operation;
    rest::Handler handler;
    // Works without a credential: signing in, a customer starting a chat, the contract itself,
    // and the metrics, whose token is no account's credential, so their handler decides.
    bool open = false;
};

constexpr Binding kBindings[] = {
    {"sign_in", rest::sign_in, true},
    {"who_am_i", rest::who_am_i},
    {"sign_out", rest::sign_out},
    {"change_password", rest::change_password},
    {"start_chat", rest::start_chat, true},
    {"get_chat", rest::get_chat},
    {"list_messages", rest::list_messages},
    {"post_message", rest::post_message},
    {"upload_attachment", rest::upload_attachment},
    {"download_attachment", rest::download_attachment},
    {"list_chats", rest::list_chats},
    {"chat_transcript", rest::chat_transcript},
    {"chat_history", rest::chat_history},
    {"analytics_report", rest::analytics_report},
    {"list_queues", rest::list_queues},
    {"list_agents", rest::list_agents},
    {"list_canned_responses", rest::list_canned_responses},
    {"get_settings", rest::get_settings},
    {"create_agent", rest::create_agent},
    {"reset_password", rest::reset_password},
    {"list_api_keys", rest::list_api_keys},
    {"create_api_key", rest::create_api_key},
    {"revoke_api_key", rest::revoke_api_key},
    {"run_command", rest::run_command},
    {"get_ticket", rest::get_ticket},
    {"set_ticket_status", rest::set_ticket_status},
    {"set_customer_profile", rest::set_customer_profile},
    {"list_customer_tickets", rest::list_customer_tickets},
    {"get_webhook", webhooks::get_webhook},
    {"set_webhook", webhooks::set_webhook},
    {"list_webhook_deliveries", webhooks::list_webhook_deliveries},
    {"search_articles", knowledge::search_articles},
    {"article_suggestions", knowledge::article_suggestions},
    {"get_article", knowledge::get_article},
    {"create_article", knowledge::create_article},
    {"update_article", knowledge::update_article},
    {"delete_article", knowledge::delete_article},
    {"list_outages", knowledge::list_outages},
    {"create_outage", knowledge::create_outage},
    {"update_outage", knowledge::update_outage},
    {"delete_outage", knowledge::delete_outage},
    {"openapi", rest::openapi, true},
    {"read_metrics", read_metrics, true},
};

http::verb verb_of(std::string_view method) {
    std::string upper(method);
    std::transform(upper.begin(), upper.end(), upper.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return http::string_to_verb(upper);
}

std::vector<rest::Route> bind_routes() {
    std::vector<rest::Route> routes;
    for (const protocol::rest::Operation& operation : protocol::rest::operations()) {
        const auto* binding =
            std::find_if(std::begin(kBindings), std::end(kBindings),
                         [&](const Binding& b) { return b.operation == operation.id; });
        if (binding == std::end(kBindings)) {
            throw std::logic_error("no handler for the operation " + std::string(operation.id));
        }
        routes.push_back(
            {verb_of(operation.method), operation.path, binding->handler, binding->open});
    }
    if (routes.size() != std::size(kBindings)) {
        throw std::logic_error("a handler is bound to no operation of the contract");
    }
    return routes;
}

}  // namespace

std::span<const rest::Route> api_routes() {
    static const std::vector<rest::Route> routes = bind_routes();
    return routes;
}

}  // namespace parley::server
