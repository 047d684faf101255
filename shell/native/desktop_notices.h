// Telling the agent a chat is waiting, the desktop's way: the window asks for attention (a
// flashing taskbar entry), and while the console is not in front a desktop notification is shown
// through the freedesktop `notify-send` program where it is installed (Debian's libnotify-bin;
// without it, attention only). The program is started without a shell, its arguments as they
// are, and never waited for: finished ones are collected on later frames (any still running at
// exit are left to the system, which collects them).
#pragma once

#include "console/announcer.h"

#include <sys/types.h>
#include <string>
#include <vector>

struct GLFWwindow;

namespace parley::shell {

class DesktopNotices {
public:
    DesktopNotices();

    // Once per frame with the console's notices (often none); `in_front`: the window has the
    // focus.
    void show(GLFWwindow* window, bool in_front, const std::vector<console::Notice>& notices);

private:
    void collect();

    // Where notify-send is, empty when it is not installed.
    std::string program_;
    std::vector<pid_t> running_;
};

}  // namespace parley::shell
