#include "console/views/chat_panel.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/labels.h"
#include "console/theme.h"
#include "console/views/customer_section.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

void field(const char* name, std::string_view value) {
    const float column = ImGui::GetFontSize() * 7.0f;
    ImGui::TextDisabled("%s", name);
    // A label longer than the column pushes its value along instead of under it.
    if (ImGui::GetItemRectSize().x + ImGui::GetStyle().ItemSpacing.x <= column) {
        ImGui::SameLine(column);
    } else {
        ImGui::SameLine();
    }
    ImGui::TextWrapped("%.*s", static_cast<int>(value.size()), value.data());
}

void draw_customer(const ChatView& chat, FrameOutput& out) {
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kCustomer);
    ImGui::TextUnformatted(chat.customer.c_str());
    ImGui::PopStyleColor();
    field("Contact", chat.contact.empty() ? std::string_view("—") : chat.contact);
    field("Company", chat.company.empty() ? std::string_view("—") : chat.company);
    field("Channel", chat.channel);
    if (chat.ticket) {
        const std::string ticket =
            std::string(chat.ticket->kind) + ", " + std::string(chat.ticket->status) + ", " +
            std::string(chat.ticket->priority) + ": " + std::string(chat.ticket->summary);
        field("Ticket", ticket);
        out.publish("chat.ticket/" + chat_key(chat.id), ticket);
    }
    if (!chat.earlier_chats.empty() && ImGui::TreeNode("Earlier chats")) {
        for (const EarlierChat& earlier : chat.earlier_chats) {
            ImGui::BulletText("%s  %.*s", format_date_time(earlier.created_at).c_str(),
                              static_cast<int>(earlier.status.size()), earlier.status.data());
        }
        ImGui::TreePop();
    }
}

void draw_bot_context(const core::BotContext& bot) {
    if (!ImGui::CollapsingHeader("Bot hand-off", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    if (!bot.intent.empty()) {
        field("Intent", bot.intent);
    }
    for (const auto& [name, value] : bot.attributes) {
        field(attribute_label(name).c_str(), value);
    }
    if (!bot.transcript.empty()) {
        ImGui::Spacing();
        ImGui::TextDisabled("With the bot:");
    }
    for (const core::TranscriptLine& line : bot.transcript) {
        ImGui::TextDisabled("%s:", line.speaker.c_str());
        ImGui::SameLine();
        ImGui::TextWrapped("%s", line.text.c_str());
    }
}

void draw_details(const ChatView& chat) {
    if (!ImGui::CollapsingHeader("Chat details", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    field("Queue", chat.queue);
    field("Status", chat.status);
    if (!chat.assignee.empty()) {
        field("Agent", chat.assignee);
    }
    if (!chat.transferred_by.empty()) {
        field("Sent by", chat.transferred_by);
        field("Side note", chat.side_note.empty() ? std::string_view("—") : chat.side_note);
    }
    field("Created", format_date_time(chat.created_at) + " UTC");
    field("Waited", format_duration(chat.waited));
    field("First reply", chat.first_response ? format_duration(*chat.first_response) : "—");
    if (chat.customer_cancelled) {
        coloured_wrapped(theme::kBad, "End user has cancelled chat.");
    }
    if (chat.supervisor_requested) {
        coloured_wrapped(theme::kPending, "A supervisor has been asked to help.");
    }
}

// What the customer was sent, or asked for, by email, with the relay's verdict.
void draw_emails(const ChatView& chat) {
    if (!chat.emails || chat.emails->empty() ||
        !ImGui::CollapsingHeader("Email", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    for (const core::Email& email : *chat.emails) {
        const std::string what = email.kind == core::EmailKind::transcript
                                     ? "Transcript to " + email.to
                                     : "\"" + email.subject + "\" to " + email.to;
        const ImVec4 colour = email.status == core::EmailStatus::failed ? theme::kBad
                              : email.status == core::EmailStatus::sent ? theme::kGood
                                                                        : theme::kPending;
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(label_of(email.status));
        ImGui::PopStyleColor();
        ImGui::SameLine();
        ImGui::TextDisabled("%s", format_date_time(email.queued_at).c_str());
        ImGui::TextWrapped("%s", what.c_str());
        if (email.status == core::EmailStatus::failed && !email.detail.empty()) {
            coloured_wrapped(theme::kBad, email.detail.c_str());
        }
    }
}

void open_dialog(UiState& ui, Dialog dialog, const core::ChatId& chat) {
    ui.dialog = DialogState{};
    ui.dialog.open = dialog;
    ui.dialog.chat = chat;
}

// Two buttons to a row, so the actions stay on screen in the narrow column.
class ButtonGrid {
public:
    ButtonGrid()
        : width_((ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2.0f) {}
    ImVec2 next() {
        if (count_++ % 2 == 1) {
            ImGui::SameLine();
        }
        return ImVec2(width_, 0);
    }

private:
    float width_;
    int count_ = 0;
};

struct PanelAction {
    const char* label;
    core::ChatAction action;
    Dialog dialog;
};

constexpr PanelAction kDialogActions[] = {
    {"Transfer…", core::ChatAction::transfer_to_agent, Dialog::transfer},
    {"Close…", core::ChatAction::close, Dialog::close},
    {"Abandon…", core::ChatAction::abandon, Dialog::abandon},
    {"Cancel chat…", core::ChatAction::cancel, Dialog::cancel},
    {"Create ticket…", core::ChatAction::create_ticket, Dialog::create_ticket},
    {"Link ticket…", core::ChatAction::link_ticket, Dialog::link_ticket},
    {"Ask supervisor…", core::ChatAction::request_supervisor, Dialog::request_supervisor},
    {"Email customer…", core::ChatAction::email_customer, Dialog::email_customer},
};

void draw_actions(const ChatView& chat, UiState& ui, FrameOutput& out) {
    if (!ImGui::CollapsingHeader("Actions", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    const std::string key = chat_key(chat.id);
    ButtonGrid grid;
    for (const PanelAction& action : kDialogActions) {
        // Transfer opens when either kind of transfer is possible; the dialog tells which.
        ActionState state = chat.action(action.action);
        if (action.action == core::ChatAction::transfer_to_agent && !state.allowed) {
            state = chat.action(core::ChatAction::transfer_to_queue);
        }
        const std::string id = "action." + std::string(core::to_string(action.action)) + "/" + key;
        if (action_button(action.label, state, id, out, grid.next())) {
            open_dialog(ui, action.dialog, chat.id);
        }
        if (action.action == core::ChatAction::transfer_to_agent) {
            if (action_button("Release", chat.action(core::ChatAction::release),
                              "action.release/" + key, out, grid.next())) {
                out.send(core::ReleaseChat{chat.id}, "Release " + chat.customer);
            }
        }
    }
}

constexpr PanelAction kSupervisorDialogs[] = {
    {"Reassign…", core::ChatAction::reassign, Dialog::reassign},
    {"Force close…", core::ChatAction::force_close, Dialog::force_close},
};

// Supervisors step into a colleague's chat: join it (the customer is told), give it to someone
// else, end it, or read what happened to it event by event.
void draw_supervisor_actions(const ChatView& chat, UiState& ui, FrameOutput& out) {
    if (!chat.supervisor_tools ||
        !ImGui::CollapsingHeader("Supervisor", ImGuiTreeNodeFlags_DefaultOpen)) {
        return;
    }
    const std::string key = chat_key(chat.id);
    ButtonGrid grid;
    if (action_button("Join the chat", chat.action(core::ChatAction::join), "action.join/" + key,
                      out, grid.next())) {
        out.send(core::JoinChat{chat.id}, "Join the chat with " + chat.customer);
    }
    for (const PanelAction& action : kSupervisorDialogs) {
        const std::string id = "action." + std::string(core::to_string(action.action)) + "/" + key;
        if (action_button(action.label, chat.action(action.action), id, out, grid.next())) {
            open_dialog(ui, action.dialog, chat.id);
        }
    }
    if (ImGui::Button("Event history", grid.next())) {
        ui.history_chat = chat.id;
        ui.workspace = Workspace::history;
    }
    out.publish("action.history/" + key, "Event history");
}

}  // namespace

void draw_chat_panel(const ChatView& chat, UiState& ui, FrameOutput& out) {
    draw_customer(chat, out);
    ImGui::Spacing();
    if (chat.bot_context) {
        draw_bot_context(*chat.bot_context);
    }
    draw_details(chat);
    draw_actions(chat, ui, out);
    draw_supervisor_actions(chat, ui, out);
    draw_emails(chat);
    draw_customer_information(chat, out);
}

}  // namespace parley::console
