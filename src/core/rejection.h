// Why decide() refused a command: a stable snake_case code for programs and a sentence for
// people. Standard library only.
#pragma once

#include <string>
#include <string_view>

namespace parley::core {

struct Rejection {
    std::string code;
    // A sentence a person understands, e.g. "Chat 12 is already accepted by Maria."
    std::string message;
    bool operator==(const Rejection&) const = default;
};

// The stable codes. Clients may switch on them; never rename one.
namespace codes {
// The command itself
inline constexpr std::string_view kInvalidCommandId = "invalid_command_id";
inline constexpr std::string_view kMissingArgument = "missing_argument";
inline constexpr std::string_view kInvalidArgument = "invalid_argument";
inline constexpr std::string_view kNotAuthorized = "not_authorized";
// Lookups
inline constexpr std::string_view kUnknownChat = "unknown_chat";
inline constexpr std::string_view kChatExists = "chat_exists";
inline constexpr std::string_view kUnknownAgent = "unknown_agent";
inline constexpr std::string_view kUnknownQueue = "unknown_queue";
inline constexpr std::string_view kUnknownMessage = "unknown_message";
inline constexpr std::string_view kUnknownCannedResponse = "unknown_canned_response";
// Chat state
inline constexpr std::string_view kChatClosed = "chat_closed";
inline constexpr std::string_view kChatNotClosed = "chat_not_closed";
inline constexpr std::string_view kChatNotActive = "chat_not_active";
inline constexpr std::string_view kAlreadyAssigned = "already_assigned";
inline constexpr std::string_view kNotAssignee = "not_assignee";
inline constexpr std::string_view kNotOffered = "not_offered";
inline constexpr std::string_view kOfferedToOther = "offered_to_other";
inline constexpr std::string_view kTransferPending = "transfer_pending";
inline constexpr std::string_view kNotTransferTarget = "not_transfer_target";
inline constexpr std::string_view kNothingQueued = "nothing_queued";
inline constexpr std::string_view kAlreadyCancelled = "already_cancelled";
// Agents and capacity
inline constexpr std::string_view kNotQueueMember = "not_queue_member";
inline constexpr std::string_view kOverCapacity = "over_capacity";
inline constexpr std::string_view kAgentOffline = "agent_offline";
inline constexpr std::string_view kAgentDisabled = "agent_disabled";
inline constexpr std::string_view kAgentExists = "agent_exists";
inline constexpr std::string_view kAgentHasChats = "agent_has_chats";
inline constexpr std::string_view kAlreadyMember = "already_member";
inline constexpr std::string_view kAlreadyJoined = "already_joined";
// Transfers
inline constexpr std::string_view kTargetOffline = "target_offline";
inline constexpr std::string_view kTargetNotCandidate = "target_not_candidate";
inline constexpr std::string_view kSelfTransfer = "self_transfer";
inline constexpr std::string_view kQueueRefusesTransfers = "queue_refuses_transfers";
inline constexpr std::string_view kSameQueue = "same_queue";
// Queues
inline constexpr std::string_view kQueueDisabled = "queue_disabled";
inline constexpr std::string_view kQueueNameTaken = "queue_name_taken";
inline constexpr std::string_view kGeneralQueue = "general_queue";
// Messages
inline constexpr std::string_view kEmptyMessage = "empty_message";
inline constexpr std::string_view kMessageTooLong = "message_too_long";
inline constexpr std::string_view kAttachmentTooLarge = "attachment_too_large";
inline constexpr std::string_view kAttachmentTypeNotAllowed = "attachment_type_not_allowed";
// Email
inline constexpr std::string_view kNoCustomerEmail = "no_customer_email";
inline constexpr std::string_view kUnknownEmail = "unknown_email";
inline constexpr std::string_view kEmailAlreadyRecorded = "email_already_recorded";
inline constexpr std::string_view kChatWritingLimit = "chat_writing_limit";
inline constexpr std::string_view kTranscriptAddressNotOnRecord =
    "transcript_address_not_on_record";
inline constexpr std::string_view kTranscriptAlreadySent = "transcript_already_sent";
// Tickets and surveys
inline constexpr std::string_view kTicketExists = "ticket_exists";
inline constexpr std::string_view kCsatAlreadySubmitted = "csat_already_submitted";
inline constexpr std::string_view kNothingToRate = "nothing_to_rate";
inline constexpr std::string_view kUnknownTicket = "unknown_ticket";
inline constexpr std::string_view kTicketNotOpen = "ticket_not_open";
inline constexpr std::string_view kTicketOfOtherCustomer = "ticket_of_other_customer";
inline constexpr std::string_view kTicketUnchanged = "ticket_unchanged";
}  // namespace codes

}  // namespace parley::core
