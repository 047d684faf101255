#include "console/views/admin_settings.h"

#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <climits>
#include <optional>
#include <string>

namespace parley::console {

namespace {

constexpr std::uint64_t kMegabyte = 1024 * 1024;

// The file types the server can check by their first bytes, so the only ones worth allowing.
struct FileType {
    const char* type;
    const char* label;
};
constexpr FileType kFileTypes[] = {
    {"image/png", "PNG images"},          {"image/jpeg", "JPEG images"},
    {"image/gif", "GIF images"},          {"image/webp", "WebP images"},
    {"application/pdf", "PDF documents"}, {"text/plain", "Plain text"},
};

bool form_count(const char* label, std::uint64_t& value, std::uint64_t unit,
                const std::string& item_id, FrameOutput& out, const char* unit_label) {
    int whole = static_cast<int>(std::min<std::uint64_t>(value / unit, INT_MAX));
    const bool changed = form_number(label, whole, item_id, out, unit_label);
    if (changed) {
        value = static_cast<std::uint64_t>(std::max(whole, 0)) * unit;
    }
    return changed;
}

// A cap left unset shows the core's default; editing it sets it.
void form_cap(const char* label, std::optional<std::uint64_t>& cap, std::uint64_t fallback,
              std::uint64_t unit, const std::string& item_id, FrameOutput& out,
              const char* unit_label) {
    std::uint64_t value = cap.value_or(fallback);
    if (form_count(label, value, unit, item_id, out, unit_label)) {
        cap = value;
    }
}

void draw_types(core::Settings& settings, FrameOutput& out) {
    std::vector<std::string>& allowed = settings.allowed_attachment_types;
    bool first = true;
    for (const FileType& type : kFileTypes) {
        form_label(first ? "Files customers may send" : "");
        first = false;
        bool on = std::find(allowed.begin(), allowed.end(), type.type) != allowed.end();
        if (ImGui::Checkbox(type.label, &on)) {
            if (on) {
                allowed.emplace_back(type.type);
            } else {
                std::erase(allowed, type.type);
            }
        }
        out.publish(std::string("admin.settings.type/") + type.type, type.label);
    }
}

}  // namespace

void draw_admin_settings(const AdminView& view, AdminState& admin, FrameOutput& out) {
    if (!admin.settings) {
        admin.settings = *view.settings;
    }
    core::Settings& settings = *admin.settings;
    ImGui::BeginChild("admin-settings", ImVec2(0, 0), true);
    form_heading("Transfers");
    form_checkbox("Company filter", settings.company_filter, "admin.settings.company_filter", out);
    ImGui::SameLine();
    ImGui::TextDisabled("Offer transfers only to agents of the customer's company.");
    form_heading("Chats");
    form_duration("Archive closed chats after", settings.retention, kDayMs,
                  "admin.settings.retention", out);
    form_count("Longest message", settings.max_message_length, 1,
               "admin.settings.max_message_length", out, "bytes of text");
    form_cap("Customer messages per chat", settings.customer_messages_per_chat,
             core::kDefaultCustomerMessagesPerChat, 1, "admin.settings.customer_messages_per_chat",
             out, "messages");
    form_cap("Customer text per chat", settings.customer_bytes_per_chat,
             core::kDefaultCustomerBytesPerChat, 1024, "admin.settings.customer_bytes_per_chat",
             out, "KB");
    form_heading("Attachments");
    form_count("Largest file", settings.max_attachment_bytes, kMegabyte,
               "admin.settings.max_attachment", out, "MB");
    draw_types(settings, out);
    ImGui::Spacing();
    ImGui::Separator();
    form_label("");
    if (action_button("Save settings", view.settings_save, "admin.settings.save", out)) {
        out.send(core::UpdateSettings{settings}, "Change the organisation's settings");
    }
    ImGui::SameLine();
    if (published_button("Revert", "admin.settings.revert", out)) {
        admin.settings.reset();
    }
    ImGui::SameLine();
    if (view.settings_changed) {
        ImGui::TextDisabled("Unsaved changes");
    } else {
        ImGui::TextDisabled("Saved");
    }
    form_verdict(view.settings_save);
    ImGui::EndChild();
}

}  // namespace parley::console
