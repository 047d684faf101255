// Wire descriptions of the core's value types that commands, events and snapshots share
// (actor, author, attachment, customer, bot context, queue and agent settings). Each field
// is named as in the core. Private to src/protocol; depends on core headers and
// json_fields.h only.
#pragma once

#include <tuple>

#include "core/actor.h"
#include "core/model.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

template <>
inline constexpr auto kSchema<core::Actor> = fields(field("kind", &core::Actor::kind),
                                                    field("id", &core::Actor::id));

template <>
inline constexpr auto kSchema<core::Author> = fields(field("kind", &core::Author::kind),
                                                     field("id", &core::Author::id));

template <>
inline constexpr auto kSchema<core::Attachment> = fields(
    field("name", &core::Attachment::name), field("content_type", &core::Attachment::content_type),
    field("size_bytes", &core::Attachment::size_bytes), field("ref", &core::Attachment::ref));

template <>
inline constexpr auto kSchema<core::Asset> = fields(field("name", &core::Asset::name),
                                                    field("type", &core::Asset::type),
                                                    field("identifier", &core::Asset::identifier));

template <>
inline constexpr auto kSchema<core::CustomerProfile> = fields(
    field("phone", &core::CustomerProfile::phone), field("email", &core::CustomerProfile::email),
    field("company", &core::CustomerProfile::company),
    field("assets", &core::CustomerProfile::assets));

template <>
inline constexpr auto kSchema<core::Customer> = fields(field("id", &core::Customer::id),
                                                       field("name", &core::Customer::name),
                                                       field("contact", &core::Customer::contact),
                                                       field("company", &core::Customer::company),
                                                       field("profile", &core::Customer::profile));

template <>
inline constexpr auto kSchema<core::TranscriptLine> =
    fields(field("speaker", &core::TranscriptLine::speaker),
           field("text", &core::TranscriptLine::text), field("at", &core::TranscriptLine::at));

template <>
inline constexpr auto kSchema<core::BotContext> = fields(
    field("transcript", &core::BotContext::transcript), field("intent", &core::BotContext::intent),
    field("attributes", &core::BotContext::attributes));

template <>
inline constexpr auto kSchema<core::Settings> =
    fields(field("company_filter", &core::Settings::company_filter),
           field("retention", &core::Settings::retention),
           field("max_message_length", &core::Settings::max_message_length),
           field("max_attachment_bytes", &core::Settings::max_attachment_bytes),
           field("allowed_attachment_types", &core::Settings::allowed_attachment_types),
           field("customer_messages_per_chat", &core::Settings::customer_messages_per_chat),
           field("customer_bytes_per_chat", &core::Settings::customer_bytes_per_chat));

template <>
inline constexpr auto kSchema<core::QueueConfig> =
    fields(field("name", &core::QueueConfig::name), field("mode", &core::QueueConfig::mode),
           field("reminder_delay", &core::QueueConfig::reminder_delay),
           field("auto_close_delay", &core::QueueConfig::auto_close_delay),
           field("offer_timeout", &core::QueueConfig::offer_timeout),
           field("transfer_timeout", &core::QueueConfig::transfer_timeout),
           field("target_wait", &core::QueueConfig::target_wait),
           field("accepts_transfers", &core::QueueConfig::accepts_transfers));

template <>
inline constexpr auto kSchema<core::AgentProfile> = fields(field("name", &core::AgentProfile::name),
                                                           field("role", &core::AgentProfile::role),
                                                           field("company",
                                                                 &core::AgentProfile::company));

template <>
inline constexpr auto kSchema<core::Email> =
    fields(field("number", &core::Email::number), field("kind", &core::Email::kind),
           field("to", &core::Email::to), field("subject", &core::Email::subject),
           field("body", &core::Email::body), field("by", &core::Email::by),
           field("queued_at", &core::Email::queued_at), field("status", &core::Email::status),
           field("detail", &core::Email::detail), field("finished_at", &core::Email::finished_at));
// In core_schema.h rather than state_schema.h because TicketLinked carries a whole ticket.
template <>
inline constexpr auto kSchema<core::Ticket> = fields(
    field("id", &core::Ticket::id), field("kind", &core::Ticket::kind),
    field("summary", &core::Ticket::summary), field("priority", &core::Ticket::priority),
    field("status", &core::Ticket::status), field("chat", &core::Ticket::chat),
    field("created_by", &core::Ticket::created_by), field("created_at", &core::Ticket::created_at),
    field("linked_chats", &core::Ticket::linked_chats),
    field("reference", &core::Ticket::reference));

}  // namespace parley::protocol::detail
