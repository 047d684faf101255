// Wire descriptions of every event and of the event envelope: type names are the
// snake_case of the core's struct names, fields keep the core's names. Private to
// src/protocol (and its tests); depends on core headers and json_fields.h only.
#pragma once

#include "core/events.h"
#include "protocol/core_schema.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

// [SECTION] Envelope

template <>
inline constexpr auto kSchema<core::EventEnvelope> =
    fields(field("command_id", &core::EventEnvelope::command_id),
           field("actor", &core::EventEnvelope::actor), field("at", &core::EventEnvelope::at));

// [SECTION] Events, in the order of core::Event

template <>
inline constexpr auto kSchema<core::ChatStarted> =
    tagged("chat_started", field("chat", &core::ChatStarted::chat),
           field("customer", &core::ChatStarted::customer),
           field("channel", &core::ChatStarted::channel), field("queue", &core::ChatStarted::queue),
           field("bot_context", &core::ChatStarted::bot_context));

template <>
inline constexpr auto kSchema<core::MessagePosted> =
    tagged("message_posted", field("chat", &core::MessagePosted::chat),
           field("message", &core::MessagePosted::message),
           field("author", &core::MessagePosted::author), field("text", &core::MessagePosted::text),
           field("attachments", &core::MessagePosted::attachments));

template <>
inline constexpr auto kSchema<core::TypingChanged> = tagged(
    "typing_changed", field("chat", &core::TypingChanged::chat),
    field("side", &core::TypingChanged::side), field("typing", &core::TypingChanged::typing));

template <>
inline constexpr auto kSchema<core::MessagesDelivered> =
    tagged("messages_delivered", field("chat", &core::MessagesDelivered::chat),
           field("reader", &core::MessagesDelivered::reader),
           field("up_to", &core::MessagesDelivered::up_to));

template <>
inline constexpr auto kSchema<core::MessagesRead> = tagged(
    "messages_read", field("chat", &core::MessagesRead::chat),
    field("reader", &core::MessagesRead::reader), field("up_to", &core::MessagesRead::up_to));

template <>
inline constexpr auto kSchema<core::NoteAdded> = tagged("note_added",
                                                        field("chat", &core::NoteAdded::chat),
                                                        field("note", &core::NoteAdded::note),
                                                        field("author", &core::NoteAdded::author),
                                                        field("text", &core::NoteAdded::text));

template <>
inline constexpr auto kSchema<core::ChatTagsChanged> =
    tagged("chat_tags_changed", field("chat", &core::ChatTagsChanged::chat),
           field("tags", &core::ChatTagsChanged::tags));

template <>
inline constexpr auto kSchema<core::ChatOffered> = tagged(
    "chat_offered", field("chat", &core::ChatOffered::chat),
    field("agent", &core::ChatOffered::agent), field("deadline", &core::ChatOffered::deadline));

template <>
inline constexpr auto kSchema<core::OfferRejected> = tagged(
    "offer_rejected", field("chat", &core::OfferRejected::chat),
    field("agent", &core::OfferRejected::agent), field("reason", &core::OfferRejected::reason),
    field("timed_out", &core::OfferRejected::timed_out));

template <>
inline constexpr auto kSchema<core::ChatAssigned> = tagged(
    "chat_assigned", field("chat", &core::ChatAssigned::chat),
    field("agent", &core::ChatAssigned::agent), field("reason", &core::ChatAssigned::reason));

template <>
inline constexpr auto kSchema<core::TransferRequested> =
    tagged("transfer_requested", field("chat", &core::TransferRequested::chat),
           field("from", &core::TransferRequested::from), field("to", &core::TransferRequested::to),
           field("side_note", &core::TransferRequested::side_note),
           field("deadline", &core::TransferRequested::deadline));

template <>
inline constexpr auto kSchema<core::TransferDeclined> =
    tagged("transfer_declined", field("chat", &core::TransferDeclined::chat),
           field("agent", &core::TransferDeclined::agent),
           field("reason", &core::TransferDeclined::reason),
           field("timed_out", &core::TransferDeclined::timed_out));

template <>
inline constexpr auto kSchema<core::ChatMovedToQueue> =
    tagged("chat_moved_to_queue", field("chat", &core::ChatMovedToQueue::chat),
           field("from", &core::ChatMovedToQueue::from), field("to", &core::ChatMovedToQueue::to),
           field("by", &core::ChatMovedToQueue::by),
           field("side_note", &core::ChatMovedToQueue::side_note));

template <>
inline constexpr auto kSchema<core::ChatReleased> = tagged("chat_released",
                                                           field("chat", &core::ChatReleased::chat),
                                                           field("agent",
                                                                 &core::ChatReleased::agent));

template <>
inline constexpr auto kSchema<core::ChatClosed> = tagged(
    "chat_closed", field("chat", &core::ChatClosed::chat),
    field("outcome", &core::ChatClosed::outcome), field("category", &core::ChatClosed::category),
    field("notes", &core::ChatClosed::notes));

template <>
inline constexpr auto kSchema<core::CustomerCancelled> =
    tagged("customer_cancelled", field("chat", &core::CustomerCancelled::chat));

template <>
inline constexpr auto kSchema<core::CsatSubmitted> = tagged(
    "csat_submitted", field("chat", &core::CsatSubmitted::chat),
    field("score", &core::CsatSubmitted::score), field("comment", &core::CsatSubmitted::comment));

template <>
inline constexpr auto kSchema<core::ChatArchived> =
    tagged("chat_archived", field("chat", &core::ChatArchived::chat));

template <>
inline constexpr auto kSchema<core::ReminderSent> =
    tagged("reminder_sent", field("chat", &core::ReminderSent::chat));

template <>
inline constexpr auto kSchema<core::TranscriptRequested> =
    tagged("transcript_requested", field("chat", &core::TranscriptRequested::chat),
           field("address", &core::TranscriptRequested::address));

template <>
inline constexpr auto kSchema<core::EmailQueued> = tagged("email_queued",
                                                          field("chat", &core::EmailQueued::chat),
                                                          field("email",
                                                                &core::EmailQueued::email));

template <>
inline constexpr auto kSchema<core::EmailDelivered> = tagged(
    "email_delivered", field("chat", &core::EmailDelivered::chat),
    field("email", &core::EmailDelivered::email), field("status", &core::EmailDelivered::status),
    field("detail", &core::EmailDelivered::detail));

template <>
inline constexpr auto kSchema<core::TicketCreated> =
    tagged("ticket_created", field("ticket", &core::TicketCreated::ticket),
           field("chat", &core::TicketCreated::chat), field("kind", &core::TicketCreated::kind),
           field("summary", &core::TicketCreated::summary),
           field("priority", &core::TicketCreated::priority));

template <>
inline constexpr auto kSchema<core::TicketStatusChanged> =
    tagged("ticket_status_changed", field("ticket", &core::TicketStatusChanged::ticket),
           field("status", &core::TicketStatusChanged::status),
           field("reference", &core::TicketStatusChanged::reference));

template <>
inline constexpr auto kSchema<core::SupervisorRequested> =
    tagged("supervisor_requested", field("chat", &core::SupervisorRequested::chat),
           field("agent", &core::SupervisorRequested::agent),
           field("reason", &core::SupervisorRequested::reason));

template <>
inline constexpr auto kSchema<core::SupervisorJoined> =
    tagged("supervisor_joined", field("chat", &core::SupervisorJoined::chat),
           field("supervisor", &core::SupervisorJoined::supervisor));

template <>
inline constexpr auto kSchema<core::PresenceChanged> =
    tagged("presence_changed", field("agent", &core::PresenceChanged::agent),
           field("presence", &core::PresenceChanged::presence));

template <>
inline constexpr auto kSchema<core::CapacityChanged> =
    tagged("capacity_changed", field("agent", &core::CapacityChanged::agent),
           field("capacity", &core::CapacityChanged::capacity));

template <>
inline constexpr auto kSchema<core::AgentCreated> =
    tagged("agent_created", field("agent", &core::AgentCreated::agent),
           field("profile", &core::AgentCreated::profile),
           field("capacity", &core::AgentCreated::capacity));

template <>
inline constexpr auto kSchema<core::AgentUpdated> =
    tagged("agent_updated", field("agent", &core::AgentUpdated::agent),
           field("profile", &core::AgentUpdated::profile));

template <>
inline constexpr auto kSchema<core::AgentEnabledChanged> =
    tagged("agent_enabled_changed", field("agent", &core::AgentEnabledChanged::agent),
           field("enabled", &core::AgentEnabledChanged::enabled));

template <>
inline constexpr auto kSchema<core::QueueCreated> =
    tagged("queue_created", field("queue", &core::QueueCreated::queue),
           field("config", &core::QueueCreated::config));

template <>
inline constexpr auto kSchema<core::QueueUpdated> =
    tagged("queue_updated", field("queue", &core::QueueUpdated::queue),
           field("config", &core::QueueUpdated::config));

template <>
inline constexpr auto kSchema<core::QueueEnabledChanged> =
    tagged("queue_enabled_changed", field("queue", &core::QueueEnabledChanged::queue),
           field("enabled", &core::QueueEnabledChanged::enabled));

template <>
inline constexpr auto kSchema<core::QueueMemberAdded> =
    tagged("queue_member_added", field("queue", &core::QueueMemberAdded::queue),
           field("agent", &core::QueueMemberAdded::agent));

template <>
inline constexpr auto kSchema<core::QueueMemberRemoved> =
    tagged("queue_member_removed", field("queue", &core::QueueMemberRemoved::queue),
           field("agent", &core::QueueMemberRemoved::agent));

template <>
inline constexpr auto kSchema<core::CannedResponseCreated> =
    tagged("canned_response_created", field("id", &core::CannedResponseCreated::id),
           field("owner", &core::CannedResponseCreated::owner),
           field("title", &core::CannedResponseCreated::title),
           field("shortcut", &core::CannedResponseCreated::shortcut),
           field("text", &core::CannedResponseCreated::text));

template <>
inline constexpr auto kSchema<core::CannedResponseUpdated> =
    tagged("canned_response_updated", field("id", &core::CannedResponseUpdated::id),
           field("title", &core::CannedResponseUpdated::title),
           field("shortcut", &core::CannedResponseUpdated::shortcut),
           field("text", &core::CannedResponseUpdated::text));

template <>
inline constexpr auto kSchema<core::CannedResponseDeleted> =
    tagged("canned_response_deleted", field("id", &core::CannedResponseDeleted::id));

template <>
inline constexpr auto kSchema<core::SettingsUpdated> =
    tagged("settings_updated", field("settings", &core::SettingsUpdated::settings));

template <>
inline constexpr auto kSchema<core::TicketLinked> = tagged("ticket_linked",
                                                           field("chat", &core::TicketLinked::chat),
                                                           field("ticket",
                                                                 &core::TicketLinked::ticket));

template <>
inline constexpr auto kSchema<core::CustomerProfileSet> =
    tagged("customer_profile_set", field("customer", &core::CustomerProfileSet::customer),
           field("profile", &core::CustomerProfileSet::profile));

}  // namespace parley::protocol::detail
