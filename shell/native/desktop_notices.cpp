#include "desktop_notices.h"

#include <GLFW/glfw3.h>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <string_view>

extern char** environ;

namespace parley::shell {
namespace {

// notify-send's path on $PATH, or empty.
std::string find_on_path(std::string_view name) {
    const char* path = std::getenv("PATH");
    std::string_view rest = path == nullptr ? "" : path;
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::filesystem::path candidate =
            std::filesystem::path(rest.substr(0, colon)) / std::string(name);
        if (::access(candidate.c_str(), X_OK) == 0) {
            return candidate.string();
        }
        rest = colon == std::string_view::npos ? "" : rest.substr(colon + 1);
    }
    return {};
}

}  // namespace

DesktopNotices::DesktopNotices() : program_(find_on_path("notify-send")) {}

void DesktopNotices::show(GLFWwindow* window, bool in_front,
                          const std::vector<console::Notice>& notices) {
    collect();
    if (notices.empty()) {
        return;
    }
    glfwRequestWindowAttention(window);
    // In front, the console's own lists already show it; a notification would only repeat it.
    if (program_.empty() || in_front) {
        return;
    }
    for (const console::Notice& notice : notices) {
        std::string app = "--app-name=Parley";
        std::string end = "--";
        std::string title = notice.title;
        std::string body = notice.body;
        // "--" ends the options: a customer named "-x" is a title, not a flag.
        char* argv[] = {program_.data(), app.data(),  end.data(),
                        title.data(),    body.data(), nullptr};
        pid_t child = 0;
        if (::posix_spawn(&child, program_.c_str(), nullptr, nullptr, argv, environ) == 0) {
            running_.push_back(child);
        }
    }
}

void DesktopNotices::collect() {
    std::erase_if(running_, [](pid_t child) { return ::waitpid(child, nullptr, WNOHANG) != 0; });
}

}  // namespace parley::shell
