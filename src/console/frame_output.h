// What the views hand back from one frame: commands for the server, requests to the console
// (sign in, sign out), and the labelled interactive items the automation bridge publishes.
// Views never send anything themselves.
#pragma once

#include "core/commands.h"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace parley::console {

struct Outgoing {
    core::Command command;
    // What the agent asked for in their words; empty for commands sent on their behalf.
    std::string what;
};

// A REST call on the console's server as the signed-in user (see api_calls.h); its answer is
// kept under `purpose`, replacing the previous one.
struct ApiCall {
    std::string purpose;
    std::string method;
    std::string path;
    std::string body;
};

struct SignInRequest {
    std::string agent;
    std::string password;
};

// A widget as the automation bridge publishes it: a stable id, what it says, where it is on
// the screen (logical pixels), whether it can be used and, if not, the core's reason.
struct AutomationItem {
    std::string id;
    std::string label;
    float x = 0;
    float y = 0;
    float width = 0;
    float height = 0;
    bool enabled = true;
    std::string reason;
};

struct FrameOutput {
    std::vector<Outgoing> commands;
    std::optional<SignInRequest> sign_in;
    bool sign_out = false;
    bool dismiss_refusal = false;
    // Attachments the agent asked to download, by their ref (a path on the server).
    std::vector<std::string> downloads;
    // The chat whose composer asked to attach a file (the shell opens its file picker).
    std::optional<core::ChatId> attach;
    std::vector<ApiCall> api_calls;
    std::vector<AutomationItem> items;
    // This frame's number since the console started. A client of the automation bridge that moved
    // the mouse waits for a later frame before it trusts a rectangle: the console may rest between
    // frames, so the page's own animation frames say nothing about the console's.
    std::size_t frame = 0;

    void send(core::Command command, std::string what) {
        commands.push_back({std::move(command), std::move(what)});
    }
    void call(std::string purpose, std::string method, std::string path, std::string body = {}) {
        api_calls.push_back(
            {std::move(purpose), std::move(method), std::move(path), std::move(body)});
    }
    // Publishes the last ImGui item under `id` (see automation.h).
    void publish(std::string id, std::string label, bool enabled = true, std::string reason = {});
};

}  // namespace parley::console
