// GET /metrics, the Prometheus text: queue lengths and load are the organisation's business,
// so only an admin's session, an API key (a scraper an admin set up) or the --metrics-token
// bearer may read it.
#include "server/api_routes.h"
#include "server/auth/tokens.h"
#include "server/http_handler.h"

namespace parley::server {
namespace {

using rest::Call;
using rest::CallPtr;
using rest::Route;

namespace http = boost::beast::http;

void serve(const CallPtr& call) {
    HttpResponse response{http::status::ok, call->request.version()};
    response.set(http::field::server, "parley-server/" PARLEY_VERSION);
    response.set(http::field::content_type, "text/plain; version=0.0.4; charset=utf-8");
    response.set(http::field::cache_control, "no-store");
    response.body() = render_metrics(call->services);
    response.prepare_payload();
    call->reply(std::move(response));
}

bool metrics_token_presented(const Call& call) {
    const std::string& token = call.services.config.metrics_token;
    return !token.empty() &&
           auth::constant_time_equal(call.request[http::field::authorization], "Bearer " + token);
}

}  // namespace

void read_metrics(const CallPtr& call) {
    if (metrics_token_presented(*call)) {
        serve(call);
        return;
    }
    if (!call->require_signed_in()) {
        return;
    }
    if (call->principal->actor.kind == core::ActorKind::integration) {
        serve(call);
        return;
    }
    call->with_role(core::Role::admin, [call] { serve(call); });
}

}  // namespace parley::server
