// The service desk webhook's administration over REST (admins only): its settings, with the
// signing secret never sent back in full, and the delivery log, newest first. The webhook's
// store blocks, so everything here runs on the REST workers.
#include <algorithm>
#include <limits>

#include "server/rest/chat_access.h"
#include "server/rest/request_fields.h"
#include "server/webhooks/webhook_routes.h"
#include "server/webhooks/webhook_store.h"

namespace parley::server::webhooks {
namespace {

using rest::BodyReader;
using rest::CallPtr;
using rest::Need;
using rest::Route;

namespace http = boost::beast::http;

constexpr std::size_t kUrlBytes = 2000;
constexpr std::size_t kMinSecretBytes = 16;
constexpr std::size_t kSecretBytes = 200;
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

nlohmann::json settings_json(const webhooks::WebhookSettings& settings) {
    return {{"url", settings.url},
            {"enabled", settings.enabled},
            {"secret_set", !settings.secret.empty()},
            {"secret_hint", secret_hint(settings.secret)}};
}

nlohmann::json delivery_json(const webhooks::Delivery& delivery) {
    return {{"id", delivery.id},
            {"ticket", delivery.ticket},
            {"event", delivery.event},
            {"status", webhooks::to_string(delivery.status)},
            {"attempts", delivery.attempts},
            {"created_at", delivery.created_at},
            {"next_attempt_at", delivery.next_attempt_at},
            {"last_attempt_at",
             delivery.last_attempt_at ? nlohmann::json(*delivery.last_attempt_at) : nullptr},
            {"last_status_code",
             delivery.last_status_code ? nlohmann::json(*delivery.last_status_code) : nullptr},
            {"last_error", delivery.last_error ? nlohmann::json(*delivery.last_error) : nullptr},
            {"payload", nlohmann::json::parse(delivery.payload, nullptr, false)}};
}

void get_webhook(const CallPtr& call) {
    as_admin_off_strand(call, [call] {
        call->reply(http::status::ok,
                    {{"webhook", settings_json(call->services.webhooks.settings())}});
    });
}

void put_webhook(const CallPtr& call) {
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    const auto url = reader.text("url", Need::required, kUrlBytes);
    const auto secret = reader.text("secret", Need::optional, kSecretBytes);
    const auto enabled = reader.boolean("enabled", Need::required);
    if (secret && secret->size() < kMinSecretBytes) {
        reader.problem("invalid_value", "The field secret must be at least " +
                                            std::to_string(kMinSecretBytes) + " bytes long.");
    }
    if (!reader.ok()) {
        return;
    }
    as_admin_off_strand(call, [call, url = *url, secret, enabled = *enabled] {
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
        call->reply(http::status::ok, {{"webhook", settings_json(settings)}});
    });
}

void list_deliveries(const CallPtr& call) {
    std::optional<std::int64_t> before, limit;
    if (!query_integer(*call, "before", 1, std::numeric_limits<std::int64_t>::max(), before) ||
        !query_integer(*call, "limit", 1, kMaxPage, limit)) {
        return;
    }
    as_admin_off_strand(call, [call, before, limit] {
        const auto page = call->services.webhooks.deliveries(
            before, static_cast<std::size_t>(limit.value_or(50)));
        nlohmann::json rows = nlohmann::json::array();
        for (const webhooks::Delivery& delivery : page) {
            rows.push_back(delivery_json(delivery));
        }
        call->reply(http::status::ok,
                    {{"deliveries", rows},
                     {"next_before",
                      page.empty() ? nlohmann::json(nullptr) : nlohmann::json(page.back().id)}});
    });
}

constexpr Route kWebhookRoutes[] = {
    {http::verb::get, "/api/admin/webhook", get_webhook, false},
    {http::verb::put, "/api/admin/webhook", put_webhook, false},
    {http::verb::get, "/api/admin/webhook/deliveries", list_deliveries, false},
};

}  // namespace

std::span<const Route> webhook_routes() {
    return kWebhookRoutes;
}

}  // namespace parley::server::webhooks
