// The automation snapshot: what one frame of the console shows, as the browser tests and a
// later accessibility mirror read it (window.parley.automation()). The console fills it from
// its view models; encode() (automation_codec.h) writes it. Names are the snapshot's keys, so
// a test reads the same word as this header. Depends on the core's types only.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/analytics.h"
#include "core/ids.h"
#include "core/model.h"
#include "protocol/automation/workspaces.h"

namespace parley::protocol::automation {

// A row of the Queue, Transferred or My chats list, as far as it is on screen.
struct ListedChat {
    std::string key;
    std::string customer;
    core::ChatStatus status = core::ChatStatus::queued;
    int unread = 0;
    std::string preview;
};

// A transcript line of the open chat. `kind` is the console's LineKind by name; `state` the
// delivery state of a staff message, empty for other lines.
struct ShownLine {
    std::string kind;
    std::string author;
    std::string text;
    std::string state;
};

// What a bot learnt before handing the customer over.
struct BotLine {
    std::string speaker;
    std::string text;
};

struct BotHandOver {
    std::string intent;
    std::map<std::string, std::string> attributes;
    std::vector<BotLine> transcript;
};

// The chat open in the centre: its last lines only, enough for a test to see what arrived.
struct OpenChat {
    std::string key;
    std::string customer;
    std::string status;
    std::string queue;
    bool customer_typing = false;
    std::vector<ShownLine> lines;
    std::optional<BotHandOver> bot;
};

// A widget a test may click: a stable id, what it says, its rectangle in logical pixels,
// whether it can be used and, if not, the core's reason. Rectangles are fractions: they are
// ImGui's float coordinates, written as they are.
struct ScreenItem {
    std::string id;
    std::string label;
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool enabled = true;
    std::string reason;
};

// `screen`, `connection` and `workspace` are the console's own names (connecting, sign_in,
// problem, desk; connected, ...; desk, all_chats, floor, ...). A workspace's part is present
// while that workspace is open, `chat` while a chat is open, `resources` on the Desk.
struct AutomationSnapshot {
    std::string screen;
    std::string connection;
    // Why the connection failed, in words.
    std::string problem;
    std::string sign_in_reason;
    std::string agent;
    core::Presence presence = core::Presence::offline;
    int load = 0;
    int capacity = 0;
    bool delayed = false;
    // Commands sent and not yet answered.
    std::size_t pending = 0;
    // The frame's number since the console started (FrameOutput::frame).
    std::size_t frame = 0;
    std::vector<ListedChat> queue;
    std::vector<ListedChat> transferred;
    std::vector<ListedChat> mine;
    // The last refusal's sentence; empty when none is shown.
    std::string refusal;
    std::optional<OpenChat> chat;
    std::string workspace;
    std::optional<FloorSummary> floor;
    std::optional<AnalyticsSummary> analytics;
    std::optional<HistorySummary> history;
    std::optional<ResourcesSummary> resources;
    std::vector<ScreenItem> items;
};

}  // namespace parley::protocol::automation
