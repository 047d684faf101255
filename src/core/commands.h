// Commands: what someone asks the core to do. Imperative structs in one variant, each sent in
// a CommandEnvelope with a client-generated id, the actor and the server's time.
// Each struct's comment states its rule; decide_*.cpp enforce them. Standard library only.
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

// Customer (as themself), integration or system opens a chat in a queue (General if none);
// widget, bot hand-off (with bot_context) or any channel. Routed by the queue's mode.
struct StartChat {
    Customer customer;
    Channel channel = Channel::web;
    std::optional<QueueId> queue;
    // First customer message; may be empty.
    std::string text;
    std::optional<BotContext> bot_context;
    // The new chat's id, chosen by whoever submits the command: the server draws it at random
    // and replaces whatever a client sent.
    std::optional<ChatId> chat = {};
    bool operator==(const StartChat&) const = default;
};

// The chat's customer (or an integration relaying them) writes; not once the chat is closed.
struct PostCustomerMessage {
    ChatId chat;
    std::string text;
    std::vector<Attachment> attachments;
    bool operator==(const PostCustomerMessage&) const = default;
};

// Only the assignee or a supervisor who joined writes as staff.
struct PostAgentMessage {
    ChatId chat;
    std::string text;
    std::vector<Attachment> attachments;
    bool operator==(const PostAgentMessage&) const = default;
};

// The system or a bot integration writes a notice into an open chat.
struct PostSystemMessage {
    ChatId chat;
    std::string text;
    bool operator==(const PostSystemMessage&) const = default;
};

// The customer or the staff member holding the chat starts or stops typing.
struct SetTyping {
    ChatId chat;
    bool typing = false;
    bool operator==(const SetTyping&) const = default;
};

// The reader's side received the other side's messages up to `up_to`.
struct MarkDelivered {
    ChatId chat;
    MessageId up_to = 0;
    bool operator==(const MarkDelivered&) const = default;
};

// The reader's side read the other side's messages up to `up_to` (implies delivered).
struct MarkRead {
    ChatId chat;
    MessageId up_to = 0;
    bool operator==(const MarkRead&) const = default;
};

// Staff who can see the chat add a note that customers never see.
struct AddNote {
    ChatId chat;
    std::string text;
    bool operator==(const AddNote&) const = default;
};

// Replaces the chat's tags; staff who can see the chat.
struct SetChatTags {
    ChatId chat;
    std::vector<std::string> tags;
    bool operator==(const SetChatTags&) const = default;
};

// [SECTION] Accepting and routing

// A member of the chat's queue takes a queued chat (within capacity), or the agent it is
// offered to takes the offer.
struct AcceptChat {
    ChatId chat;
    bool operator==(const AcceptChat&) const = default;
};

// Takes the oldest queued chat across the agent's queues (within capacity).
struct AcceptNextChat {
    bool operator==(const AcceptNextChat&) const = default;
};

// The offered agent refuses, with a reason; the chat is offered to the next agent and never
// again to this one.
struct RejectOffer {
    ChatId chat;
    std::string reason;
    bool operator==(const RejectOffer&) const = default;
};

// [SECTION] Transfers and release

// The assignee hands the chat to an online candidate (company filter table of seed 003) with a
// side note: pending_transfer, gone from the sender's My chats, in the target's Transferred.
struct TransferToAgent {
    ChatId chat;
    AgentId target;
    std::string side_note;
    bool operator==(const TransferToAgent&) const = default;
};

// The transfer target takes the chat, even beyond capacity (seed 003).
struct AcceptTransfer {
    ChatId chat;
    bool operator==(const AcceptTransfer&) const = default;
};

// The transfer target refuses; the chat goes back to its queue.
struct DeclineTransfer {
    ChatId chat;
    std::string reason;
    bool operator==(const DeclineTransfer&) const = default;
};

// The assignee moves the chat to another queue that accepts transfers; routed by its mode.
struct TransferToQueue {
    ChatId chat;
    QueueId queue = 0;
    std::string side_note;
    bool operator==(const TransferToQueue&) const = default;
};

// The assignee puts the chat back in its queue for the next agent.
struct ReleaseChat {
    ChatId chat;
    bool operator==(const ReleaseChat&) const = default;
};

// [SECTION] Ending chats

// End chat: the assignee closes with a resolution category and notes; with a linked ticket
// they choose to resolve it or leave it open.
struct CloseChat {
    ChatId chat;
    std::string category;
    std::string notes;
    bool resolve_ticket = false;
    bool operator==(const CloseChat&) const = default;
};

// The assignee closes the chat as solved; a linked open ticket is resolved.
struct MarkSolved {
    ChatId chat;
    std::string category;
    std::string notes;
    bool operator==(const MarkSolved&) const = default;
};

// The customer left: the assignee closes as abandoned; a linked ticket becomes cancelled.
struct AbandonChat {
    ChatId chat;
    std::string notes;
    bool operator==(const AbandonChat&) const = default;
};

// The assignee cancels the chat (seed 002); the customer is told.
struct CancelChat {
    ChatId chat;
    std::string reason;
    bool operator==(const CancelChat&) const = default;
};

// The customer cancels: unassigned → closed as cancelled by customer; assigned → stays with
// the agent flagged "End user has cancelled chat".
struct CustomerCancelChat {
    ChatId chat;
    bool operator==(const CustomerCancelChat&) const = default;
};

// The customer rates a closed chat once, 1 to 5.
struct SubmitCsat {
    ChatId chat;
    int score = 0;
    std::string comment;
    bool operator==(const SubmitCsat&) const = default;
};

// [SECTION] Email

// The chat's customer asks for the transcript by email at `address` (empty withdraws the
// request while the chat is open); once the chat has ended it is sent at once.
struct RequestTranscript {
    ChatId chat;
    std::string address;
    bool operator==(const RequestTranscript&) const = default;
};

// "Continue by email": while the chat is open the staff member writing in it, afterwards its
// last agent or a supervisor, emails the customer's address.
struct EmailCustomer {
    ChatId chat;
    std::string subject;
    std::string body;
    bool operator==(const EmailCustomer&) const = default;
};

// The system records what the mail relay did with a queued email.
struct RecordEmailDelivery {
    ChatId chat;
    std::uint64_t email = 0;
    EmailStatus status = EmailStatus::sent;
    std::string detail;
    bool operator==(const RecordEmailDelivery&) const = default;
};

// [SECTION] Escalation

// The assignee (or a supervisor) links one ticket to an open chat.
struct CreateTicket {
    ChatId chat;
    TicketKind kind = TicketKind::support_case;
    std::string summary;
    Priority priority = Priority::normal;
    bool operator==(const CreateTicket&) const = default;
};

// The assignee alerts the supervisors.
struct RequestSupervisor {
    ChatId chat;
    std::string reason;
    bool operator==(const RequestSupervisor&) const = default;
};

// A supervisor or admin joins an active chat and may then write in it.
struct JoinChat {
    ChatId chat;
    bool operator==(const JoinChat&) const = default;
};

// A supervisor or admin gives an open chat to an online enabled agent within capacity.
struct ReassignChat {
    ChatId chat;
    AgentId target;
    bool operator==(const ReassignChat&) const = default;
};

// A supervisor or admin closes any open chat.
struct ForceCloseChat {
    ChatId chat;
    std::string notes;
    bool operator==(const ForceCloseChat&) const = default;
};

// [SECTION] Agents and queues

// An agent sets their own presence; supervisors and admins may set anyone's.
struct SetPresence {
    AgentId agent;
    Presence presence = Presence::online;
    bool operator==(const SetPresence&) const = default;
};

// Supervisors and admins set an agent's capacity (0 to 100).
struct SetCapacity {
    AgentId agent;
    int capacity = 0;
    bool operator==(const SetCapacity&) const = default;
};

// Admins (or the system) create a staff account with a new unique id.
struct CreateAgent {
    AgentId agent;
    AgentProfile profile;
    int capacity = 3;
    bool operator==(const CreateAgent&) const = default;
};

// Admins change an account's name, role and company.
struct UpdateAgent {
    AgentId agent;
    AgentProfile profile;
    bool operator==(const UpdateAgent&) const = default;
};

// Admins disable (only an agent holding no chats) or re-enable an account; disabled means
// offline.
struct SetAgentEnabled {
    AgentId agent;
    bool enabled = true;
    bool operator==(const SetAgentEnabled&) const = default;
};

// Admins create a queue with a unique non-empty name.
struct CreateQueue {
    QueueConfig config;
    bool operator==(const CreateQueue&) const = default;
};

// Admins change a queue's settings; a change of mode re-routes its waiting chats.
struct UpdateQueue {
    QueueId queue = 0;
    QueueConfig config;
    bool operator==(const UpdateQueue&) const = default;
};

// Admins disable (never the General queue) or re-enable a queue; a disabled queue takes no new
// chats or transfers.
struct SetQueueEnabled {
    QueueId queue = 0;
    bool enabled = true;
    bool operator==(const SetQueueEnabled&) const = default;
};

// Admins (or supervisors) add an agent to a queue.
struct AddQueueMember {
    QueueId queue = 0;
    AgentId agent;
    bool operator==(const AddQueueMember&) const = default;
};

// Admins (or supervisors) remove an agent from a queue; chats they hold stay with them.
struct RemoveQueueMember {
    QueueId queue = 0;
    AgentId agent;
    bool operator==(const RemoveQueueMember&) const = default;
};

// Any agent creates a personal response; supervisors and admins also shared ones.
struct CreateCannedResponse {
    std::string title;
    std::string shortcut;
    std::string text;
    bool personal = true;
    bool operator==(const CreateCannedResponse&) const = default;
};

// The owner of a personal response, or a supervisor or admin for a shared one, edits it.
struct UpdateCannedResponse {
    CannedResponseId id = 0;
    std::string title;
    std::string shortcut;
    std::string text;
    bool operator==(const UpdateCannedResponse&) const = default;
};

// Same permission as UpdateCannedResponse.
struct DeleteCannedResponse {
    CannedResponseId id = 0;
    bool operator==(const DeleteCannedResponse&) const = default;
};

// Admins change the organisation settings.
struct UpdateSettings {
    Settings settings;
    bool operator==(const UpdateSettings&) const = default;
};

// [SECTION] Tickets and customer profiles

// The assignee (or a supervisor) links an open ticket of the chat's customer, which they may
// see, to an open chat that has no ticket.
struct LinkTicket {
    ChatId chat;
    TicketId ticket = 0;
    bool operator==(const LinkTicket&) const = default;
};

// An integration (the external service desk), or staff who may see the ticket's chats, sets
// the ticket open, resolved or cancelled, with the service desk's reference if it has one.
struct SetTicketStatus {
    TicketId ticket = 0;
    TicketStatus status = TicketStatus::open;
    std::optional<std::string> reference;
    bool operator==(const SetTicketStatus&) const = default;
};

// An integration replaces a customer's contact details and assets (bounded counts and
// lengths); the customer need not have chatted yet.
struct SetCustomerProfile {
    CustomerId customer;
    CustomerProfile profile;
    bool operator==(const SetCustomerProfile&) const = default;
};

// [SECTION] Time

// The system advances time to the envelope's `at`: offer and transfer time-outs, inactivity
// reminders, auto-close for "customer not responding", archiving by retention.
struct Tick {
    bool operator==(const Tick&) const = default;
};

using CommandVariant = std::variant<
    StartChat, PostCustomerMessage, PostAgentMessage, PostSystemMessage, SetTyping, MarkDelivered,
    MarkRead, AddNote, SetChatTags, AcceptChat, AcceptNextChat, RejectOffer, TransferToAgent,
    AcceptTransfer, DeclineTransfer, TransferToQueue, ReleaseChat, CloseChat, MarkSolved,
    AbandonChat, CancelChat, CustomerCancelChat, SubmitCsat, RequestTranscript, EmailCustomer,
    RecordEmailDelivery, CreateTicket, RequestSupervisor, JoinChat, ReassignChat, ForceCloseChat,
    SetPresence, SetCapacity, CreateAgent, UpdateAgent, SetAgentEnabled, CreateQueue, UpdateQueue,
    SetQueueEnabled, AddQueueMember, RemoveQueueMember, CreateCannedResponse, UpdateCannedResponse,
    DeleteCannedResponse, UpdateSettings, Tick, LinkTicket, SetTicketStatus, SetCustomerProfile>;

// The variant behind Command, its copies, moves and comparison compiled once in commands.cpp:
// libstdc++ builds a variant's special members from tables instantiated per alternative, and
// with some fifty alternatives that cost two to four seconds of compile time in every file that
// copied one (a sixth of both builds). std::visit, std::get_if and std::holds_alternative take
// it as the variant; std::variant_size wants its `Variant`.
struct Command : CommandVariant {
    using Variant = CommandVariant;
    using Variant::Variant;
    using Variant::operator=;
    Command();
    Command(const Command&);
    Command(Command&&) noexcept;
    Command& operator=(const Command&);
    Command& operator=(Command&&) noexcept;
    ~Command();
    bool operator==(const Command& other) const;
};

struct CommandEnvelope {
    // Client-generated, unique per intent and actor; a repeat by the same actor changes
    // nothing (command_key scopes it).
    CommandId id;
    Actor actor;
    // Server time in ms since the epoch, stamped on arrival.
    Timestamp at = 0;
    Command command;
    bool operator==(const CommandEnvelope&) const = default;
};

}  // namespace parley::core
