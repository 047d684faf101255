// The automation bridge on the frame's side: takes what tests sent to the automation port,
// answers snapshot requests from the last drawn frame (the same JSON the browser console hands
// its page, console/automation.h), lays their input over the window's, and answers requests that
// wait for frames or a screenshot once those are drawn. Frame thread only.
#pragma once

#include "automation_port.h"
#include "console/frame_output.h"
#include "frame_stats.h"
#include "virtual_input.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImGuiIO;

namespace parley::console {
class ConsoleApp;
}

namespace parley::shell {

class AutomationBridge {
public:
    // `started`: when the console started, for the time to its first frame.
    AutomationBridge(AutomationPort& port, FrameStats::Clock::time_point started);

    // Takes the requests that arrived. True when one needs a frame drawn (input to show, frames
    // or a screenshot to wait for). `shell_items`: what the shell's own widgets (the file
    // picker) published in the last frame, added to the console's.
    bool take(const console::ConsoleApp& app,
              const std::vector<console::AutomationItem>& shell_items);
    // Between the backend's NewFrame and ImGui's.
    void before_frame(ImGuiIO& io);
    // A screenshot is asked for: the next frame must be rendered even if unchanged.
    bool wants_picture() const { return !screenshots_.empty(); }
    // After a frame was rendered into the back buffer.
    void after_frame(GLFWwindow* window);
    // Whether the test put the console in front or behind another window, once it said.
    std::optional<bool> focused() const { return input_.focused(); }
    // Where the loop records how long its frames take.
    FrameStats& stats() { return stats_; }

private:
    struct WaitingFrames {
        std::uint64_t connection = 0;
        int frames = 0;
    };
    struct WaitingScreenshot {
        std::uint64_t connection = 0;
        std::string path;
    };

    static std::string snapshot(const console::ConsoleApp& app,
                                const std::vector<console::AutomationItem>& shell_items);
    void done(std::uint64_t connection);
    void refuse(std::uint64_t connection, const std::string& problem);

    AutomationPort& port_;
    VirtualInput input_;
    FrameStats stats_;
    std::vector<WaitingFrames> frames_;
    std::vector<WaitingScreenshot> screenshots_;
};

}  // namespace parley::shell
