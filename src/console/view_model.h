// What the console's views read: plain data built once per frame (view_model_builder.h) from
// the connection, the replica and the core's queries, never changed by the views. Text that
// lives in the replica is referenced (string_view, pointers), valid for the frame only.
#pragma once

#include "console/all_chats.h"
#include "console/api_calls.h"
#include "console/connection.h"
#include "console/floor_model.h"
#include "console/outbox.h"
#include "console/ui_state.h"
#include "core/model.h"
#include "core/queries.h"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

enum class Screen { connecting, sign_in, problem, desk };

// One action on one chat as the core judges it for this agent now.
struct ActionState {
    core::ChatAction action = core::ChatAction::accept;
    bool allowed = false;
    // The core's sentence when refused.
    std::string reason;
};

// A row of the Queue, Transferred or My chats list.
struct ChatRow {
    core::ChatId id{};
    std::string customer;
    std::string_view channel;
    std::string_view queue;
    core::ChatStatus status = core::ChatStatus::queued;
    // How long the customer has been waiting: in the queue, or for an answer.
    core::Duration waiting = 0;
    std::string_view preview;
    int unread = 0;
    // Offered to this agent: time left to accept.
    std::optional<core::Duration> offer_left;
    std::string_view transferred_by;
    std::string_view side_note;
    bool customer_typing = false;
    bool open = false;
    // Accept (queue, offer) or accept the transfer; reject the offer or decline the transfer.
    ActionState take;
    std::optional<ActionState> refuse;
};

// One of the agent's lists: all of its chats by id, and rows only for the part on screen
// (UiState::list_windows), so a list of 100,000 chats costs a screenful per frame.
struct ChatList {
    const std::vector<core::ChatId>* ids = nullptr;
    // Changes when `ids` does (not with every replica change): what follows the list's
    // membership, like the announcer, is keyed on it.
    std::uint64_t generation = 0;
    // Position in `ids` of rows.front().
    std::size_t first = 0;
    std::vector<ChatRow> rows;

    std::size_t total() const { return ids ? ids->size() : 0; }
};

struct TopBarView {
    core::AgentId agent_id;
    std::string agent_name;
    core::Presence presence = core::Presence::offline;
    int load = 0;
    int capacity = 0;
    ConnectionStatus connection = ConnectionStatus::stopped;
    bool delayed = false;
    std::size_t pending = 0;
    // What the core lets this account do beyond its own desk: watch the floor (supervisors and
    // admins) and administer (admins).
    bool supervises = false;
    bool administers = false;
};

enum class LineKind { customer, agent, bot, system, note };

struct TranscriptLine {
    LineKind kind = LineKind::system;
    std::string_view author;
    core::Timestamp at = 0;
    std::string_view text;
    // Delivery state of a staff message as the customer's side reported it.
    std::optional<core::MessageState> state;
    const std::vector<core::Attachment>* attachments = nullptr;
};

struct TicketView {
    std::string_view kind;
    std::string_view status;
    std::string_view summary;
    std::string_view priority;
    // The external service desk's id, once it has told us.
    std::string_view reference = {};
    core::TicketId id = 0;
    // Whether the core would link it to the open chat (core::may_link_ticket).
    bool linkable = false;
};

struct EarlierChat {
    core::ChatId id{};
    core::Timestamp created_at = 0;
    std::string_view status;
};

struct CandidateAgent {
    core::AgentId id;
    std::string_view name;
    core::Presence presence = core::Presence::offline;
    int load = 0;
    int capacity = 0;
};

// Someone a supervisor could give the chat to, and the core's reason when not.
struct ReassignCandidate {
    CandidateAgent agent;
    ActionState verdict;
};

struct CandidateQueue {
    core::QueueId id = 0;
    std::string_view name;
};

// The chat shown in the centre and on the right.
struct ChatView {
    core::ChatId id{};
    std::string customer;
    std::string_view contact;
    std::string_view company;
    std::string_view channel;
    std::string_view queue;
    std::string_view status;
    core::Timestamp created_at = 0;
    core::Duration waited = 0;
    std::optional<core::Duration> first_response;
    std::string_view assignee;
    // While pending transfer: who sends it and their side note.
    std::string_view transferred_by;
    std::string_view side_note;
    bool customer_typing = false;
    bool customer_cancelled = false;
    bool supervisor_requested = false;
    std::optional<TicketView> ticket;
    // Where "continue by email" writes to; empty when the customer left no address.
    std::string customer_email;
    const std::vector<core::Email>* emails = nullptr;
    const core::BotContext* bot_context = nullptr;
    std::vector<EarlierChat> earlier_chats;
    // Contact details and assets an integration attached; null when none did.
    const core::CustomerProfile* profile = nullptr;
    // The customer's tickets this replica holds, oldest first (the chat's own included).
    std::vector<TicketView> customer_tickets;
    std::vector<TranscriptLine> transcript;
    std::size_t message_count = 0;
    // The newest customer message, for read receipts.
    std::optional<core::MessageId> last_customer_message;
    // Index by core::ChatAction.
    std::vector<ActionState> actions;
    std::vector<CandidateAgent> candidate_agents;
    std::vector<CandidateQueue> candidate_queues;
    // Supervisors and admins: join, reassign, force-close and the event history.
    bool supervisor_tools = false;
    std::vector<ReassignCandidate> reassign_candidates;

    const ActionState& action(core::ChatAction which) const {
        return actions[static_cast<std::size_t>(which)];
    }
};

struct OpenTab {
    core::ChatId id{};
    std::string label;
    int unread = 0;
};

struct CannedView {
    std::string_view title;
    std::string_view shortcut;
    std::string_view text;
};

struct AdminView;
struct ResourcesView;
struct HistoryView;

struct ConsoleViewModel {
    Screen screen = Screen::connecting;
    ConnectionView connection;
    std::string console_version;
    // Whether the shell can pick files to attach (the browser can; the desktop has no dialog).
    bool file_picker = false;
    // Why the agent is asked to sign in (session expired, signed out), if there is a reason.
    std::string sign_in_reason;
    TopBarView top;
    ChatList queue;
    ChatList transferred;
    ChatList mine;
    ActionState accept_next;
    std::vector<OpenTab> tabs;
    std::optional<ChatView> chat;
    // The selected chat is not in the replica: it is asked for from the server (archived).
    bool chat_from_archive = false;
    std::string archived_chat_problem;
    std::vector<CannedView> canned;
    std::string agent_name;
    std::optional<Refusal> refusal;
    // The All chats table while it is open (rows live in the console's cache).
    const AllChatsView* all_chats = nullptr;
    Workspace workspace = Workspace::desk;
    // The Floor workspace while it is open (kept in the console's cache).
    const FloorView* floor = nullptr;
    // The Analytics workspace while it is open (kept in the console's cache).
    const AnalyticsView* analytics = nullptr;
    // The latest answers to the REST calls the views asked for.
    const ApiCalls* api = nullptr;
    // The History workspace while it is shown (built in the console's cache).
    const HistoryView* history = nullptr;
    // The open dialog's command as filled in so far, as the core judges it.
    ActionState dialog;
    core::Timestamp now = 0;
    // Monotonic seconds, for the composer's typing indicator.
    double seconds = 0;
    // The Admin workspace's screen while it is open (admin_model.h).
    std::shared_ptr<const AdminView> admin;
    // The Resources panel and the outage banner on the Desk (resources_model.h).
    std::shared_ptr<const ResourcesView> resources;
};

}  // namespace parley::console
