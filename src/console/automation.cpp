#include "console/automation.h"

#include "console/chat_key.h"
#include "console/history_model.h"
#include "console/resources_automation.h"
#include "core/names.h"
#include "protocol/automation/automation_codec.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace parley::console {

namespace {

namespace snapshot = protocol::automation;

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
snapshot::HistorySummary history_summary(const HistoryView& history) {
    snapshot::HistorySummary out;
    out.chat = history.chat ? chat_key(*history.chat) : std::string();
    out.customer = history.customer;
    out.loading = history.loading;
    out.problem = history.problem;
    out.events = history.event_count();
    if (history.rows) {
        for (const HistoryRow& row : *history.rows) {
            out.rows.push_back({row.seq, row.who, row.what});
        }
    }
    out.picks = history.picks.size();
    if (history.replayed) {
        const ReplayedChatView& replayed = *history.replayed;
        out.selected = history.selected;
        out.replayed = snapshot::ReplayedChat{replayed.after, replayed.status, replayed.queue,
                                              replayed.assignee, replayed.transcript.size()};
    }
    return out;
}

// The rows built for the screen (all of them while the list is short).
std::vector<snapshot::ListedChat> listed_chats(const ChatList& list) {
    std::vector<snapshot::ListedChat> out;
    out.reserve(list.rows.size());
    for (const ChatRow& row : list.rows) {
        out.push_back(
            {chat_key(row.id), row.customer, row.status, row.unread, std::string(row.preview)});
    }
    return out;
}

snapshot::FloorSummary floor_summary(const FloorView& floor) {
    snapshot::FloorSummary out;
    for (const FloorQueueRow& row : floor.queues) {
        const core::QueueFloor& f = row.figures;
        snapshot::QueueFigures queue;
        queue.name = row.name;
        queue.waiting = f.waiting;
        queue.offered = f.offered;
        queue.active = f.active;
        queue.longest_wait = f.longest_wait;
        queue.started_today = f.started_today;
        queue.abandoned_today = f.abandoned_today;
        for (const FloorLoad& load : row.online) {
            queue.online.push_back({std::string(load.agent), load.load});
        }
        out.queues.push_back(std::move(queue));
    }
    for (const FloorAgentRow& row : floor.agents) {
        out.agents.push_back(
            {row.id, row.figures.presence, row.figures.load, row.figures.capacity});
    }
    for (const FloorAlertRow& alert : floor.alerts) {
        out.alerts.push_back({chat_key(alert.chat), alert.text});
    }
    return out;
}

snapshot::AnalyticsSummary analytics_summary(const AnalyticsView& view) {
    snapshot::AnalyticsSummary out{view.query.by, view.from, view.to, {}, view.csv_path};
    for (const AnalyticsTableRow& row : view.rows) {
        out.rows.push_back({row.group, row.metrics.chats, row.metrics.abandoned,
                            row.metrics.messages,
                            std::vector<std::string>(row.cells.begin(), row.cells.end())});
    }
    return out;
}

snapshot::OpenChat open_chat(const ChatView& chat) {
    snapshot::OpenChat out;
    out.key = chat_key(chat.id);
    out.customer = chat.customer;
    out.status = chat.status;
    out.queue = chat.queue;
    out.customer_typing = chat.customer_typing;
    const auto& transcript = chat.transcript;
    const std::size_t first = transcript.size() - std::min(transcript.size(), kSummaryLines);
    for (std::size_t i = first; i < transcript.size(); ++i) {
        const TranscriptLine& line = transcript[i];
        out.lines.push_back({line_kind_name(line.kind), std::string(line.author),
                             std::string(line.text),
                             line.state ? std::string(core::to_string(*line.state)) : ""});
    }
    if (const core::BotContext* bot = chat.bot_context) {
        snapshot::BotHandOver hand_over{bot->intent, bot->attributes, {}};
        for (const core::TranscriptLine& line : bot->transcript) {
            hand_over.transcript.push_back({line.speaker, line.text});
        }
        out.bot = std::move(hand_over);
    }
    return out;
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

protocol::automation::AutomationSnapshot automation_snapshot(const ConsoleViewModel& model,
                                                             const FrameOutput& output) {
    snapshot::AutomationSnapshot out;
    out.screen = screen_name(model.screen);
    out.connection = status_name(model.connection.status);
    out.problem = model.connection.problem;
    out.sign_in_reason = model.sign_in_reason;
    out.agent = model.top.agent_name;
    out.presence = model.top.presence;
    out.load = model.top.load;
    out.capacity = model.top.capacity;
    out.delayed = model.top.delayed;
    out.pending = model.top.pending;
    out.frame = output.frame;
    out.queue = listed_chats(model.queue);
    out.transferred = listed_chats(model.transferred);
    out.mine = listed_chats(model.mine);
    out.refusal = model.refusal ? model.refusal->message : std::string();
    if (model.chat) {
        out.chat = open_chat(*model.chat);
    }
    out.workspace = workspace_name(model.workspace);
    if (model.floor) {
        out.floor = floor_summary(*model.floor);
    }
    if (model.analytics) {
        out.analytics = analytics_summary(*model.analytics);
    }
    if (model.history) {
        out.history = history_summary(*model.history);
    }
    if (model.resources) {
        out.resources = resources_summary(*model.resources);
    }
    for (const AutomationItem& item : output.items) {
        out.items.push_back({item.id, item.label, item.x, item.y, item.width, item.height,
                             item.enabled, item.reason});
    }
    return out;
}

std::string automation_json(const ConsoleViewModel& model, const FrameOutput& output) {
    return protocol::automation::encode(automation_snapshot(model, output));
}

}  // namespace parley::console
