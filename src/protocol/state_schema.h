// Wire descriptions of the entities a snapshot carries (queues, agents, chats and what
// they hold, tickets, canned responses). Private to src/protocol (and its tests); depends
// on core headers and json_fields.h only.
#pragma once

#include "core/model.h"
#include "protocol/core_schema.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

template <>
inline constexpr auto kSchema<core::Queue> = fields(field("id", &core::Queue::id),
                                                    field("config", &core::Queue::config),
                                                    field("enabled", &core::Queue::enabled),
                                                    field("general", &core::Queue::general),
                                                    field("members", &core::Queue::members));

template <>
inline constexpr auto kSchema<core::Agent> = fields(
    field("id", &core::Agent::id), field("profile", &core::Agent::profile),
    field("capacity", &core::Agent::capacity), field("presence", &core::Agent::presence),
    field("enabled", &core::Agent::enabled), field("idle_since", &core::Agent::idle_since),
    field("presence_since", &core::Agent::presence_since), field("queues", &core::Agent::queues));

template <>
inline constexpr auto kSchema<core::Message> =
    fields(field("id", &core::Message::id), field("author", &core::Message::author),
           field("text", &core::Message::text), field("attachments", &core::Message::attachments),
           field("state", &core::Message::state), field("at", &core::Message::at));

template <>
inline constexpr auto kSchema<core::Note> = fields(field("id", &core::Note::id),
                                                   field("author", &core::Note::author),
                                                   field("text", &core::Note::text),
                                                   field("at", &core::Note::at));

template <>
inline constexpr auto kSchema<core::Offer> = fields(field("agent", &core::Offer::agent),
                                                    field("deadline", &core::Offer::deadline));

template <>
inline constexpr auto kSchema<core::PendingTransfer> =
    fields(field("from", &core::PendingTransfer::from), field("to", &core::PendingTransfer::to),
           field("side_note", &core::PendingTransfer::side_note),
           field("requested_at", &core::PendingTransfer::requested_at),
           field("deadline", &core::PendingTransfer::deadline));

template <>
inline constexpr auto kSchema<core::Resolution> = fields(
    field("outcome", &core::Resolution::outcome), field("category", &core::Resolution::category),
    field("notes", &core::Resolution::notes), field("closed_by", &core::Resolution::closed_by));

template <>
inline constexpr auto kSchema<core::Activity> =
    fields(field("kind", &core::Activity::kind), field("at", &core::Activity::at),
           field("by", &core::Activity::by), field("agent", &core::Activity::agent),
           field("queue", &core::Activity::queue), field("reason", &core::Activity::reason),
           field("timed_out", &core::Activity::timed_out), field("note", &core::Activity::note),
           field("messages_before", &core::Activity::messages_before));

template <>
inline constexpr auto kSchema<core::Csat> = fields(field("score", &core::Csat::score),
                                                   field("comment", &core::Csat::comment),
                                                   field("at", &core::Csat::at));

template <>
inline constexpr auto kSchema<core::Chat> = fields(
    field("id", &core::Chat::id), field("customer", &core::Chat::customer),
    field("channel", &core::Chat::channel), field("queue", &core::Chat::queue),
    field("status", &core::Chat::status), field("assignee", &core::Chat::assignee),
    field("assigned_via_transfer", &core::Chat::assigned_via_transfer),
    field("offer", &core::Chat::offer), field("passed_by", &core::Chat::passed_by),
    field("pending_transfer", &core::Chat::pending_transfer),
    field("messages", &core::Chat::messages), field("notes", &core::Chat::notes),
    field("activity", &core::Chat::activity), field("bot_context", &core::Chat::bot_context),
    field("created_at", &core::Chat::created_at), field("queued_since", &core::Chat::queued_since),
    field("first_response_at", &core::Chat::first_response_at),
    field("accepted_at", &core::Chat::accepted_at), field("closed_at", &core::Chat::closed_at),
    field("archived_at", &core::Chat::archived_at),
    field("first_responder", &core::Chat::first_responder),
    field("last_assignee", &core::Chat::last_assignee),
    field("resolution", &core::Chat::resolution),
    field("customer_cancelled", &core::Chat::customer_cancelled),
    field("ticket", &core::Chat::ticket), field("csat", &core::Chat::csat),
    field("tags", &core::Chat::tags),
    field("supervisor_requested", &core::Chat::supervisor_requested),
    field("participants", &core::Chat::participants),
    field("awaiting_customer_since", &core::Chat::awaiting_customer_since),
    field("reminder_sent", &core::Chat::reminder_sent),
    field("transcript_to", &core::Chat::transcript_to), field("emails", &core::Chat::emails),
    field("customer_typing", &core::Chat::customer_typing),
    field("staff_typing", &core::Chat::staff_typing));

template <>
inline constexpr auto kSchema<core::CannedResponse> = fields(
    field("id", &core::CannedResponse::id), field("title", &core::CannedResponse::title),
    field("shortcut", &core::CannedResponse::shortcut), field("text", &core::CannedResponse::text),
    field("owner", &core::CannedResponse::owner));

}  // namespace parley::protocol::detail
