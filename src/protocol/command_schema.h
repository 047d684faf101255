// Wire descriptions of every command and of the command envelope: type names are the
// snake_case of the core's struct names, fields keep the core's names. Private to
// src/protocol (and its tests); depends on core headers and json_fields.h only.
#pragma once

#include "core/commands.h"
#include "protocol/core_schema.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

// [SECTION] Envelope: "id" is a field of some payloads (canned responses), so the command's
// own id travels as "command_id", the same name events use.
template <>
inline constexpr auto kSchema<core::CommandEnvelope> =
    fields(field("command_id", &core::CommandEnvelope::id),
           field("actor", &core::CommandEnvelope::actor), field("at", &core::CommandEnvelope::at));

// [SECTION] Commands, in the order of core::Command

template <>
inline constexpr auto kSchema<core::StartChat> = tagged(
    "start_chat", field("customer", &core::StartChat::customer),
    field("channel", &core::StartChat::channel), field("queue", &core::StartChat::queue),
    field("text", &core::StartChat::text), field("bot_context", &core::StartChat::bot_context),
    field("chat", &core::StartChat::chat));

template <>
inline constexpr auto kSchema<core::PostCustomerMessage> =
    tagged("post_customer_message", field("chat", &core::PostCustomerMessage::chat),
           field("text", &core::PostCustomerMessage::text),
           field("attachments", &core::PostCustomerMessage::attachments));

template <>
inline constexpr auto kSchema<core::PostAgentMessage> =
    tagged("post_agent_message", field("chat", &core::PostAgentMessage::chat),
           field("text", &core::PostAgentMessage::text),
           field("attachments", &core::PostAgentMessage::attachments));

template <>
inline constexpr auto kSchema<core::PostSystemMessage> =
    tagged("post_system_message", field("chat", &core::PostSystemMessage::chat),
           field("text", &core::PostSystemMessage::text));

template <>
inline constexpr auto kSchema<core::SetTyping> = tagged("set_typing",
                                                        field("chat", &core::SetTyping::chat),
                                                        field("typing", &core::SetTyping::typing));

template <>
inline constexpr auto kSchema<core::MarkDelivered> =
    tagged("mark_delivered", field("chat", &core::MarkDelivered::chat),
           field("up_to", &core::MarkDelivered::up_to));

template <>
inline constexpr auto kSchema<core::MarkRead> = tagged("mark_read",
                                                       field("chat", &core::MarkRead::chat),
                                                       field("up_to", &core::MarkRead::up_to));

template <>
inline constexpr auto kSchema<core::AddNote> = tagged("add_note",
                                                      field("chat", &core::AddNote::chat),
                                                      field("text", &core::AddNote::text));

template <>
inline constexpr auto kSchema<core::SetChatTags> = tagged("set_chat_tags",
                                                          field("chat", &core::SetChatTags::chat),
                                                          field("tags", &core::SetChatTags::tags));

template <>
inline constexpr auto kSchema<core::AcceptChat> = tagged("accept_chat",
                                                         field("chat", &core::AcceptChat::chat));

template <>
inline constexpr auto kSchema<core::AcceptNextChat> = tagged("accept_next_chat");

template <>
inline constexpr auto kSchema<core::RejectOffer> = tagged("reject_offer",
                                                          field("chat", &core::RejectOffer::chat),
                                                          field("reason",
                                                                &core::RejectOffer::reason));

template <>
inline constexpr auto kSchema<core::TransferToAgent> =
    tagged("transfer_to_agent", field("chat", &core::TransferToAgent::chat),
           field("target", &core::TransferToAgent::target),
           field("side_note", &core::TransferToAgent::side_note));

template <>
inline constexpr auto kSchema<core::AcceptTransfer> =
    tagged("accept_transfer", field("chat", &core::AcceptTransfer::chat));

template <>
inline constexpr auto kSchema<core::DeclineTransfer> =
    tagged("decline_transfer", field("chat", &core::DeclineTransfer::chat),
           field("reason", &core::DeclineTransfer::reason));

template <>
inline constexpr auto kSchema<core::TransferToQueue> =
    tagged("transfer_to_queue", field("chat", &core::TransferToQueue::chat),
           field("queue", &core::TransferToQueue::queue),
           field("side_note", &core::TransferToQueue::side_note));

template <>
inline constexpr auto kSchema<core::ReleaseChat> = tagged("release_chat",
                                                          field("chat", &core::ReleaseChat::chat));

template <>
inline constexpr auto kSchema<core::CloseChat> =
    tagged("close_chat", field("chat", &core::CloseChat::chat),
           field("category", &core::CloseChat::category), field("notes", &core::CloseChat::notes),
           field("resolve_ticket", &core::CloseChat::resolve_ticket));

template <>
inline constexpr auto kSchema<core::MarkSolved> = tagged(
    "mark_solved", field("chat", &core::MarkSolved::chat),
    field("category", &core::MarkSolved::category), field("notes", &core::MarkSolved::notes));

template <>
inline constexpr auto kSchema<core::AbandonChat> = tagged("abandon_chat",
                                                          field("chat", &core::AbandonChat::chat),
                                                          field("notes",
                                                                &core::AbandonChat::notes));

template <>
inline constexpr auto kSchema<core::CancelChat> = tagged("cancel_chat",
                                                         field("chat", &core::CancelChat::chat),
                                                         field("reason",
                                                               &core::CancelChat::reason));

template <>
inline constexpr auto kSchema<core::CustomerCancelChat> =
    tagged("customer_cancel_chat", field("chat", &core::CustomerCancelChat::chat));

template <>
inline constexpr auto kSchema<core::SubmitCsat> =
    tagged("submit_csat", field("chat", &core::SubmitCsat::chat),
           field("score", &core::SubmitCsat::score), field("comment", &core::SubmitCsat::comment));

template <>
inline constexpr auto kSchema<core::RequestTranscript> =
    tagged("request_transcript", field("chat", &core::RequestTranscript::chat),
           field("address", &core::RequestTranscript::address));

template <>
inline constexpr auto kSchema<core::EmailCustomer> = tagged(
    "email_customer", field("chat", &core::EmailCustomer::chat),
    field("subject", &core::EmailCustomer::subject), field("body", &core::EmailCustomer::body));

template <>
inline constexpr auto kSchema<core::RecordEmailDelivery> =
    tagged("record_email_delivery", field("chat", &core::RecordEmailDelivery::chat),
           field("email", &core::RecordEmailDelivery::email),
           field("status", &core::RecordEmailDelivery::status),
           field("detail", &core::RecordEmailDelivery::detail));

template <>
inline constexpr auto kSchema<core::CreateTicket> =
    tagged("create_ticket", field("chat", &core::CreateTicket::chat),
           field("kind", &core::CreateTicket::kind), field("summary", &core::CreateTicket::summary),
           field("priority", &core::CreateTicket::priority));

template <>
inline constexpr auto kSchema<core::RequestSupervisor> =
    tagged("request_supervisor", field("chat", &core::RequestSupervisor::chat),
           field("reason", &core::RequestSupervisor::reason));

template <>
inline constexpr auto kSchema<core::JoinChat> = tagged("join_chat",
                                                       field("chat", &core::JoinChat::chat));

template <>
inline constexpr auto kSchema<core::ReassignChat> = tagged("reassign_chat",
                                                           field("chat", &core::ReassignChat::chat),
                                                           field("target",
                                                                 &core::ReassignChat::target));

template <>
inline constexpr auto kSchema<core::ForceCloseChat> =
    tagged("force_close_chat", field("chat", &core::ForceCloseChat::chat),
           field("notes", &core::ForceCloseChat::notes));

template <>
inline constexpr auto kSchema<core::SetPresence> = tagged("set_presence",
                                                          field("agent", &core::SetPresence::agent),
                                                          field("presence",
                                                                &core::SetPresence::presence));

template <>
inline constexpr auto kSchema<core::SetCapacity> = tagged("set_capacity",
                                                          field("agent", &core::SetCapacity::agent),
                                                          field("capacity",
                                                                &core::SetCapacity::capacity));

template <>
inline constexpr auto kSchema<core::CreateAgent> = tagged(
    "create_agent", field("agent", &core::CreateAgent::agent),
    field("profile", &core::CreateAgent::profile), field("capacity", &core::CreateAgent::capacity));

template <>
inline constexpr auto kSchema<core::UpdateAgent> = tagged("update_agent",
                                                          field("agent", &core::UpdateAgent::agent),
                                                          field("profile",
                                                                &core::UpdateAgent::profile));

template <>
inline constexpr auto kSchema<core::SetAgentEnabled> =
    tagged("set_agent_enabled", field("agent", &core::SetAgentEnabled::agent),
           field("enabled", &core::SetAgentEnabled::enabled));

template <>
inline constexpr auto kSchema<core::CreateQueue> =
    tagged("create_queue", field("config", &core::CreateQueue::config));

template <>
inline constexpr auto kSchema<core::UpdateQueue> = tagged("update_queue",
                                                          field("queue", &core::UpdateQueue::queue),
                                                          field("config",
                                                                &core::UpdateQueue::config));

template <>
inline constexpr auto kSchema<core::SetQueueEnabled> =
    tagged("set_queue_enabled", field("queue", &core::SetQueueEnabled::queue),
           field("enabled", &core::SetQueueEnabled::enabled));

template <>
inline constexpr auto kSchema<core::AddQueueMember> =
    tagged("add_queue_member", field("queue", &core::AddQueueMember::queue),
           field("agent", &core::AddQueueMember::agent));

template <>
inline constexpr auto kSchema<core::RemoveQueueMember> =
    tagged("remove_queue_member", field("queue", &core::RemoveQueueMember::queue),
           field("agent", &core::RemoveQueueMember::agent));

template <>
inline constexpr auto kSchema<core::CreateCannedResponse> =
    tagged("create_canned_response", field("title", &core::CreateCannedResponse::title),
           field("shortcut", &core::CreateCannedResponse::shortcut),
           field("text", &core::CreateCannedResponse::text),
           field("personal", &core::CreateCannedResponse::personal));

template <>
inline constexpr auto kSchema<core::UpdateCannedResponse> =
    tagged("update_canned_response", field("id", &core::UpdateCannedResponse::id),
           field("title", &core::UpdateCannedResponse::title),
           field("shortcut", &core::UpdateCannedResponse::shortcut),
           field("text", &core::UpdateCannedResponse::text));

template <>
inline constexpr auto kSchema<core::DeleteCannedResponse> =
    tagged("delete_canned_response", field("id", &core::DeleteCannedResponse::id));

template <>
inline constexpr auto kSchema<core::UpdateSettings> =
    tagged("update_settings", field("settings", &core::UpdateSettings::settings));

template <>
inline constexpr auto kSchema<core::Tick> = tagged("tick");

template <>
inline constexpr auto kSchema<core::LinkTicket> = tagged("link_ticket",
                                                         field("chat", &core::LinkTicket::chat),
                                                         field("ticket",
                                                               &core::LinkTicket::ticket));

template <>
inline constexpr auto kSchema<core::SetTicketStatus> =
    tagged("set_ticket_status", field("ticket", &core::SetTicketStatus::ticket),
           field("status", &core::SetTicketStatus::status),
           field("reference", &core::SetTicketStatus::reference));

template <>
inline constexpr auto kSchema<core::SetCustomerProfile> =
    tagged("set_customer_profile", field("customer", &core::SetCustomerProfile::customer),
           field("profile", &core::SetCustomerProfile::profile));

}  // namespace parley::protocol::detail
