// The service desk webhook as the Admin workspace sees it: the REST calls for its settings and
// delivery log, and their answers read into plain values. No ImGui.
#pragma once

#include "core/ids.h"
#include "protocol/rest/webhook_bodies.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

struct ApiResult;

inline constexpr const char* kGetWebhook = "admin.get_webhook";
inline constexpr const char* kSaveWebhook = "admin.save_webhook";
inline constexpr const char* kListDeliveries = "admin.list_deliveries";

// What the admin edits. The secret is write-only: empty keeps the one the server has.
struct WebhookForm {
    std::string url;
    std::string secret;
    bool enabled = false;
    // The generation of the settings answer the form was filled from (0: not yet).
    std::uint64_t filled_from = 0;
};

// The settings as the server shows them (never the secret itself).
using WebhookSettingsView = protocol::rest::WebhookView;

struct DeliveryRow {
    std::int64_t id = 0;
    core::TicketId ticket = 0;
    std::string event;
    std::string status;
    int attempts = 0;
    core::Timestamp created_at = 0;
    std::optional<core::Timestamp> last_attempt_at;
    std::optional<int> last_status_code;
    std::string last_error;
};

// PUT /api/admin/webhook.
std::string webhook_body(const WebhookForm& form);
// The settings in an answer to GET or PUT /api/admin/webhook.
std::optional<WebhookSettingsView> webhook_settings_of(const ApiResult* result);
// The rows of an answer to GET /api/admin/webhook/deliveries, newest first.
std::vector<DeliveryRow> deliveries_of(const ApiResult* result);

}  // namespace parley::console
