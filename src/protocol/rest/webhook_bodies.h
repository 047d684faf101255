// REST bodies of the service desk webhook's settings and delivery log (server/README.md,
// "Tickets and customers").
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"
#include "core/names.h"
#include "protocol/rest/ticket_bodies.h"

namespace parley::protocol::rest {

enum class DeliveryStatus { pending, delivered, failed };

// PUT /api/admin/webhook
struct WebhookUpdate {
    std::string url;
    // Left out: keep the current one.
    std::optional<std::string> secret;
    bool enabled = false;
};

// The settings as they are shown: never the secret itself.
struct WebhookView {
    std::string url;
    bool enabled = false;
    bool secret_set = false;
    std::string secret_hint;
};

// GET /api/admin/webhook, PUT /api/admin/webhook
struct WebhookAnswer {
    WebhookView webhook;
};

// What the service desk's webhook receives for a ticket event (POSTed, signed): the event's
// name and time, who caused it, the ticket, the chat it concerns and the customer.
struct TicketWebhook {
    // "ticket_created", "ticket_status_changed" or "ticket_linked".
    std::string event;
    core::Timestamp at = 0;
    std::string at_iso;
    core::Actor actor;
    TicketView ticket;
    ChatRow chat;
    std::optional<CustomerView> customer;
};

// A JSON document carried as it is (a delivery's payload, exactly as it was signed and sent).
struct EmbeddedJson {
    std::string text;
};

struct DeliveryRow {
    std::int64_t id = 0;
    core::TicketId ticket = 0;
    std::string event;
    DeliveryStatus status = DeliveryStatus::pending;
    int attempts = 0;
    core::Timestamp created_at = 0;
    core::Timestamp next_attempt_at = 0;
    std::optional<core::Timestamp> last_attempt_at;
    std::optional<int> last_status_code;
    std::optional<std::string> last_error;
    EmbeddedJson payload;
};

// GET /api/admin/webhook/deliveries
struct DeliveryLog {
    std::vector<DeliveryRow> deliveries;
    // Pass as `before` for the next page; absent on the last one.
    std::optional<std::int64_t> next_before;
};

}  // namespace parley::protocol::rest

template <>
struct parley::core::EnumNames<parley::protocol::rest::DeliveryStatus> {
    static constexpr std::array<std::string_view, 3> names = {"pending", "delivered", "failed"};
};
