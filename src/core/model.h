// The domain's entities and enums: queues, agents, customers, chats, tickets, canned
// responses and organisation settings. Plain values with defaulted equality.
// Standard library only; holds no rules (decide.h) and no indexes (state.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"

namespace parley::core {

// [SECTION] Enums

// How a queue hands chats to agents. Wire name of `automatic` is "auto".
enum class RoutingMode { pick, offer, automatic };
enum class Role { agent, supervisor, admin };
enum class Presence { online, away, offline };
enum class Channel { web, email, telegram, whatsapp, vk, messenger, api };
enum class ChatStatus { queued, offered, active, pending_transfer, closed, archived };
enum class AuthorKind { customer, agent, system, bot };
enum class MessageState { sent, delivered, read };
enum class ResolutionOutcome {
    closed,
    solved,
    abandoned,
    cancelled_by_agent,
    cancelled_by_customer,
    not_responding
};
// Wire name of `support_case` is "case" (a C++ keyword).
enum class TicketKind { support_case, incident, service_request };
enum class TicketStatus { open, resolved, cancelled };
enum class Priority { low, normal, high, urgent };
// A transcript the customer asked for, or a message an agent wrote to continue by email.
enum class EmailKind { transcript, message };
enum class EmailStatus { queued, sent, failed };
// Which side of a chat typed or read: the customer, or the staff member holding it.
enum class Side { customer, staff };
// Why a chat got its assignee.
enum class AssignReason { accepted, offer_accepted, routed, transfer_accepted, reassigned };
// Hand-overs and escalations in a chat's life (see Activity).
enum class ActivityKind {
    assigned,
    offer_rejected,
    transfer_requested,
    transfer_declined,
    moved_to_queue,
    released,
    supervisor_requested,
    supervisor_joined
};

// [SECTION] Organisation

struct Settings {
    // Transfer candidates only from the customer's company (seed 003's company filter).
    bool company_filter = false;
    // Closed chats older than this are archived by Tick: they leave the live State (and every
    // console's replica) and are read from the store. Until then a customer may still rate the
    // chat or ask for its transcript, and its last agent may email a follow-up. A chat whose
    // ticket is still open stays until the ticket is not. A day: the live State (and the
    // server's memory) holds a day of ended chats, however old the installation.
    Duration retention = kDay;
    // Message text length limit in bytes of UTF-8.
    std::uint64_t max_message_length = 4000;
    std::uint64_t max_attachment_bytes = 10 * 1024 * 1024;
    std::vector<std::string> allowed_attachment_types = {"image/png", "image/jpeg",
                                                         "application/pdf", "text/plain"};
    // How much one chat's customer may write: messages, and bytes of their text. The widget is
    // open to anyone, so a flood stops here. Unset: the defaults below (settings stored before
    // these existed read as unset).
    std::optional<std::uint64_t> customer_messages_per_chat = {};
    std::optional<std::uint64_t> customer_bytes_per_chat = {};
    bool operator==(const Settings&) const = default;
};

inline constexpr std::uint64_t kDefaultCustomerMessagesPerChat = 1000;
inline constexpr std::uint64_t kDefaultCustomerBytesPerChat = 1024 * 1024;

inline std::uint64_t customer_messages_per_chat(const Settings& settings) {
    return settings.customer_messages_per_chat.value_or(kDefaultCustomerMessagesPerChat);
}
inline std::uint64_t customer_bytes_per_chat(const Settings& settings) {
    return settings.customer_bytes_per_chat.value_or(kDefaultCustomerBytesPerChat);
}

// [SECTION] Queues and agents

// What an administrator sets on a queue; the same struct creates and updates one.
struct QueueConfig {
    std::string name;
    RoutingMode mode = RoutingMode::pick;
    Duration reminder_delay = 15 * kMinute;
    Duration auto_close_delay = 30 * kMinute;
    Duration offer_timeout = 30 * kSecond;
    Duration transfer_timeout = 2 * kMinute;
    // Service target for waiting time; used by estimates when there is no history yet.
    Duration target_wait = 1 * kMinute;
    bool accepts_transfers = true;
    bool operator==(const QueueConfig&) const = default;
};

struct Queue {
    QueueId id = 0;
    QueueConfig config;
    bool enabled = true;
    // The General queue: widens transfer candidates to all agents (seed 003).
    bool general = false;
    std::set<AgentId> members;
    bool operator==(const Queue&) const = default;
};

struct AgentProfile {
    std::string name;
    Role role = Role::agent;
    std::string company;
    bool operator==(const AgentProfile&) const = default;
};

struct Agent {
    AgentId id;
    AgentProfile profile;
    // Maximum concurrent chats (active plus outstanding offers).
    int capacity = 3;
    Presence presence = Presence::offline;
    bool enabled = true;
    // Last time the agent received a chat or came online; ties in routing go to the oldest.
    Timestamp idle_since = 0;
    // When the presence last changed (the floor's "time in state"); none in snapshots written
    // before it was recorded, until the next change.
    std::optional<Timestamp> presence_since;
    std::set<QueueId> queues;
    bool operator==(const Agent&) const = default;
};

// Something the customer owns or uses that support may need to know about (a device, a
// subscription, a contract), as an integration reported it.
struct Asset {
    std::string name;
    std::string type;
    // The integration's own identifier: serial number, contract number, account id.
    std::string identifier;
    bool operator==(const Asset&) const = default;
};

// What an integration (CRM, billing) knows about the customer beyond what the chat told us.
struct CustomerProfile {
    std::string phone;
    std::string email;
    std::string company;
    std::vector<Asset> assets;
    bool operator==(const CustomerProfile&) const = default;
};

struct Customer {
    CustomerId id;
    std::string name;
    // E-mail address, phone or messenger handle.
    std::string contact;
    std::string company;
    // Set only by an integration (SetCustomerProfile); a new chat never changes it.
    std::optional<CustomerProfile> profile = {};
    bool operator==(const Customer&) const = default;
};

// [SECTION] Chats

struct Attachment {
    std::string name;
    std::string content_type;
    std::uint64_t size_bytes = 0;
    // Where the file lives (storage key or URL); the core never reads it.
    std::string ref;
    bool operator==(const Attachment&) const = default;
};

struct Author {
    AuthorKind kind = AuthorKind::system;
    // Customer id, agent id, integration key id; empty for the system.
    std::string id;
    bool operator==(const Author&) const = default;
};

struct Message {
    MessageId id = 0;
    Author author;
    std::string text;
    std::vector<Attachment> attachments;
    MessageState state = MessageState::sent;
    Timestamp at = 0;
    bool operator==(const Message&) const = default;
};

// Internal notes never reach customers.
struct Note {
    NoteId id = 0;
    AgentId author;
    std::string text;
    Timestamp at = 0;
    bool operator==(const Note&) const = default;
};

struct TranscriptLine {
    // "bot" or "customer" as the bot platform reported it.
    std::string speaker;
    std::string text;
    Timestamp at = 0;
    bool operator==(const TranscriptLine&) const = default;
};

// What a bot learnt before handing the customer over.
struct BotContext {
    std::vector<TranscriptLine> transcript;
    std::string intent;
    std::map<std::string, std::string> attributes;
    bool operator==(const BotContext&) const = default;
};

struct Offer {
    AgentId agent;
    Timestamp deadline = 0;
    bool operator==(const Offer&) const = default;
};

struct PendingTransfer {
    AgentId from;
    AgentId to;
    std::string side_note;
    Timestamp requested_at = 0;
    Timestamp deadline = 0;
    bool operator==(const PendingTransfer&) const = default;
};

struct Resolution {
    ResolutionOutcome outcome = ResolutionOutcome::closed;
    std::string category;
    std::string notes;
    // Agent, supervisor, customer or empty (system) who ended the chat.
    std::string closed_by;
    bool operator==(const Resolution&) const = default;
};

// Who passed the chat to whom and why: the transcript's system lines for staff (transferred,
// released, moved, ...), kept in the chat so every replica shows the same history.
struct Activity {
    ActivityKind kind = ActivityKind::assigned;
    Timestamp at = 0;
    // The command's actor: the agent, a supervisor, or empty for routing and timers.
    std::string by;
    // The agent the chat went to or who acted on it (assigned, offered, transfer target, ...).
    AgentId agent;
    // Where a moved chat went.
    QueueId queue = 0;
    AssignReason reason = AssignReason::accepted;
    bool timed_out = false;
    // The side note or reason: staff only.
    std::string note;
    // How many messages the chat had then: the line's place in the transcript, exact even when
    // a message and a hand-over share a millisecond.
    std::uint64_t messages_before = 0;
    bool operator==(const Activity&) const = default;
};

// An email to the chat's customer, recorded in the chat so its history says what was sent and
// whether the relay took it.
struct Email {
    // 1, 2, ... within the chat.
    std::uint64_t number = 0;
    EmailKind kind = EmailKind::message;
    std::string to;
    std::string subject;
    // The agent's text; a transcript's body is the chat itself, rendered when it is sent.
    std::string body;
    // Who asked for it: the customer's id or the agent's.
    std::string by;
    Timestamp queued_at = 0;
    EmailStatus status = EmailStatus::queued;
    // Why the relay refused it, or what it answered.
    std::string detail;
    std::optional<Timestamp> finished_at;
    bool operator==(const Email&) const = default;
};

struct Csat {
    int score = 0;
    std::string comment;
    Timestamp at = 0;
    bool operator==(const Csat&) const = default;
};

// Invariant: `assignee` is set exactly when status is active; `offer` exactly when offered;
// `pending_transfer` exactly when pending_transfer (the sender has already let go of it).
struct Chat {
    ChatId id;
    CustomerId customer;
    Channel channel = Channel::web;
    QueueId queue = kGeneralQueueId;
    ChatStatus status = ChatStatus::queued;
    std::optional<AgentId> assignee;
    // The assignee took it from the Transferred list, so it may exceed their capacity.
    bool assigned_via_transfer = false;
    std::optional<Offer> offer;
    // Agents who rejected or let time out an offer, declined a transfer, released or handed
    // the chat on: routing never gives it to them again (they may still accept it by hand).
    std::set<AgentId> passed_by;
    std::optional<PendingTransfer> pending_transfer;
    std::vector<Message> messages;
    std::vector<Note> notes;
    std::vector<Activity> activity;
    std::optional<BotContext> bot_context;
    Timestamp created_at = 0;
    Timestamp queued_since = 0;
    std::optional<Timestamp> first_response_at;
    std::optional<Timestamp> accepted_at;
    std::optional<Timestamp> closed_at;
    std::optional<Timestamp> archived_at;
    // The agent who answered first, and the last one who held the chat ("operator").
    std::optional<AgentId> first_responder;
    std::optional<AgentId> last_assignee;
    std::optional<Resolution> resolution;
    // The customer cancelled while an agent held it: "End user has cancelled chat".
    bool customer_cancelled = false;
    std::optional<TicketId> ticket;
    std::optional<Csat> csat;
    std::vector<std::string> tags;
    bool supervisor_requested = false;
    // Supervisors who joined the conversation.
    std::vector<AgentId> participants;
    // Set while the last word (customer or agent) is the agent's: drives reminder and auto-close.
    std::optional<Timestamp> awaiting_customer_since;
    bool reminder_sent = false;
    // Where the customer wants the transcript sent when the chat ends.
    std::optional<std::string> transcript_to;
    std::vector<Email> emails;
    bool customer_typing = false;
    bool staff_typing = false;
    bool operator==(const Chat&) const = default;
};

// [SECTION] Tickets and canned responses

struct Ticket {
    TicketId id = 0;
    TicketKind kind = TicketKind::support_case;
    std::string summary;
    Priority priority = Priority::normal;
    TicketStatus status = TicketStatus::open;
    // The chat the ticket was raised from.
    ChatId chat;
    AgentId created_by;
    Timestamp created_at = 0;
    // Later chats of the same customer linked to this ticket (LinkTicket).
    std::vector<ChatId> linked_chats = {};
    // The external service desk's own id for the ticket, once it has told us.
    std::optional<std::string> reference = {};
    bool operator==(const Ticket&) const = default;
};

struct CannedResponse {
    CannedResponseId id = 0;
    std::string title;
    std::string shortcut;
    // May hold placeholders such as {customer_name} and {agent_name}.
    std::string text;
    // Personal responses belong to one agent; shared ones have no owner.
    std::optional<AgentId> owner;
    bool operator==(const CannedResponse&) const = default;
};

}  // namespace parley::core
