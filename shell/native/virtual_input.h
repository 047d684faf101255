// The automation bridge's pointer and keyboard: what a test pressed, held across frames as a
// person would (ImGui 1.86 polls input once a frame), laid over the window's own input after
// the GLFW backend's NewFrame and before ImGui's.
#pragma once

#include "bridge_request.h"

#include <array>
#include <optional>
#include <set>
#include <string>

struct ImGuiIO;

namespace parley::shell {

class VirtualInput {
public:
    // Takes one input request; false, with `problem` set, for a key it does not know.
    bool take(const BridgeRequest& request, std::string& problem);
    void apply(ImGuiIO& io);
    // Whether the test said the console is in front, once it said so.
    std::optional<bool> focused() const { return focused_; }

private:
    struct Point {
        float x = 0;
        float y = 0;
    };
    std::optional<Point> pointer_;
    std::array<bool, 3> buttons_{};
    float wheel_ = 0;
    std::set<int> held_;
    // Released since the last frame: the window's callbacks never saw them, so cleared here.
    std::set<int> released_;
    std::string text_;
    std::optional<bool> focused_;
    bool focus_changed_ = false;
};

}  // namespace parley::shell
