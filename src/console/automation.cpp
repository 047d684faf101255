#include "console/automation.h"

#include "console/chat_key.h"
#include "console/history_model.h"
#include "console/resources_automation.h"
#include "core/names.h"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace parley::console {

namespace {

// The transcript's tail is enough for tests and keeps the text small.
constexpr std::size_t kSummaryLines = 12;

const char* screen_name(Screen screen) {
    switch (screen) {
    case Screen::connecting:
        return "connecting";
    case Screen::sign_in:
        return "sign_in";
    case Screen::problem:
        return "problem";
    case Screen::desk:
        return "desk";
    }
    return "unknown";
}

const char* line_kind_name(LineKind kind) {
    switch (kind) {
    case LineKind::customer:
        return "customer";
    case LineKind::agent:
        return "agent";
    case LineKind::bot:
        return "bot";
    case LineKind::system:
        return "system";
    case LineKind::note:
        return "note";
    }
    return "unknown";
}

// The History workspace: the chat, its events in words, the selection and the chat as it was.
nlohmann::json history_json(const HistoryView& history) {
    auto rows = nlohmann::json::array();
    if (history.rows) {
        for (const HistoryRow& row : *history.rows) {
            rows.push_back({{"seq", row.seq}, {"who", row.who}, {"what", row.what}});
        }
    }
    nlohmann::json out = {{"chat", history.chat ? chat_key(*history.chat) : std::string()},
                          {"customer", history.customer},
                          {"loading", history.loading},
                          {"problem", history.problem},
                          {"events", history.event_count()},
                          {"rows", std::move(rows)},
                          {"picks", history.picks.size()}};
    if (history.replayed) {
        out["selected"] = history.selected;
        out["replayed"] = {{"after", history.replayed->after},
                           {"status", history.replayed->status},
                           {"queue", history.replayed->queue},
                           {"assignee", history.replayed->assignee},
                           {"lines", history.replayed->transcript.size()}};
    }
    return out;
}

// The rows built for the screen (all of them while the list is short).
nlohmann::json rows_json(const ChatList& list) {
    auto out = nlohmann::json::array();
    for (const ChatRow& row : list.rows) {
        out.push_back({{"key", chat_key(row.id)},
                       {"customer", row.customer},
                       {"status", core::to_string(row.status)},
                       {"unread", row.unread},
                       {"preview", std::string(row.preview)}});
    }
    return out;
}

nlohmann::json floor_json(const FloorView& floor) {
    auto queues = nlohmann::json::array();
    for (const FloorQueueRow& row : floor.queues) {
        auto online = nlohmann::json::array();
        for (const FloorLoad& load : row.online) {
            online.push_back({{"agent", std::string(load.agent)}, {"load", load.load}});
        }
        const core::QueueFloor& f = row.figures;
        queues.push_back({{"name", std::string(row.name)},
                          {"waiting", f.waiting},
                          {"offered", f.offered},
                          {"active", f.active},
                          {"longest_wait", f.longest_wait},
                          {"online", online},
                          {"started_today", f.started_today},
                          {"abandoned_today", f.abandoned_today}});
    }
    auto agents = nlohmann::json::array();
    for (const FloorAgentRow& row : floor.agents) {
        agents.push_back({{"id", row.id},
                          {"presence", core::to_string(row.figures.presence)},
                          {"load", row.figures.load},
                          {"capacity", row.figures.capacity}});
    }
    auto alerts = nlohmann::json::array();
    for (const FloorAlertRow& alert : floor.alerts) {
        alerts.push_back({{"chat", chat_key(alert.chat)}, {"text", alert.text}});
    }
    return {{"queues", queues}, {"agents", agents}, {"alerts", alerts}};
}

nlohmann::json analytics_json(const AnalyticsView& view) {
    auto rows = nlohmann::json::array();
    for (const AnalyticsTableRow& row : view.rows) {
        rows.push_back({{"group", row.group},
                        {"chats", row.metrics.chats},
                        {"abandoned", row.metrics.abandoned},
                        {"messages", row.metrics.messages},
                        {"cells", row.cells}});
    }
    return {{"by", core::to_string(view.query.by)},
            {"from", view.from},
            {"to", view.to},
            {"rows", rows},
            {"csv", view.csv_path}};
}

const char* workspace_name(Workspace workspace) {
    switch (workspace) {
    case Workspace::desk:
        return "desk";
    case Workspace::all_chats:
        return "all_chats";
    case Workspace::floor:
        return "floor";
    case Workspace::analytics:
        return "analytics";
    case Workspace::history:
        return "history";
    case Workspace::admin:
        return "admin";
    }
    return "desk";
}

}  // namespace

void FrameOutput::publish(std::string id, std::string label, bool enabled, std::string reason) {
    // An item behind an open modal dialog cannot be reached by a click: it is left out, so a
    // driver waits for the dialog to close instead of clicking into the dialog by mistake.
    ImGuiWindow* modal = ImGui::GetTopMostPopupModal();
    if (modal != nullptr &&
        !ImGui::IsWindowWithinBeginStackOf(ImGui::GetCurrentWindowRead()->RootWindow, modal)) {
        return;
    }
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    items.push_back({std::move(id), std::move(label), min.x, min.y, max.x - min.x, max.y - min.y,
                     enabled, std::move(reason)});
}

std::string automation_json(const ConsoleViewModel& model, const FrameOutput& output) {
    nlohmann::json summary = {
        {"screen", screen_name(model.screen)},
        {"connection", status_name(model.connection.status)},
        {"problem", model.connection.problem},
        {"sign_in_reason", model.sign_in_reason},
        {"agent", model.top.agent_name},
        {"presence", core::to_string(model.top.presence)},
        {"load", model.top.load},
        {"capacity", model.top.capacity},
        {"delayed", model.top.delayed},
        {"pending", model.top.pending},
        {"queue", rows_json(model.queue)},
        {"transferred", rows_json(model.transferred)},
        {"mine", rows_json(model.mine)},
        {"refusal", model.refusal ? model.refusal->message : std::string()},
    };
    if (model.chat) {
        auto lines = nlohmann::json::array();
        const auto& transcript = model.chat->transcript;
        const std::size_t first = transcript.size() - std::min(transcript.size(), kSummaryLines);
        for (std::size_t i = first; i < transcript.size(); ++i) {
            const TranscriptLine& line = transcript[i];
            lines.push_back({{"kind", line_kind_name(line.kind)},
                             {"author", std::string(line.author)},
                             {"text", std::string(line.text)},
                             {"state", line.state ? core::to_string(*line.state) : ""}});
        }
        summary["chat"] = {{"key", chat_key(model.chat->id)},
                           {"customer", model.chat->customer},
                           {"status", std::string(model.chat->status)},
                           {"queue", std::string(model.chat->queue)},
                           {"customer_typing", model.chat->customer_typing},
                           {"lines", lines}};
        if (const core::BotContext* bot = model.chat->bot_context) {
            auto bot_lines = nlohmann::json::array();
            for (const core::TranscriptLine& line : bot->transcript) {
                bot_lines.push_back({{"speaker", line.speaker}, {"text", line.text}});
            }
            summary["chat"]["bot"] = {{"intent", bot->intent},
                                      {"attributes", bot->attributes},
                                      {"transcript", bot_lines}};
        }
    }
    summary["workspace"] = workspace_name(model.workspace);
    if (model.floor) {
        summary["floor"] = floor_json(*model.floor);
    }
    if (model.analytics) {
        summary["analytics"] = analytics_json(*model.analytics);
    }
    if (model.history) {
        summary["history"] = history_json(*model.history);
    }
    if (model.resources) {
        summary["resources"] = resources_json(*model.resources);
    }
    auto items = nlohmann::json::array();
    for (const AutomationItem& item : output.items) {
        items.push_back({{"id", item.id},
                         {"label", item.label},
                         {"x", item.x},
                         {"y", item.y},
                         {"width", item.width},
                         {"height", item.height},
                         {"enabled", item.enabled},
                         {"reason", item.reason}});
    }
    summary["items"] = std::move(items);
    return summary.dump();
}

}  // namespace parley::console
