#include "automation_bridge.h"

#include "bridge_request.h"
#include "console/automation.h"
#include "console/console_app.h"
#include "screenshot.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <utility>

namespace parley::shell {

AutomationBridge::AutomationBridge(AutomationPort& port, FrameStats::Clock::time_point started)
    : port_(port), stats_(started) {}

bool AutomationBridge::take(const console::ConsoleApp& app,
                            const std::vector<console::AutomationItem>& shell_items) {
    bool needs_frame = false;
    for (BridgeLine& line : port_.drain()) {
        const BridgeRequest request = parse_bridge_request(line.text);
        if (const auto* bad = std::get_if<BadRequest>(&request)) {
            refuse(line.connection, bad->problem);
        } else if (std::holds_alternative<AskSnapshot>(request)) {
            port_.answer(line.connection, snapshot(app, shell_items));
        } else if (const auto* stats = std::get_if<AskStats>(&request)) {
            port_.answer(line.connection, stats_.json());
            if (stats->reset) {
                stats_.reset();
            }
        } else if (const auto* wait = std::get_if<WaitFrames>(&request)) {
            frames_.push_back({line.connection, std::max(wait->count, 1)});
            needs_frame = true;
        } else if (const auto* shot = std::get_if<SaveScreenshot>(&request)) {
            screenshots_.push_back({line.connection, shot->path});
            needs_frame = true;
        } else {
            std::string problem;
            if (input_.take(request, problem)) {
                done(line.connection);
                needs_frame = true;
            } else {
                refuse(line.connection, problem);
            }
        }
    }
    return needs_frame;
}

std::string AutomationBridge::snapshot(const console::ConsoleApp& app,
                                       const std::vector<console::AutomationItem>& shell_items) {
    if (shell_items.empty()) {
        return console::automation_json(app.view_model(), app.last_output());
    }
    console::FrameOutput output = app.last_output();
    output.items.insert(output.items.end(), shell_items.begin(), shell_items.end());
    return console::automation_json(app.view_model(), output);
}

void AutomationBridge::before_frame(ImGuiIO& io) {
    input_.apply(io);
}

void AutomationBridge::after_frame(GLFWwindow* window) {
    for (WaitingScreenshot& shot : std::exchange(screenshots_, {})) {
        if (save_screenshot(window, shot.path)) {
            done(shot.connection);
        } else {
            refuse(shot.connection, "cannot write " + shot.path);
        }
    }
    std::erase_if(frames_, [this](WaitingFrames& waiting) {
        if (--waiting.frames > 0) {
            return false;
        }
        done(waiting.connection);
        return true;
    });
}

void AutomationBridge::done(std::uint64_t connection) {
    port_.answer(connection, nlohmann::json{{"done", true}}.dump());
}

void AutomationBridge::refuse(std::uint64_t connection, const std::string& problem) {
    port_.answer(connection, nlohmann::json{{"error", problem}}.dump());
}

}  // namespace parley::shell
