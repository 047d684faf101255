// Wire description of the customer's view of their chat (core/customer_view.h), as the
// chat_view message and a customer's sync carry it. Private to src/protocol (and its tests);
// depends on core headers and json_fields.h only.
#pragma once

#include "core/customer_view.h"
#include "protocol/json_fields.h"
#include "protocol/state_schema.h"

namespace parley::protocol::detail {

template <>
inline constexpr auto kSchema<core::CustomerNotice> = fields(
    field("kind", &core::CustomerNotice::kind), field("before", &core::CustomerNotice::before),
    field("agent", &core::CustomerNotice::agent), field("queue", &core::CustomerNotice::queue));

template <>
inline constexpr auto kSchema<core::Permission> =
    fields(field("allowed", &core::Permission::allowed), field("code", &core::Permission::code),
           field("reason", &core::Permission::reason));

template <>
inline constexpr auto kSchema<core::CustomerActions> = fields(
    field("write", &core::CustomerActions::write), field("attach", &core::CustomerActions::attach),
    field("end_chat", &core::CustomerActions::end_chat),
    field("rate", &core::CustomerActions::rate),
    field("download_transcript", &core::CustomerActions::download_transcript),
    field("email_transcript", &core::CustomerActions::email_transcript));

template <>
inline constexpr auto kSchema<core::CustomerChatView> = fields(
    field("chat", &core::CustomerChatView::chat), field("status", &core::CustomerChatView::status),
    field("agent", &core::CustomerChatView::agent),
    field("waiting", &core::CustomerChatView::waiting),
    field("ended", &core::CustomerChatView::ended),
    field("agent_typing", &core::CustomerChatView::agent_typing),
    field("messages", &core::CustomerChatView::messages),
    field("notices", &core::CustomerChatView::notices),
    field("csat", &core::CustomerChatView::csat),
    field("actions", &core::CustomerChatView::actions));

}  // namespace parley::protocol::detail
