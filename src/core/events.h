// Events: facts the core has decided. Past-tense structs in one variant, each recorded in an
// EventEnvelope with the command id that caused it, the actor and the time. apply() folds
// them into State. Each struct's comment states what it means. Standard library only.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"
#include "core/model.h"

namespace parley::core {

// [SECTION] Chat life

// A chat exists, queued in `queue`; the customer record is created or refreshed.
struct ChatStarted {
    ChatId chat;
    Customer customer;
    Channel channel = Channel::web;
    QueueId queue = kGeneralQueueId;
    std::optional<BotContext> bot_context;
    bool operator==(const ChatStarted&) const = default;
};

// A message joined the transcript, state sent.
struct MessagePosted {
    ChatId chat;
    MessageId message = 0;
    Author author;
    std::string text;
    std::vector<Attachment> attachments;
    bool operator==(const MessagePosted&) const = default;
};

// One side started or stopped typing.
struct TypingChanged {
    ChatId chat;
    Side side = Side::customer;
    bool typing = false;
    bool operator==(const TypingChanged&) const = default;
};

// `reader` received the other side's messages up to `up_to`.
struct MessagesDelivered {
    ChatId chat;
    Side reader = Side::customer;
    MessageId up_to = 0;
    bool operator==(const MessagesDelivered&) const = default;
};

// `reader` read the other side's messages up to `up_to`.
struct MessagesRead {
    ChatId chat;
    Side reader = Side::customer;
    MessageId up_to = 0;
    bool operator==(const MessagesRead&) const = default;
};

// An internal note joined the chat; never shown to customers.
struct NoteAdded {
    ChatId chat;
    NoteId note = 0;
    AgentId author;
    std::string text;
    bool operator==(const NoteAdded&) const = default;
};

// The chat's tags were replaced.
struct ChatTagsChanged {
    ChatId chat;
    std::vector<std::string> tags;
    bool operator==(const ChatTagsChanged&) const = default;
};

// [SECTION] Routing and assignment

// The chat is offered to one agent until `deadline` (offer mode); it counts toward their load.
struct ChatOffered {
    ChatId chat;
    AgentId agent;
    Timestamp deadline = 0;
    bool operator==(const ChatOffered&) const = default;
};

// The offered agent refused, or let the offer time out; the chat is queued again and this
// agent is never offered it again.
struct OfferRejected {
    ChatId chat;
    AgentId agent;
    std::string reason;
    bool timed_out = false;
    bool operator==(const OfferRejected&) const = default;
};

// The chat is active with `agent`, whatever it was before (queued, offered, pending transfer,
// held by someone else).
struct ChatAssigned {
    ChatId chat;
    AgentId agent;
    AssignReason reason = AssignReason::accepted;
    bool operator==(const ChatAssigned&) const = default;
};

// The assignee let go of the chat; pending_transfer to `to` until accepted, declined or
// `deadline`.
struct TransferRequested {
    ChatId chat;
    AgentId from;
    AgentId to;
    std::string side_note;
    Timestamp deadline = 0;
    bool operator==(const TransferRequested&) const = default;
};

// The target declined, or the transfer timed out; the chat is queued again in its queue.
struct TransferDeclined {
    ChatId chat;
    AgentId agent;
    std::string reason;
    bool timed_out = false;
    bool operator==(const TransferDeclined&) const = default;
};

// The chat left its holder and is queued in another queue.
struct ChatMovedToQueue {
    ChatId chat;
    QueueId from = 0;
    QueueId to = 0;
    AgentId by;
    std::string side_note;
    bool operator==(const ChatMovedToQueue&) const = default;
};

// The assignee let go of the chat; it is queued again in its queue.
struct ChatReleased {
    ChatId chat;
    AgentId agent;
    bool operator==(const ChatReleased&) const = default;
};

// [SECTION] Ending chats

// The chat is closed with a resolution; no assignee, offer or transfer remains. The
// resolution's closed_by is the envelope's actor id.
struct ChatClosed {
    ChatId chat;
    ResolutionOutcome outcome = ResolutionOutcome::closed;
    std::string category;
    std::string notes;
    bool operator==(const ChatClosed&) const = default;
};

// The customer cancelled while an agent held the chat; it stays assigned.
struct CustomerCancelled {
    ChatId chat;
    bool operator==(const CustomerCancelled&) const = default;
};

// The customer rated the chat.
struct CsatSubmitted {
    ChatId chat;
    int score = 0;
    std::string comment;
    bool operator==(const CsatSubmitted&) const = default;
};

// The closed chat moved to the archive (still searchable).
struct ChatArchived {
    ChatId chat;
    bool operator==(const ChatArchived&) const = default;
};

// The customer was reminded after the queue's reminder delay of silence.
struct ReminderSent {
    ChatId chat;
    bool operator==(const ReminderSent&) const = default;
};

// [SECTION] Email

// The customer asked for the transcript at `address`, or withdrew the request (empty).
struct TranscriptRequested {
    ChatId chat;
    std::string address;
    bool operator==(const TranscriptRequested&) const = default;
};

// An email to the customer waits for the mail relay.
struct EmailQueued {
    ChatId chat;
    Email email;
    bool operator==(const EmailQueued&) const = default;
};

// The relay took the email, or it could not be sent.
struct EmailDelivered {
    ChatId chat;
    std::uint64_t email = 0;
    EmailStatus status = EmailStatus::sent;
    std::string detail;
    bool operator==(const EmailDelivered&) const = default;
};

// [SECTION] Escalation

// A ticket linked to the chat exists, open.
struct TicketCreated {
    TicketId ticket = 0;
    ChatId chat;
    TicketKind kind = TicketKind::support_case;
    std::string summary;
    Priority priority = Priority::normal;
    bool operator==(const TicketCreated&) const = default;
};

// A ticket was resolved, cancelled or reopened; `reference` (the service desk's id) is kept
// when present.
struct TicketStatusChanged {
    TicketId ticket = 0;
    TicketStatus status = TicketStatus::open;
    std::optional<std::string> reference = {};
    bool operator==(const TicketStatusChanged&) const = default;
};

// Supervisors are alerted about the chat.
struct SupervisorRequested {
    ChatId chat;
    AgentId agent;
    std::string reason;
    bool operator==(const SupervisorRequested&) const = default;
};

// A supervisor takes part in the chat.
struct SupervisorJoined {
    ChatId chat;
    AgentId supervisor;
    bool operator==(const SupervisorJoined&) const = default;
};

// [SECTION] Tickets and customer profiles

// The ticket is linked to `chat` as well; `ticket` is the whole ticket after linking, so a
// replica that could not see it before learns it.
struct TicketLinked {
    ChatId chat;
    Ticket ticket;
    bool operator==(const TicketLinked&) const = default;
};

// The customer's contact details and assets were replaced (the record is created if new).
struct CustomerProfileSet {
    CustomerId customer;
    CustomerProfile profile;
    bool operator==(const CustomerProfileSet&) const = default;
};

// [SECTION] Agents, queues, organisation

struct PresenceChanged {
    AgentId agent;
    Presence presence = Presence::online;
    bool operator==(const PresenceChanged&) const = default;
};

struct CapacityChanged {
    AgentId agent;
    int capacity = 0;
    bool operator==(const CapacityChanged&) const = default;
};

// A staff account exists, enabled and offline.
struct AgentCreated {
    AgentId agent;
    AgentProfile profile;
    int capacity = 3;
    bool operator==(const AgentCreated&) const = default;
};

struct AgentUpdated {
    AgentId agent;
    AgentProfile profile;
    bool operator==(const AgentUpdated&) const = default;
};

// Disabling also sets presence offline.
struct AgentEnabledChanged {
    AgentId agent;
    bool enabled = true;
    bool operator==(const AgentEnabledChanged&) const = default;
};

struct QueueCreated {
    QueueId queue = 0;
    QueueConfig config;
    bool operator==(const QueueCreated&) const = default;
};

struct QueueUpdated {
    QueueId queue = 0;
    QueueConfig config;
    bool operator==(const QueueUpdated&) const = default;
};

struct QueueEnabledChanged {
    QueueId queue = 0;
    bool enabled = true;
    bool operator==(const QueueEnabledChanged&) const = default;
};

struct QueueMemberAdded {
    QueueId queue = 0;
    AgentId agent;
    bool operator==(const QueueMemberAdded&) const = default;
};

struct QueueMemberRemoved {
    QueueId queue = 0;
    AgentId agent;
    bool operator==(const QueueMemberRemoved&) const = default;
};

struct CannedResponseCreated {
    CannedResponseId id = 0;
    std::optional<AgentId> owner;
    std::string title;
    std::string shortcut;
    std::string text;
    bool operator==(const CannedResponseCreated&) const = default;
};

struct CannedResponseUpdated {
    CannedResponseId id = 0;
    std::string title;
    std::string shortcut;
    std::string text;
    bool operator==(const CannedResponseUpdated&) const = default;
};

struct CannedResponseDeleted {
    CannedResponseId id = 0;
    bool operator==(const CannedResponseDeleted&) const = default;
};

struct SettingsUpdated {
    Settings settings;
    bool operator==(const SettingsUpdated&) const = default;
};

using EventVariant =
    std::variant<ChatStarted, MessagePosted, TypingChanged, MessagesDelivered, MessagesRead,
                 NoteAdded, ChatTagsChanged, ChatOffered, OfferRejected, ChatAssigned,
                 TransferRequested, TransferDeclined, ChatMovedToQueue, ChatReleased, ChatClosed,
                 CustomerCancelled, CsatSubmitted, ChatArchived, ReminderSent, TranscriptRequested,
                 EmailQueued, EmailDelivered, TicketCreated, TicketStatusChanged,
                 SupervisorRequested, SupervisorJoined, PresenceChanged, CapacityChanged,
                 AgentCreated, AgentUpdated, AgentEnabledChanged, QueueCreated, QueueUpdated,
                 QueueEnabledChanged, QueueMemberAdded, QueueMemberRemoved, CannedResponseCreated,
                 CannedResponseUpdated, CannedResponseDeleted, SettingsUpdated, TicketLinked,
                 CustomerProfileSet>;

// The variant behind Event, its copies, moves and comparison compiled once in events.cpp, for
// the reason Command's are (commands.h).
struct Event : EventVariant {
    using Variant = EventVariant;
    using Variant::Variant;
    using Variant::operator=;
    Event();
    Event(const Event&);
    Event(Event&&) noexcept;
    Event& operator=(const Event&);
    Event& operator=(Event&&) noexcept;
    ~Event();
    bool operator==(const Event& other) const;
};

struct EventEnvelope {
    // The command that caused the event, as command_key(its actor, its client id); apply()
    // records it so a repeat changes nothing. view_for shows each actor only their own.
    CommandId command_id;
    // Who caused it: the command's actor, or the system for routing and timers.
    Actor actor;
    Timestamp at = 0;
    Event event;
    bool operator==(const EventEnvelope&) const = default;
};

}  // namespace parley::core
