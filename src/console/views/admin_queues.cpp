#include "console/views/admin_queues.h"

#include "console/admin_commands.h"
#include "console/labels.h"
#include "console/views/admin_form.h"
#include "console/views/admin_membership.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void draw_queue_list(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (!begin_list_table("admin-queues", 5)) {
        return;
    }
    ImGui::TableSetupColumn("Queue", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Routing", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 4.0f);
    ImGui::TableSetupColumn("Members", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 4.5f);
    ImGui::TableSetupColumn("Waiting", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 4.0f);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9.0f);
    ImGui::TableHeadersRow();
    for (const AdminQueueRow& row : view.queues) {
        const core::Queue& queue = *row.queue;
        const std::string key = std::to_string(queue.id);
        ImGui::PushID(static_cast<int>(queue.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const bool selected = admin.queue && admin.queue->queue == queue.id;
        if (ImGui::Selectable(queue.config.name.c_str(), selected,
                              ImGuiSelectableFlags_AllowItemOverlap)) {
            admin.queue = QueueForm{queue.id, queue.config};
        }
        out.publish("admin.queue/" + key, queue.config.name);
        if (!queue.enabled) {
            ImGui::SameLine();
            ImGui::TextDisabled("(disabled)");
        }
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(label_of(queue.config.mode));
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu", queue.members.size());
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::Text("%zu", row.waiting);
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        if (action_button(queue.enabled ? "Disable" : "Enable", row.toggle,
                          "admin.queue.toggle/" + key, out)) {
            out.send(core::SetQueueEnabled{queue.id, !queue.enabled},
                     (queue.enabled ? "Disable queue " : "Enable queue ") + queue.config.name);
        }
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_mode(QueueForm& form, FrameOutput& out) {
    form_label("Routing");
    const struct {
        core::RoutingMode mode;
        const char* id;
    } kModes[] = {{core::RoutingMode::pick, "pick"},
                  {core::RoutingMode::offer, "offer"},
                  {core::RoutingMode::automatic, "auto"}};
    for (const auto& choice : kModes) {
        if (form_choice(label_of(choice.mode), form.config.mode == choice.mode,
                        std::string("admin.queue.mode.") + choice.id, out)) {
            form.config.mode = choice.mode;
        }
        ImGui::SameLine();
    }
    ImGui::NewLine();
    form_label("");
    switch (form.config.mode) {
    case core::RoutingMode::pick:
        ImGui::TextDisabled("Chats wait in every online member's Queue list.");
        break;
    case core::RoutingMode::offer:
        ImGui::TextDisabled("Offered to one agent at a time, who accepts or rejects.");
        break;
    case core::RoutingMode::automatic:
        ImGui::TextDisabled("Assigned straight to the member with the most room.");
        break;
    }
}

void draw_queue_form(const AdminView& view, AdminState& admin, FrameOutput& out) {
    QueueForm& form = *admin.queue;
    form_heading(form.queue ? "Edit queue" : "New queue");
    form_text("Name", form.config.name, "admin.queue.name", out);
    draw_mode(form, out);
    form_duration("Reminder after", form.config.reminder_delay, kMinuteMs, "admin.queue.reminder",
                  out);
    form_duration("Auto-close after", form.config.auto_close_delay, kMinuteMs,
                  "admin.queue.auto_close", out);
    form_duration("Offer time-out", form.config.offer_timeout, kSecondMs,
                  "admin.queue.offer_timeout", out);
    form_duration("Transfer time-out", form.config.transfer_timeout, kSecondMs,
                  "admin.queue.transfer_timeout", out);
    form_duration("Target wait", form.config.target_wait, kSecondMs, "admin.queue.target_wait",
                  out);
    form_checkbox("Accepts transfers", form.config.accepts_transfers,
                  "admin.queue.accepts_transfers", out);
    ImGui::Spacing();
    form_label("");
    const char* confirm = form.queue ? "Save changes" : "Create queue";
    if (action_button(confirm, view.queue_save, "admin.queue.save", out)) {
        const std::string what =
            (form.queue ? "Change queue " : "Create queue ") + form.config.name;
        out.send(queue_command(form), what);
        if (!form.queue) {
            admin.queue.reset();
            return;
        }
    }
    ImGui::SameLine();
    if (published_button("Close", "admin.queue.cancel", out)) {
        admin.queue.reset();
        return;
    }
    form_verdict(view.queue_save);
    if (form.queue) {
        draw_memberships("Members", view.queue_members, Listed::agents, out);
    }
}

}  // namespace

void draw_admin_queues(const AdminView& view, AdminState& admin, FrameOutput& out) {
    list_and_form(
        "admin-queues",
        [&] {
            if (published_button("New queue", "admin.queue.new", out)) {
                admin.queue = QueueForm{};
            }
            ImGui::Spacing();
            draw_queue_list(view, admin, out);
        },
        [&] { draw_queue_form(view, admin, out); }, admin.queue.has_value(),
        "Choose a queue to edit it, or create a new one.");
}

}  // namespace parley::console
