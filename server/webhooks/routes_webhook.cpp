// The service desk webhook's administration over REST (admins only): its settings, with the
// signing secret never sent back in full, and the delivery log, newest first. The webhook's
// store blocks, so everything here runs on the REST workers.
#include <algorithm>
#include <limits>

#include "protocol/rest/webhook_bodies.h"
#include "server/rest/chat_access.h"
#include "server/rest/request_fields.h"
#include "server/webhooks/webhook_routes.h"
#include "server/webhooks/webhook_store.h"

namespace parley::server::webhooks {
namespace {

using rest::CallPtr;
using rest::Route;

namespace http = boost::beast::http;
namespace body = protocol::rest;

constexpr std::size_t kMinSecretBytes = 16;
constexpr std::int64_t kMaxPage = 200;

void as_admin_off_strand(const CallPtr& call, std::function<void()> then) {
    call->with_role(core::Role::admin, [call, then = std::move(then)] { call->off_strand(then); });
}

// Enough for an admin to recognise which secret is set, not enough to sign with it.
std::string secret_hint(const std::string& secret) {
    if (secret.empty()) {
        return "";
    }
    return "…" + secret.substr(secret.size() - std::min<std::size_t>(4, secret.size() / 4));
}

body::WebhookView webhook_view(const webhooks::WebhookSettings& settings) {
    return {settings.url, settings.enabled, !settings.secret.empty(), secret_hint(settings.secret)};
}

body::DeliveryRow delivery_row(const webhooks::Delivery& delivery) {
    return {delivery.id,
            delivery.ticket,
            delivery.event,
            core::parse<body::DeliveryStatus>(webhooks::to_string(delivery.status))
                .value_or(body::DeliveryStatus::pending),
            delivery.attempts,
            delivery.created_at,
            delivery.next_attempt_at,
            delivery.last_attempt_at,
            delivery.last_status_code,
            delivery.last_error,
            body::EmbeddedJson{delivery.payload}};
}

}  // namespace

void get_webhook(const CallPtr& call) {
    as_admin_off_strand(call, [call] {
        call->reply(http::status::ok,
                    body::WebhookAnswer{webhook_view(call->services.webhooks.settings())});
    });
}

void set_webhook(const CallPtr& call) {
    auto update = call->body_as<body::WebhookUpdate>();
    if (!update) {
        return;
    }
    if (update->secret && update->secret->size() < kMinSecretBytes) {
        call->fail(http::status::bad_request, "invalid_value",
                   "The field secret must be at least " + std::to_string(kMinSecretBytes) +
                       " bytes long.");
        return;
    }
    as_admin_off_strand(
        call, [call, url = update->url, secret = update->secret, enabled = update->enabled] {
            webhooks::Webhooks& hooks = call->services.webhooks;
            webhooks::WebhookSettings settings = hooks.settings();
            settings.url = url;
            settings.enabled = enabled;
            if (secret) {
                settings.secret = *secret;
            }
            if (const auto problem = hooks.configure(settings)) {
                call->fail(http::status::bad_request, "invalid_value", *problem);
                return;
            }
            call->reply(http::status::ok, body::WebhookAnswer{webhook_view(settings)});
        });
}

void list_webhook_deliveries(const CallPtr& call) {
    std::optional<std::int64_t> before, limit;
    if (!query_integer(*call, "before", 1, std::numeric_limits<std::int64_t>::max(), before) ||
        !query_integer(*call, "limit", 1, kMaxPage, limit)) {
        return;
    }
    as_admin_off_strand(call, [call, before, limit] {
        const auto page = call->services.webhooks.deliveries(
            before, static_cast<std::size_t>(limit.value_or(50)));
        body::DeliveryLog log;
        for (const webhooks::Delivery& delivery : page) {
            log.deliveries.push_back(delivery_row(delivery));
        }
        if (!page.empty()) {
            log.next_before = page.back().id;
        }
        call->reply(http::status::ok, log);
    });
}

}  // namespace parley::server::webhooks
