// Wire descriptions of every REST body (the same kSchema tables as the WebSocket messages),
// each with the name the published contract gives it. Field bounds (the third argument of
// field()) are what a stranger may send: the decoder refuses more, and the contract states the
// same figures; the fourth bounds each string of a list, or each key and value of a map.
// Private to src/protocol.
#pragma once

#include "protocol/core_schema.h"
#include "protocol/json_fields.h"
#include "protocol/rest/chat_bodies.h"
#include "protocol/rest/error_body.h"
#include "protocol/rest/knowledge_bodies.h"
#include "protocol/rest/limits.h"
#include "protocol/rest/organisation_bodies.h"
#include "protocol/rest/report_bodies.h"
#include "protocol/rest/session_bodies.h"
#include "protocol/rest/ticket_bodies.h"
#include "protocol/rest/webhook_bodies.h"
#include "protocol/state_schema.h"

namespace parley::protocol::rest {

// A queue by name (a string) or id (an integer).
detail::Json write_custom(const QueueRef& queue);
detail::Problem read_custom(const detail::Json& json, QueueRef& out, const detail::Path& path);
detail::Json schema_custom(const QueueRef*);

// Any JSON value, kept as its text.
detail::Json write_custom(const EmbeddedJson& document);
detail::Problem read_custom(const detail::Json& json, EmbeddedJson& out, const detail::Path& path);
detail::Json schema_custom(const EmbeddedJson*);

}  // namespace parley::protocol::rest

namespace parley::protocol::detail {

// The name of a REST body in the published contract ("#/components/schemas/SignIn").
template <class T>
inline constexpr std::string_view kBodyName{};

#define PARLEY_REST_BODY(T, ...)                                  \
    template <>                                                   \
    inline constexpr auto kSchema<rest::T> = fields(__VA_ARGS__); \
    template <>                                                   \
    inline constexpr std::string_view kBodyName<rest::T> = #T;

// The core's knowledge types, which no WebSocket message carries.
template <>
inline constexpr auto kSchema<core::Article> =
    fields(field("id", &core::Article::id), field("title", &core::Article::title),
           field("body", &core::Article::body), field("tags", &core::Article::tags),
           field("queues", &core::Article::queues), field("status", &core::Article::status),
           field("link", &core::Article::link), field("updated_at", &core::Article::updated_at));

template <>
inline constexpr auto kSchema<core::Outage> =
    fields(field("id", &core::Outage::id), field("title", &core::Outage::title),
           field("service", &core::Outage::service), field("starts_at", &core::Outage::starts_at),
           field("expected_end", &core::Outage::expected_end),
           field("greet_queues", &core::Outage::greet_queues),
           field("updated_at", &core::Outage::updated_at));

template <>
inline constexpr auto kSchema<core::QueuePosition> =
    fields(field("position", &core::QueuePosition::position),
           field("waiting", &core::QueuePosition::waiting),
           field("estimated_wait", &core::QueuePosition::estimated_wait));

// [SECTION] Session

using namespace rest::limits;

PARLEY_REST_BODY(SignIn, field("agent", &rest::SignIn::agent, kNameBytes),
                 field("password", &rest::SignIn::password, kPasswordBytes),
                 field("bearer", &rest::SignIn::bearer))
PARLEY_REST_BODY(SessionAnswer, field("actor", &rest::SessionAnswer::actor),
                 field("expires_at", &rest::SessionAnswer::expires_at),
                 field("token", &rest::SessionAnswer::token),
                 field("chat", &rest::SessionAnswer::chat))
PARLEY_REST_BODY(SignedOut, field("signed_out", &rest::SignedOut::signed_out))
PARLEY_REST_BODY(ChangePassword,
                 field("current_password", &rest::ChangePassword::current_password, kPasswordBytes),
                 field("new_password", &rest::ChangePassword::new_password, kPasswordBytes))
PARLEY_REST_BODY(PasswordChanged,
                 field("password_changed", &rest::PasswordChanged::password_changed),
                 field("signed_out", &rest::PasswordChanged::signed_out))
PARLEY_REST_BODY(ErrorAnswer, field("code", &rest::ErrorAnswer::code),
                 field("message", &rest::ErrorAnswer::message))

// [SECTION] Chats

PARLEY_REST_BODY(StartCustomerChat, field("name", &rest::StartCustomerChat::name, kNameBytes),
                 field("email", &rest::StartCustomerChat::email, kAddressBytes),
                 field("company", &rest::StartCustomerChat::company, kNameBytes),
                 field("queue", &rest::StartCustomerChat::queue),
                 field("topic", &rest::StartCustomerChat::topic, kNameBytes),
                 field("question", &rest::StartCustomerChat::question, kTextBytes))
PARLEY_REST_BODY(HandedOverCustomer, field("name", &rest::HandedOverCustomer::name, kNameBytes),
                 field("contact", &rest::HandedOverCustomer::contact, kAddressBytes),
                 field("company", &rest::HandedOverCustomer::company, kNameBytes),
                 field("external_id", &rest::HandedOverCustomer::external_id, kNameBytes))
PARLEY_REST_BODY(BotLine, field("speaker", &rest::BotLine::speaker, kNameBytes),
                 field("text", &rest::BotLine::text, kTextBytes), field("at", &rest::BotLine::at))
PARLEY_REST_BODY(StartIntegrationChat, field("customer", &rest::StartIntegrationChat::customer),
                 field("channel", &rest::StartIntegrationChat::channel),
                 field("queue", &rest::StartIntegrationChat::queue),
                 field("topic", &rest::StartIntegrationChat::topic, kNameBytes),
                 field("question", &rest::StartIntegrationChat::question, kTextBytes),
                 field("bot_transcript", &rest::StartIntegrationChat::bot_transcript, kBotLines),
                 field("intent", &rest::StartIntegrationChat::intent, kNameBytes),
                 field("context", &rest::StartIntegrationChat::context, kContextEntries,
                       kContextBytes),
                 field("external_ids", &rest::StartIntegrationChat::external_ids, kExternalIds,
                       kNameBytes))
PARLEY_REST_BODY(ChatStarted, field("chat", &rest::ChatStarted::chat),
                 field("customer", &rest::ChatStarted::customer),
                 field("token", &rest::ChatStarted::token),
                 field("expires_at", &rest::ChatStarted::expires_at))

template <>
inline constexpr auto kSchema<rest::ChatAnswer> =
    extend(kSchema<core::Chat>, field("queue_position", &rest::ChatAnswer::queue_position));
template <>
inline constexpr std::string_view kBodyName<rest::ChatAnswer> = "ChatAnswer";

PARLEY_REST_BODY(MessagesAnswer, field("messages", &rest::MessagesAnswer::messages),
                 field("chat_status", &rest::MessagesAnswer::chat_status))
PARLEY_REST_BODY(PostMessage, field("text", &rest::PostMessage::text, kTextBytes),
                 field("attachments", &rest::PostMessage::attachments, kMessageAttachments,
                       kNameBytes),
                 field("as", &rest::PostMessage::as, kNameBytes))
PARLEY_REST_BODY(Posted, field("seq", &rest::Posted::seq),
                 field("duplicate", &rest::Posted::duplicate))
PARLEY_REST_BODY(AttachmentUploaded, field("id", &rest::AttachmentUploaded::id),
                 field("name", &rest::AttachmentUploaded::name),
                 field("size", &rest::AttachmentUploaded::size),
                 field("content_type", &rest::AttachmentUploaded::content_type),
                 field("chat", &rest::AttachmentUploaded::chat))
PARLEY_REST_BODY(LastMessage, field("text", &rest::LastMessage::text),
                 field("at", &rest::LastMessage::at), field("author", &rest::LastMessage::author),
                 field("author_name", &rest::LastMessage::author_name))
PARLEY_REST_BODY(ChatRow, field("id", &rest::ChatRow::id), field("status", &rest::ChatRow::status),
                 field("channel", &rest::ChatRow::channel), field("queue", &rest::ChatRow::queue),
                 field("queue_name", &rest::ChatRow::queue_name),
                 field("customer", &rest::ChatRow::customer),
                 field("customer_name", &rest::ChatRow::customer_name),
                 field("assignee", &rest::ChatRow::assignee),
                 field("operator_name", &rest::ChatRow::operator_name),
                 field("created_at", &rest::ChatRow::created_at),
                 field("closed_at", &rest::ChatRow::closed_at),
                 field("last_message", &rest::ChatRow::last_message),
                 field("message_count", &rest::ChatRow::message_count))
PARLEY_REST_BODY(ChatPage, field("chats", &rest::ChatPage::chats),
                 field("next_cursor", &rest::ChatPage::next_cursor))
PARLEY_REST_BODY(TranscriptAnswer, field("chat", &rest::TranscriptAnswer::chat),
                 field("customer_name", &rest::TranscriptAnswer::customer_name),
                 field("queue_name", &rest::TranscriptAnswer::queue_name),
                 field("author_names", &rest::TranscriptAnswer::author_names))

// [SECTION] Organisation and administration

PARLEY_REST_BODY(QueueRow, field("id", &rest::QueueRow::id), field("name", &rest::QueueRow::name),
                 field("mode", &rest::QueueRow::mode), field("enabled", &rest::QueueRow::enabled),
                 field("general", &rest::QueueRow::general),
                 field("accepts_transfers", &rest::QueueRow::accepts_transfers),
                 field("reminder_delay", &rest::QueueRow::reminder_delay),
                 field("auto_close_delay", &rest::QueueRow::auto_close_delay),
                 field("offer_timeout", &rest::QueueRow::offer_timeout),
                 field("transfer_timeout", &rest::QueueRow::transfer_timeout),
                 field("target_wait", &rest::QueueRow::target_wait),
                 field("members", &rest::QueueRow::members),
                 field("waiting", &rest::QueueRow::waiting))
PARLEY_REST_BODY(QueueList, field("queues", &rest::QueueList::queues))
PARLEY_REST_BODY(AgentRow, field("id", &rest::AgentRow::id), field("name", &rest::AgentRow::name),
                 field("role", &rest::AgentRow::role), field("company", &rest::AgentRow::company),
                 field("presence", &rest::AgentRow::presence),
                 field("capacity", &rest::AgentRow::capacity),
                 field("enabled", &rest::AgentRow::enabled),
                 field("queues", &rest::AgentRow::queues), field("load", &rest::AgentRow::load))
PARLEY_REST_BODY(AgentList, field("agents", &rest::AgentList::agents))
PARLEY_REST_BODY(CannedResponseRow, field("id", &rest::CannedResponseRow::id),
                 field("title", &rest::CannedResponseRow::title),
                 field("shortcut", &rest::CannedResponseRow::shortcut),
                 field("text", &rest::CannedResponseRow::text),
                 field("personal", &rest::CannedResponseRow::personal))
PARLEY_REST_BODY(CannedResponseList,
                 field("canned_responses", &rest::CannedResponseList::canned_responses))
PARLEY_REST_BODY(SettingsAnswer, field("settings", &rest::SettingsAnswer::settings))
PARLEY_REST_BODY(CreateStaffAccount, field("id", &rest::CreateStaffAccount::id, kAgentIdBytes),
                 field("name", &rest::CreateStaffAccount::name, kNameBytes),
                 field("role", &rest::CreateStaffAccount::role),
                 field("company", &rest::CreateStaffAccount::company, kNameBytes),
                 field("capacity", &rest::CreateStaffAccount::capacity),
                 field("password", &rest::CreateStaffAccount::password, kPasswordBytes),
                 field("queues", &rest::CreateStaffAccount::queues, kAgentQueues))
PARLEY_REST_BODY(StaffAccountCreated, field("id", &rest::StaffAccountCreated::id),
                 field("name", &rest::StaffAccountCreated::name),
                 field("role", &rest::StaffAccountCreated::role),
                 field("company", &rest::StaffAccountCreated::company),
                 field("capacity", &rest::StaffAccountCreated::capacity),
                 field("queues", &rest::StaffAccountCreated::queues))
PARLEY_REST_BODY(ResetPassword, field("password", &rest::ResetPassword::password, kPasswordBytes))
PARLEY_REST_BODY(PasswordReset, field("agent", &rest::PasswordReset::agent),
                 field("password_reset", &rest::PasswordReset::password_reset))
PARLEY_REST_BODY(CreateApiKey, field("name", &rest::CreateApiKey::name, kApiKeyNameBytes))
PARLEY_REST_BODY(ApiKeyRow, field("id", &rest::ApiKeyRow::id),
                 field("name", &rest::ApiKeyRow::name),
                 field("created_by", &rest::ApiKeyRow::created_by),
                 field("created_at", &rest::ApiKeyRow::created_at),
                 field("revoked", &rest::ApiKeyRow::revoked))
PARLEY_REST_BODY(ApiKeyCreated, field("id", &rest::ApiKeyCreated::id),
                 field("name", &rest::ApiKeyCreated::name),
                 field("created_by", &rest::ApiKeyCreated::created_by),
                 field("created_at", &rest::ApiKeyCreated::created_at),
                 field("key", &rest::ApiKeyCreated::key))
PARLEY_REST_BODY(ApiKeyList, field("api_keys", &rest::ApiKeyList::api_keys))
PARLEY_REST_BODY(ApiKeyRevoked, field("id", &rest::ApiKeyRevoked::id),
                 field("revoked", &rest::ApiKeyRevoked::revoked))

// [SECTION] Tickets and customers

template <>
inline constexpr auto kSchema<rest::TicketView> =
    extend(kSchema<core::Ticket>, field("created_by_name", &rest::TicketView::created_by_name));
template <>
inline constexpr std::string_view kBodyName<rest::TicketView> = "TicketView";

PARLEY_REST_BODY(TicketAnswer, field("ticket", &rest::TicketAnswer::ticket))
PARLEY_REST_BODY(SetTicketStatus, field("status", &rest::SetTicketStatus::status),
                 field("reference", &rest::SetTicketStatus::reference, kNameBytes))
PARLEY_REST_BODY(AssetInput, field("name", &rest::AssetInput::name, kNameBytes),
                 field("type", &rest::AssetInput::type, kNameBytes),
                 field("identifier", &rest::AssetInput::identifier, kNameBytes))
PARLEY_REST_BODY(CustomerProfileUpdate,
                 field("phone", &rest::CustomerProfileUpdate::phone, kNameBytes),
                 field("email", &rest::CustomerProfileUpdate::email, kNameBytes),
                 field("company", &rest::CustomerProfileUpdate::company, kNameBytes),
                 field("assets", &rest::CustomerProfileUpdate::assets, kCustomerAssets))
PARLEY_REST_BODY(CustomerView, field("id", &rest::CustomerView::id),
                 field("name", &rest::CustomerView::name),
                 field("contact", &rest::CustomerView::contact),
                 field("company", &rest::CustomerView::company),
                 field("phone", &rest::CustomerView::phone),
                 field("email", &rest::CustomerView::email),
                 field("assets", &rest::CustomerView::assets))
PARLEY_REST_BODY(CustomerAnswer, field("customer", &rest::CustomerAnswer::customer))
PARLEY_REST_BODY(CustomerRecord, field("customer", &rest::CustomerRecord::customer),
                 field("chats", &rest::CustomerRecord::chats),
                 field("tickets", &rest::CustomerRecord::tickets))

// [SECTION] Knowledge and outages

template <>
inline constexpr auto kSchema<rest::ArticleView> =
    extend(kSchema<core::Article>, field("snippet", &rest::ArticleView::snippet));
template <>
inline constexpr std::string_view kBodyName<rest::ArticleView> = "ArticleView";

PARLEY_REST_BODY(ArticleSearch, field("query", &rest::ArticleSearch::query),
                 field("articles", &rest::ArticleSearch::articles))
PARLEY_REST_BODY(ArticleSuggestions, field("chat", &rest::ArticleSuggestions::chat),
                 field("message", &rest::ArticleSuggestions::message),
                 field("articles", &rest::ArticleSuggestions::articles))
PARLEY_REST_BODY(ArticleWrite, field("title", &rest::ArticleWrite::title, core::kArticleTitleBytes),
                 field("body", &rest::ArticleWrite::body, core::kArticleBodyBytes),
                 field("tags", &rest::ArticleWrite::tags, core::kArticleTags, kNameBytes),
                 field("queues", &rest::ArticleWrite::queues, kArticleQueues),
                 field("status", &rest::ArticleWrite::status),
                 field("link", &rest::ArticleWrite::link, core::kArticleLinkBytes))
PARLEY_REST_BODY(Deleted, field("id", &rest::Deleted::id),
                 field("deleted", &rest::Deleted::deleted))

template <>
inline constexpr auto kSchema<rest::OutageView> =
    extend(kSchema<core::Outage>, field("current", &rest::OutageView::current));
template <>
inline constexpr std::string_view kBodyName<rest::OutageView> = "OutageView";

PARLEY_REST_BODY(OutageList, field("outages", &rest::OutageList::outages))
PARLEY_REST_BODY(OutageWrite, field("title", &rest::OutageWrite::title, kNameBytes),
                 field("service", &rest::OutageWrite::service, kNameBytes),
                 field("starts_at", &rest::OutageWrite::starts_at),
                 field("expected_end", &rest::OutageWrite::expected_end),
                 field("greet_queues", &rest::OutageWrite::greet_queues, kArticleQueues))

// [SECTION] Webhook

PARLEY_REST_BODY(WebhookUpdate, field("url", &rest::WebhookUpdate::url, kUrlBytes),
                 field("secret", &rest::WebhookUpdate::secret, kSecretBytes),
                 field("enabled", &rest::WebhookUpdate::enabled))
PARLEY_REST_BODY(TicketWebhook, field("event", &rest::TicketWebhook::event),
                 field("at", &rest::TicketWebhook::at),
                 field("at_iso", &rest::TicketWebhook::at_iso),
                 field("actor", &rest::TicketWebhook::actor),
                 field("ticket", &rest::TicketWebhook::ticket),
                 field("chat", &rest::TicketWebhook::chat),
                 field("customer", &rest::TicketWebhook::customer))
PARLEY_REST_BODY(WebhookView, field("url", &rest::WebhookView::url),
                 field("enabled", &rest::WebhookView::enabled),
                 field("secret_set", &rest::WebhookView::secret_set),
                 field("secret_hint", &rest::WebhookView::secret_hint))
PARLEY_REST_BODY(WebhookAnswer, field("webhook", &rest::WebhookAnswer::webhook))
PARLEY_REST_BODY(DeliveryRow, field("id", &rest::DeliveryRow::id),
                 field("ticket", &rest::DeliveryRow::ticket),
                 field("event", &rest::DeliveryRow::event),
                 field("status", &rest::DeliveryRow::status),
                 field("attempts", &rest::DeliveryRow::attempts),
                 field("created_at", &rest::DeliveryRow::created_at),
                 field("next_attempt_at", &rest::DeliveryRow::next_attempt_at),
                 field("last_attempt_at", &rest::DeliveryRow::last_attempt_at),
                 field("last_status_code", &rest::DeliveryRow::last_status_code),
                 field("last_error", &rest::DeliveryRow::last_error),
                 field("payload", &rest::DeliveryRow::payload))
PARLEY_REST_BODY(DeliveryLog, field("deliveries", &rest::DeliveryLog::deliveries),
                 field("next_before", &rest::DeliveryLog::next_before))

// [SECTION] Reports and commands

PARLEY_REST_BODY(AnalyticsFigures, field("group", &rest::AnalyticsFigures::group),
                 field("chats", &rest::AnalyticsFigures::chats),
                 field("closed", &rest::AnalyticsFigures::closed),
                 field("abandoned", &rest::AnalyticsFigures::abandoned),
                 field("abandonment_rate", &rest::AnalyticsFigures::abandonment_rate),
                 field("messages", &rest::AnalyticsFigures::messages),
                 field("messages_per_chat", &rest::AnalyticsFigures::messages_per_chat),
                 field("first_response_ms", &rest::AnalyticsFigures::first_response_ms),
                 field("first_responses", &rest::AnalyticsFigures::first_responses),
                 field("response_ms", &rest::AnalyticsFigures::response_ms),
                 field("responses", &rest::AnalyticsFigures::responses),
                 field("resolution_ms", &rest::AnalyticsFigures::resolution_ms),
                 field("resolutions", &rest::AnalyticsFigures::resolutions),
                 field("wait_ms", &rest::AnalyticsFigures::wait_ms),
                 field("waits", &rest::AnalyticsFigures::waits),
                 field("csat", &rest::AnalyticsFigures::csat),
                 field("csat_count", &rest::AnalyticsFigures::csat_count))
PARLEY_REST_BODY(AnalyticsReport, field("by", &rest::AnalyticsReport::by),
                 field("from", &rest::AnalyticsReport::from),
                 field("to", &rest::AnalyticsReport::to),
                 field("rows", &rest::AnalyticsReport::rows))
PARLEY_REST_BODY(CommandAnswer, field("command_id", &rest::CommandAnswer::command_id),
                 field("seq", &rest::CommandAnswer::seq),
                 field("duplicate", &rest::CommandAnswer::duplicate))

#undef PARLEY_REST_BODY

}  // namespace parley::protocol::detail
