// Widget-only state of the console: what is typed, selected and open. It holds no domain
// facts (those are in the replica) and survives from frame to frame beside the views.
#pragma once

#include "console/admin_state.h"
#include "console/all_chats.h"
#include "console/analytics_model.h"
#include "console/history_state.h"
#include "console/resources_state.h"
#include "core/ids.h"
#include "core/model.h"

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

enum class ListTab { queue, transferred, mine };
// What fills the window under the top bar. The desk's three columns are every agent's; the
// rest are the supervisors' and admins' (the top bar offers what the core allows).
enum class Workspace { desk, all_chats, floor, analytics, history, admin };
enum class Dialog {
    none,
    reject_offer,
    decline_transfer,
    transfer,
    close,
    cancel,
    abandon,
    create_ticket,
    request_supervisor,
    reassign,
    force_close,
    email_customer,
    link_ticket
};
enum class TransferTarget { agent, queue };

struct SignInForm {
    std::string agent;
    std::string password;
    std::string problem;
    bool busy = false;
};

// The composer's text and mode for one chat.
struct Draft {
    std::string text;
    bool note = false;
    // The agent's typing as last told to the server.
    bool typing_sent = false;
    double last_edit = 0;
    // Files stored on the server for the next message, the name of one on its way, and the
    // server's sentence when it refused the last one.
    std::vector<core::Attachment> attachments;
    std::string uploading;
    std::string upload_problem;
};

struct DialogState {
    Dialog open = Dialog::none;
    core::ChatId chat{};
    std::string text;      // reason, side note, notes, summary or email
    std::string subject;   // email subject
    std::string category;  // resolution category
    bool resolve_ticket = true;
    TransferTarget target = TransferTarget::agent;
    core::AgentId agent;
    core::QueueId queue = 0;
    core::TicketKind ticket_kind = core::TicketKind::support_case;
    core::TicketId ticket = 0;
};

// The transcript cut into rows of one text line each, so ImGuiListClipper can skip what is
// off screen. Rebuilt when the chat or the width changes; extended when lines arrive.
struct TranscriptRow {
    std::uint32_t line = 0;
    // Byte range of the line's text on this row; a header row (author, time) has none.
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    enum class Kind : std::uint8_t { header, text, attachment, gap } kind = Kind::text;
};

struct TranscriptLayout {
    std::optional<core::ChatId> chat;
    float width = 0;
    std::size_t lines = 0;
    std::vector<TranscriptRow> rows;
};

// The rows of a list the view last showed; the view model builds rows for these only.
struct ListWindow {
    std::size_t first = 0;
    std::size_t count = 24;
};

struct UiState {
    SignInForm sign_in;
    ListTab tab = ListTab::queue;
    // By ListTab.
    std::array<ListWindow, 3> list_windows{};
    // Chats open in the centre, in the order opened (Alt+1…9 picks one).
    std::vector<core::ChatId> open_chats;
    std::optional<core::ChatId> selected;
    // The chat last asked for from the server because the replica does not hold it.
    std::optional<core::ChatId> archived_asked;
    std::map<core::ChatId, Draft> drafts;
    // Messages per chat the agent has seen; later customer messages are unread.
    std::map<core::ChatId, std::size_t> seen_messages;
    // The last message id a read receipt was sent for, per chat.
    std::map<core::ChatId, core::MessageId> read_sent;
    DialogState dialog;
    bool help_open = false;
    Workspace workspace = Workspace::desk;
    AnalyticsQuery analytics;
    // The path of the figures last asked for.
    std::string analytics_asked;
    AllChatsQuery all_chats;
    AllChatsAsked all_chats_asked;
    HistoryState history;
    // Set when the selection changed outside the tab bar, so the tab bar follows it.
    bool select_tab = false;
    TranscriptLayout layout;
    // The chat whose event history the History workspace shows.
    std::optional<core::ChatId> history_chat;
    // The transcript line whose menu (Copy text) is open.
    std::optional<std::size_t> line_menu;
    // Text to put into the composer while it is being edited (ImGui keeps its own copy then),
    // and whether Tab was pressed in it (picks the first canned response).
    std::optional<std::string> composer_replacement;
    bool composer_tab = false;
    // Enter was pressed in the composer, and the text it sent (see composer.cpp).
    bool composer_enter = false;
    std::optional<std::string> composer_submitted;
    // Set when a chat is opened so the composer takes the keyboard.
    bool focus_composer = false;
    // Set when a message was sent so the transcript scrolls to the end.
    bool scroll_to_end = false;
    AdminState admin;
    ResourcesState resources;
    KnowledgeAdminState knowledge;

    void open_chat(const core::ChatId& id);
    void close_chat(const core::ChatId& id);
};

}  // namespace parley::console
