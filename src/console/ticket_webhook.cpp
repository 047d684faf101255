#include "console/ticket_webhook.h"

#include "console/api_bodies.h"
#include "core/names.h"
#include "protocol/rest/webhook_bodies.h"

namespace parley::console {

namespace body = protocol::rest;

std::string webhook_body(const WebhookForm& form) {
    body::WebhookUpdate update{form.url, std::nullopt, form.enabled};
    if (!form.secret.empty()) {
        update.secret = form.secret;
    }
    return body::encode(update);
}

std::optional<WebhookSettingsView> webhook_settings_of(const ApiResult* result) {
    const auto answer = body_of<body::WebhookAnswer>(result);
    if (!answer) {
        return std::nullopt;
    }
    return answer->webhook;
}

std::vector<DeliveryRow> deliveries_of(const ApiResult* result) {
    std::vector<DeliveryRow> rows;
    if (const auto log = body_of<body::DeliveryLog>(result)) {
        for (const body::DeliveryRow& row : log->deliveries) {
            rows.push_back({row.id, row.ticket, row.event, std::string(core::to_string(row.status)),
                            row.attempts, row.created_at, row.last_attempt_at, row.last_status_code,
                            row.last_error.value_or("")});
        }
    }
    return rows;
}

}  // namespace parley::console
