// Wire descriptions of the automation snapshot's structs (snapshot.h, workspaces.h), in the
// kSchema tables every codec walks. Private to src/protocol.
#pragma once

#include "protocol/automation/snapshot.h"
#include "protocol/automation/workspaces.h"
#include "protocol/json_fields.h"

namespace parley::protocol::detail {

#define PARLEY_AUTOMATION_PART(T, ...) \
    template <>                        \
    inline constexpr auto kSchema<automation::T> = fields(__VA_ARGS__);

// [SECTION] Floor

PARLEY_AUTOMATION_PART(AgentLoad, field("agent", &automation::AgentLoad::agent),
                       field("load", &automation::AgentLoad::load))
PARLEY_AUTOMATION_PART(QueueFigures, field("name", &automation::QueueFigures::name),
                       field("waiting", &automation::QueueFigures::waiting),
                       field("offered", &automation::QueueFigures::offered),
                       field("active", &automation::QueueFigures::active),
                       field("longest_wait", &automation::QueueFigures::longest_wait),
                       field("online", &automation::QueueFigures::online),
                       field("started_today", &automation::QueueFigures::started_today),
                       field("abandoned_today", &automation::QueueFigures::abandoned_today))
PARLEY_AUTOMATION_PART(AgentFigures, field("id", &automation::AgentFigures::id),
                       field("presence", &automation::AgentFigures::presence),
                       field("load", &automation::AgentFigures::load),
                       field("capacity", &automation::AgentFigures::capacity))
PARLEY_AUTOMATION_PART(FloorAlert, field("chat", &automation::FloorAlert::chat),
                       field("text", &automation::FloorAlert::text))
PARLEY_AUTOMATION_PART(FloorSummary, field("queues", &automation::FloorSummary::queues),
                       field("agents", &automation::FloorSummary::agents),
                       field("alerts", &automation::FloorSummary::alerts))

// [SECTION] Analytics

PARLEY_AUTOMATION_PART(AnalyticsLine, field("group", &automation::AnalyticsLine::group),
                       field("chats", &automation::AnalyticsLine::chats),
                       field("abandoned", &automation::AnalyticsLine::abandoned),
                       field("messages", &automation::AnalyticsLine::messages),
                       field("cells", &automation::AnalyticsLine::cells))
PARLEY_AUTOMATION_PART(AnalyticsSummary, field("by", &automation::AnalyticsSummary::by),
                       field("from", &automation::AnalyticsSummary::from),
                       field("to", &automation::AnalyticsSummary::to),
                       field("rows", &automation::AnalyticsSummary::rows),
                       field("csv", &automation::AnalyticsSummary::csv))

// [SECTION] History

PARLEY_AUTOMATION_PART(HistoryLine, field("seq", &automation::HistoryLine::seq),
                       field("who", &automation::HistoryLine::who),
                       field("what", &automation::HistoryLine::what))
PARLEY_AUTOMATION_PART(ReplayedChat, field("after", &automation::ReplayedChat::after),
                       field("status", &automation::ReplayedChat::status),
                       field("queue", &automation::ReplayedChat::queue),
                       field("assignee", &automation::ReplayedChat::assignee),
                       field("lines", &automation::ReplayedChat::lines))
PARLEY_AUTOMATION_PART(HistorySummary, field("chat", &automation::HistorySummary::chat),
                       field("customer", &automation::HistorySummary::customer),
                       field("loading", &automation::HistorySummary::loading),
                       field("problem", &automation::HistorySummary::problem),
                       field("events", &automation::HistorySummary::events),
                       field("rows", &automation::HistorySummary::rows),
                       field("picks", &automation::HistorySummary::picks),
                       field("selected", &automation::HistorySummary::selected),
                       field("replayed", &automation::HistorySummary::replayed))

// [SECTION] Resources

PARLEY_AUTOMATION_PART(OutageLine, field("id", &automation::OutageLine::id),
                       field("service", &automation::OutageLine::service),
                       field("title", &automation::OutageLine::title),
                       field("current", &automation::OutageLine::current))
PARLEY_AUTOMATION_PART(ArticleLine, field("id", &automation::ArticleLine::id),
                       field("title", &automation::ArticleLine::title),
                       field("link", &automation::ArticleLine::link))
PARLEY_AUTOMATION_PART(ArticlePreview, field("id", &automation::ArticlePreview::id),
                       field("title", &automation::ArticlePreview::title),
                       field("body", &automation::ArticlePreview::body))
PARLEY_AUTOMATION_PART(ResourcesSummary, field("outages", &automation::ResourcesSummary::outages),
                       field("suggestions", &automation::ResourcesSummary::suggestions),
                       field("suggestions_loading",
                             &automation::ResourcesSummary::suggestions_loading),
                       field("searched", &automation::ResourcesSummary::searched),
                       field("results", &automation::ResourcesSummary::results),
                       field("problem", &automation::ResourcesSummary::problem),
                       field("preview", &automation::ResourcesSummary::preview),
                       field("draft", &automation::ResourcesSummary::draft))

// [SECTION] The Desk and the snapshot

PARLEY_AUTOMATION_PART(ListedChat, field("key", &automation::ListedChat::key),
                       field("customer", &automation::ListedChat::customer),
                       field("status", &automation::ListedChat::status),
                       field("unread", &automation::ListedChat::unread),
                       field("preview", &automation::ListedChat::preview))
PARLEY_AUTOMATION_PART(ShownLine, field("kind", &automation::ShownLine::kind),
                       field("author", &automation::ShownLine::author),
                       field("text", &automation::ShownLine::text),
                       field("state", &automation::ShownLine::state))
PARLEY_AUTOMATION_PART(BotLine, field("speaker", &automation::BotLine::speaker),
                       field("text", &automation::BotLine::text))
PARLEY_AUTOMATION_PART(BotHandOver, field("intent", &automation::BotHandOver::intent),
                       field("attributes", &automation::BotHandOver::attributes),
                       field("transcript", &automation::BotHandOver::transcript))
PARLEY_AUTOMATION_PART(OpenChat, field("key", &automation::OpenChat::key),
                       field("customer", &automation::OpenChat::customer),
                       field("status", &automation::OpenChat::status),
                       field("queue", &automation::OpenChat::queue),
                       field("customer_typing", &automation::OpenChat::customer_typing),
                       field("lines", &automation::OpenChat::lines),
                       field("bot", &automation::OpenChat::bot))
PARLEY_AUTOMATION_PART(ScreenItem, field("id", &automation::ScreenItem::id),
                       field("label", &automation::ScreenItem::label),
                       field("x", &automation::ScreenItem::x),
                       field("y", &automation::ScreenItem::y),
                       field("width", &automation::ScreenItem::width),
                       field("height", &automation::ScreenItem::height),
                       field("enabled", &automation::ScreenItem::enabled),
                       field("reason", &automation::ScreenItem::reason))
PARLEY_AUTOMATION_PART(AutomationSnapshot, field("screen", &automation::AutomationSnapshot::screen),
                       field("connection", &automation::AutomationSnapshot::connection),
                       field("problem", &automation::AutomationSnapshot::problem),
                       field("sign_in_reason", &automation::AutomationSnapshot::sign_in_reason),
                       field("agent", &automation::AutomationSnapshot::agent),
                       field("presence", &automation::AutomationSnapshot::presence),
                       field("load", &automation::AutomationSnapshot::load),
                       field("capacity", &automation::AutomationSnapshot::capacity),
                       field("delayed", &automation::AutomationSnapshot::delayed),
                       field("pending", &automation::AutomationSnapshot::pending),
                       field("frame", &automation::AutomationSnapshot::frame),
                       field("queue", &automation::AutomationSnapshot::queue),
                       field("transferred", &automation::AutomationSnapshot::transferred),
                       field("mine", &automation::AutomationSnapshot::mine),
                       field("refusal", &automation::AutomationSnapshot::refusal),
                       field("chat", &automation::AutomationSnapshot::chat),
                       field("workspace", &automation::AutomationSnapshot::workspace),
                       field("floor", &automation::AutomationSnapshot::floor),
                       field("analytics", &automation::AutomationSnapshot::analytics),
                       field("history", &automation::AutomationSnapshot::history),
                       field("resources", &automation::AutomationSnapshot::resources),
                       field("items", &automation::AutomationSnapshot::items))

#undef PARLEY_AUTOMATION_PART

}  // namespace parley::protocol::detail
