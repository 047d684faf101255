#include "console/views/admin_service_desk.h"

#include "console/format.h"
#include "console/theme.h"
#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void fetch(const AdminView& view, AdminState& admin, FrameOutput& out) {
    out.call(kGetWebhook, "GET", "/api/admin/webhook");
    out.call(kListDeliveries, "GET", "/api/admin/webhook/deliveries?limit=50");
    admin.webhook_fetched_after_save = view.webhook_save_answer.generation;
}

const ImVec4& delivery_colour(const std::string& status) {
    if (status == "delivered") {
        return theme::kGood;
    }
    if (status == "failed") {
        return theme::kBad;
    }
    return theme::kPending;
}

void draw_settings(const AdminView& view, AdminState& admin, FrameOutput& out) {
    WebhookForm& form = admin.webhook;
    if (view.webhook && view.webhook_answer.generation > form.filled_from) {
        form.url = view.webhook->url;
        form.enabled = view.webhook->enabled;
        form.secret.clear();
        form.filled_from = view.webhook_answer.generation;
    }
    form_heading("Webhook");
    form_text("URL", form.url, "admin.webhook.url", out);
    form_label("");
    ImGui::TextDisabled("http:// only; put a TLS proxy in front of an https service desk.");
    form_text("Signing secret", form.secret, "admin.webhook.secret", out,
              ImGuiInputTextFlags_Password);
    form_label("");
    if (view.webhook && view.webhook->secret_set) {
        ImGui::TextDisabled("A secret ending in %s is set; type a new one to replace it.",
                            view.webhook->secret_hint.c_str());
    } else {
        ImGui::TextDisabled("At least 16 characters, shared with the service desk.");
    }
    form_checkbox("Enabled", form.enabled, "admin.webhook.enabled", out);
    form_label("");
    if (published_button("Save", "admin.webhook.save", out)) {
        out.call(kSaveWebhook, "PUT", "/api/admin/webhook", webhook_body(form));
    }
    answer_line(view.webhook_save_answer, "Saved.");
}

void draw_deliveries(const AdminView& view, AdminState& admin, FrameOutput& out) {
    form_heading("Deliveries");
    if (published_button("Refresh", "admin.webhook.refresh", out)) {
        fetch(view, admin, out);
    }
    if (!view.deliveries_answer.problem.empty()) {
        coloured_wrapped(theme::kBad, view.deliveries_answer.problem.c_str());
    }
    if (view.deliveries.empty() && view.deliveries_answer.ok) {
        ImGui::TextDisabled("No ticket has been sent yet.");
        return;
    }
    if (!begin_list_table("admin-webhook-deliveries", 6)) {
        return;
    }
    const float em = ImGui::GetFontSize();
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, em * 3.0f);
    ImGui::TableSetupColumn("Ticket", ImGuiTableColumnFlags_WidthFixed, em * 4.0f);
    ImGui::TableSetupColumn("Event", ImGuiTableColumnFlags_WidthFixed, em * 10.0f);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed, em * 6.0f);
    ImGui::TableSetupColumn("Attempts", ImGuiTableColumnFlags_WidthFixed, em * 5.0f);
    ImGui::TableSetupColumn("Last attempt", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    for (const DeliveryRow& row : view.deliveries) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextDisabled("%lld", static_cast<long long>(row.id));
        ImGui::TableNextColumn();
        ImGui::Text("#%llu", static_cast<unsigned long long>(row.ticket));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(row.event.c_str());
        ImGui::TableNextColumn();
        ImGui::TextColored(delivery_colour(row.status), "%s", row.status.c_str());
        out.publish("admin.webhook.delivery/" + std::to_string(row.id),
                    row.event + " " + row.status + " after " + std::to_string(row.attempts));
        ImGui::TableNextColumn();
        ImGui::Text("%d", row.attempts);
        ImGui::TableNextColumn();
        std::string last = row.last_attempt_at ? format_date_time(*row.last_attempt_at) : "—";
        if (row.last_status_code) {
            last += "  HTTP " + std::to_string(*row.last_status_code);
        }
        if (!row.last_error.empty()) {
            last += "  " + row.last_error;
        }
        ImGui::TextUnformatted(last.c_str());
    }
    ImGui::EndTable();
}

}  // namespace

void draw_admin_service_desk(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (view.refresh_webhook) {
        fetch(view, admin, out);
    }
    ImGui::BeginChild("admin-service-desk", ImVec2(0, 0), true);
    ImGui::TextWrapped(
        "Tickets raised in chats, linked to chats or changed in status are sent to your service "
        "desk, signed with the secret (X-Parley-Signature: sha256=HMAC of the body). A failed "
        "delivery is retried with growing pauses. The service desk reports a ticket resolved "
        "through POST /api/tickets/{id}/status with an API key.");
    draw_settings(view, admin, out);
    draw_deliveries(view, admin, out);
    ImGui::EndChild();
}

}  // namespace parley::console
