// A console frame in the browser, shared by the served console (main_web.cpp) and the
// no-install demo (shell/demo): a GLFW window on the page's canvas, ImGui on WebGL2 at the
// page's pixel ratio with the clipboard and text-input bridges, and around each ConsoleApp
// frame the notices, the automation bridge, the page title and the drawing.
#pragma once

#include <string>

#include "console/console_app.h"
#include "console/frame_pacer.h"
#include "console/picture_memo.h"
#include "page_scale.h"

struct GLFWwindow;

namespace parley::shell {

// The page's clock: monotonic seconds and wall-clock milliseconds.
console::Clock browser_clock();

class BrowserFrame {
public:
    BrowserFrame();

    // Opens the window and ImGui; false, with the reason on the browser's console, when this
    // browser cannot (no WebGL2).
    bool open();
    // One display frame of `app`, drawn when the pacer says so; `activity` tells it that
    // something happened on the page or arrived since the previous display frame.
    void run(console::ConsoleApp& app, const console::Clock& clock, bool activity);
    // The automation bridge's JSON summary of the last drawn frame (console/automation.h).
    const std::string& automation();

private:
    GLFWwindow* window_ = nullptr;
    PageScale scale_;
    console::FramePacer pacer_;
    console::PictureMemo picture_;
    const console::ConsoleApp* automated_ = nullptr;
    // The summary of the last drawn frame, built on the first ask after it.
    std::string automation_;
    bool automation_stale_ = false;
    console::ConnectionStatus shown_status_{};
    bool status_shown_ = false;
    bool first_frame_shown_ = false;
};

}  // namespace parley::shell
