// One decide_command() overload per command, defined in the decide_*.cpp file of its area.
// Each checks, in this order, who acts, which chat, the chat's state, then the arguments, so a
// probe with empty arguments (allowed_actions) stops at missing_argument exactly when
// everything but the arguments is allowed. Internal to the core. Standard library only.
#pragma once

#include "core/decide_context.h"

namespace parley::core {

// decide_chat.cpp
Decision decide_command(Context& ctx, const StartChat& cmd);
Decision decide_command(Context& ctx, const PostCustomerMessage& cmd);
Decision decide_command(Context& ctx, const PostAgentMessage& cmd);
Decision decide_command(Context& ctx, const PostSystemMessage& cmd);
Decision decide_command(Context& ctx, const SetTyping& cmd);
Decision decide_command(Context& ctx, const MarkDelivered& cmd);
Decision decide_command(Context& ctx, const MarkRead& cmd);
Decision decide_command(Context& ctx, const AddNote& cmd);
Decision decide_command(Context& ctx, const SetChatTags& cmd);
// decide_accept.cpp
Decision decide_command(Context& ctx, const AcceptChat& cmd);
Decision decide_command(Context& ctx, const AcceptNextChat& cmd);
Decision decide_command(Context& ctx, const RejectOffer& cmd);
// decide_transfer.cpp
Decision decide_command(Context& ctx, const TransferToAgent& cmd);
Decision decide_command(Context& ctx, const AcceptTransfer& cmd);
Decision decide_command(Context& ctx, const DeclineTransfer& cmd);
Decision decide_command(Context& ctx, const TransferToQueue& cmd);
Decision decide_command(Context& ctx, const ReleaseChat& cmd);
// decide_close.cpp
Decision decide_command(Context& ctx, const CloseChat& cmd);
Decision decide_command(Context& ctx, const MarkSolved& cmd);
Decision decide_command(Context& ctx, const AbandonChat& cmd);
Decision decide_command(Context& ctx, const CancelChat& cmd);
Decision decide_command(Context& ctx, const CustomerCancelChat& cmd);
Decision decide_command(Context& ctx, const SubmitCsat& cmd);
// decide_email.cpp
Decision decide_command(Context& ctx, const RequestTranscript& cmd);
Decision decide_command(Context& ctx, const EmailCustomer& cmd);
Decision decide_command(Context& ctx, const RecordEmailDelivery& cmd);
// decide_escalation.cpp
Decision decide_command(Context& ctx, const CreateTicket& cmd);
Decision decide_command(Context& ctx, const RequestSupervisor& cmd);
Decision decide_command(Context& ctx, const JoinChat& cmd);
Decision decide_command(Context& ctx, const ReassignChat& cmd);
Decision decide_command(Context& ctx, const ForceCloseChat& cmd);
// decide_admin.cpp
Decision decide_command(Context& ctx, const SetPresence& cmd);
Decision decide_command(Context& ctx, const SetCapacity& cmd);
Decision decide_command(Context& ctx, const CreateAgent& cmd);
Decision decide_command(Context& ctx, const UpdateAgent& cmd);
Decision decide_command(Context& ctx, const SetAgentEnabled& cmd);
Decision decide_command(Context& ctx, const CreateQueue& cmd);
Decision decide_command(Context& ctx, const UpdateQueue& cmd);
Decision decide_command(Context& ctx, const SetQueueEnabled& cmd);
Decision decide_command(Context& ctx, const AddQueueMember& cmd);
Decision decide_command(Context& ctx, const RemoveQueueMember& cmd);
Decision decide_command(Context& ctx, const CreateCannedResponse& cmd);
Decision decide_command(Context& ctx, const UpdateCannedResponse& cmd);
Decision decide_command(Context& ctx, const DeleteCannedResponse& cmd);
Decision decide_command(Context& ctx, const UpdateSettings& cmd);
// decide_tick.cpp
Decision decide_command(Context& ctx, const Tick& cmd);
// decide_tickets.cpp
Decision decide_command(Context& ctx, const LinkTicket& cmd);
// The opening of CreateTicket and LinkTicket: the assignee (or a supervisor) acts on an open
// chat that has no ticket yet.
std::optional<Decision> check_ticketless_chat(Context& ctx, ChatId id, const Chat*& chat);
Decision decide_command(Context& ctx, const SetTicketStatus& cmd);
Decision decide_command(Context& ctx, const SetCustomerProfile& cmd);

class Router;

// Ends a chat as `outcome`, moves a linked open ticket to `ticket_becomes`, and tells the
// router whose load fell; the caller fills that agent (decide_close.cpp).
std::optional<AgentId> end_chat(Context& ctx, Router& router, const Chat& chat,
                                ResolutionOutcome outcome, std::string category, std::string notes,
                                std::optional<TicketStatus> ticket_becomes);

// Queues the transcript to `address` as the system (decide_email.cpp).
void queue_transcript(Context& ctx, const Chat& chat, const std::string& address);

}  // namespace parley::core
