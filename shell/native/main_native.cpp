// Desktop entry point: the console in a GLFW window with OpenGL 3, connected to a server given
// as --server HOST:PORT or PARLEY_SERVER (default 127.0.0.1:8080).
//   --automation PORT   opens the automation bridge on 127.0.0.1:PORT (0: any free port, printed
//                       as "automation: 127.0.0.1:N"), so tests drive it as they drive the browser
//                       console (automation_port.h, bridge_request.h)
//   --downloads DIR     where attachments and exports are saved (created if missing; default
//                       ~/Downloads when it exists, else the current folder)
//   --scale RATIO       device pixels per logical pixel (default: the screen's content scale,
//                       from Xft.dpi on X11)
//   --screenshot FILE   saves the first settled frame (sign-in card or desk) as a PNG and exits
#include "automation_bridge.h"
#include "console/console_app.h"
#include "console/frame_pacer.h"
#include "console/outbox.h"
#include "console/picture_memo.h"
#include "desktop_notices.h"
#include "desktop_window.h"
#include "file_picker.h"
#include "network.h"
#include "screenshot.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <system_error>
#include <variant>

namespace {

// Frames drawn on a settled screen before the screenshot, so fonts and layout have settled.
constexpr int kSettleFrames = 10;
// Give up on a settled screen after this many frames and take what is shown.
constexpr int kScreenshotDeadline = 600;
// The --scale ratios that leave a usable console.
constexpr float kSmallestScale = 0.5f;
constexpr float kLargestScale = 4.0f;
// While the console settles after activity it draws at most this often (Xvfb has no vsync).
constexpr double kBusyFrameSeconds = 1.0 / 60.0;

const char* option(int argc, char** argv, const char* name) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], name) == 0) {
            return argv[i + 1];
        }
    }
    return nullptr;
}

std::string server_address(int argc, char** argv) {
    if (const char* value = option(argc, argv, "--server")) {
        return value;
    }
    if (const char* value = std::getenv("PARLEY_SERVER")) {
        return value;
    }
    return "127.0.0.1:8080";
}

std::optional<parley::shell::ServerAddress> split_address(const std::string& address) {
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size()) {
        return std::nullopt;
    }
    return parley::shell::ServerAddress{address.substr(0, colon), address.substr(colon + 1)};
}

std::optional<std::uint16_t> port_number(const char* text) {
    char* end = nullptr;
    const long value = std::strtol(text, &end, 10);
    if (end == text || *end != '\0' || value < 0 || value > 65535) {
        return std::nullopt;
    }
    return static_cast<std::uint16_t>(value);
}

// The --downloads folder, created if missing, or the default one.
std::optional<std::filesystem::path> downloads_folder(int argc, char** argv) {
    const char* value = option(argc, argv, "--downloads");
    if (value == nullptr) {
        return parley::shell::default_downloads_folder();
    }
    std::error_code error;
    std::filesystem::create_directories(value, error);
    if (error || !std::filesystem::is_directory(value, error)) {
        std::fprintf(stderr, "parley-console: --downloads '%s' is not a folder I can use\n", value);
        return std::nullopt;
    }
    return std::filesystem::absolute(value, error);
}

// Says where a download went, on the console's output (a person, or a test, reads it there).
void tell(const parley::shell::DownloadReport& report) {
    if (const auto* saved = std::get_if<parley::shell::DownloadSaved>(&report)) {
        std::printf("saved: %s\n", saved->path.c_str());
        std::fflush(stdout);
    } else {
        const auto& failed = std::get<parley::shell::DownloadFailed>(report);
        std::fprintf(stderr, "parley-console: %s not saved: %s\n", failed.ref.c_str(),
                     failed.problem.c_str());
    }
}

double milliseconds_since(parley::shell::FrameStats::Clock::time_point from) {
    return std::chrono::duration<double, std::milli>(parley::shell::FrameStats::Clock::now() - from)
        .count();
}

// The console's frame and the shell's part of it, between ImGui's NewFrame and Render: the file
// picker when the composer asked for a file, the exchange with the network, and the notices.
void build_frame(parley::console::ConsoleApp& app, parley::shell::FilePicker& picker,
                 parley::shell::Network& network, parley::shell::DesktopNotices& notices,
                 GLFWwindow* window, bool in_front, const parley::console::Clock& clock) {
    app.frame(clock);
    for (parley::console::UploadRequest& request : app.take_uploads()) {
        picker.open(std::move(request));
    }
    if (auto picked = picker.draw()) {
        network.upload(picked->request, picked->file);
    }
    for (const parley::shell::DownloadReport& report : network.exchange(app)) {
        tell(report);
    }
    notices.show(window, in_front, app.take_notices());
}

parley::console::Clock desktop_clock() {
    const auto wall = std::chrono::system_clock::now().time_since_epoch();
    return {glfwGetTime(), std::chrono::duration_cast<std::chrono::milliseconds>(wall).count()};
}

}  // namespace

int main(int argc, char** argv) {
    const auto started = parley::shell::FrameStats::Clock::now();
    const std::string address = server_address(argc, argv);
    const auto server = split_address(address);
    if (!server) {
        std::fprintf(stderr, "parley-console: '%s' is not HOST:PORT\n", address.c_str());
        return 2;
    }
    const char* screenshot = option(argc, argv, "--screenshot");
    std::optional<std::uint16_t> automation;
    if (const char* value = option(argc, argv, "--automation")) {
        automation = port_number(value);
        if (!automation) {
            std::fprintf(stderr, "parley-console: --automation '%s' is not a port\n", value);
            return 2;
        }
    }

    std::optional<float> scale;
    if (const char* value = option(argc, argv, "--scale")) {
        char* end = nullptr;
        scale = std::strtof(value, &end);
        if (end == value || *end != '\0' ||
            !(*scale >= kSmallestScale && *scale <= kLargestScale)) {
            std::fprintf(stderr, "parley-console: --scale '%s' is not a ratio from 0.5 to 4\n",
                         value);
            return 2;
        }
    }
    const auto downloads = downloads_folder(argc, argv);
    if (!downloads) {
        return 2;
    }

    parley::shell::DesktopWindow window;
    if (!window.open(1280, 800, scale)) {
        return 1;
    }
    // The I/O thread wakes the loop below when something arrives (GLFW allows this call from
    // any thread); `arrived` tells that wake-up from one for the automation bridge alone.
    std::atomic<bool> arrived{false};
    parley::shell::Network network(*server, *downloads, [&arrived] {
        arrived = true;
        glfwPostEmptyEvent();
    });
    parley::console::ConsoleApp app(network.link(), network.sign_in(), "desktop",
                                    parley::console::Outbox::kRandomIds);
    app.offer_file_picker();
    parley::shell::FilePicker picker(parley::shell::home_folder());
    parley::shell::DesktopNotices notices;
    std::optional<parley::shell::AutomationBridge> bridge;
    if (automation) {
        try {
            auto& port = network.open_automation(*automation, [] { glfwPostEmptyEvent(); });
            bridge.emplace(port, started);
            std::printf("automation: 127.0.0.1:%u\n", static_cast<unsigned>(port.port()));
            std::fflush(stdout);
        } catch (const std::exception& error) {
            std::fprintf(stderr, "parley-console: the automation port cannot open: %s\n",
                         error.what());
            return 1;
        }
    }

    parley::console::FramePacer pacer;
    parley::console::PictureMemo picture;
    int frames = 0;
    int settled = 0;
    while (!window.should_close()) {
        const bool settling = pacer.settling(desktop_clock().seconds);
        bool activity =
            window.wait(settling ? kBusyFrameSeconds : parley::console::FramePacer::kIdleSeconds);
        activity = arrived.exchange(false) || activity;
        if (bridge && bridge->take(app, picker.published())) {
            activity = true;
        }
        // A screenshot run draws every frame: it counts frames to let the screen settle.
        activity = activity || screenshot != nullptr;
        const auto clock = desktop_clock();
        if (!pacer.should_draw(clock.seconds, activity)) {
            continue;
        }
        const auto began = parley::shell::FrameStats::Clock::now();
        window.begin_frame();
        if (bridge) {
            bridge->before_frame(ImGui::GetIO());
        }
        ImGui::NewFrame();
        // The automation bridge stands in for the person: it may say they looked away.
        const auto told = bridge ? bridge->focused() : std::nullopt;
        const bool in_front =
            told ? *told : glfwGetWindowAttrib(window.handle(), GLFW_FOCUSED) == GLFW_TRUE;
        build_frame(app, picker, network, notices, window.handle(), in_front, clock);
        ImGui::Render();
        if (bridge) {
            bridge->stats().built(milliseconds_since(began));
        }
        int width = 0;
        int height = 0;
        glfwGetFramebufferSize(window.handle(), &width, &height);
        const bool wanted = screenshot != nullptr || (bridge && bridge->wants_picture());
        if (picture.unchanged(*ImGui::GetDrawData(), width, height) && !wanted) {
            if (bridge) {
                bridge->after_frame(window.handle());
            }
            continue;
        }
        const auto drawing = parley::shell::FrameStats::Clock::now();
        window.render();
        if (bridge) {
            bridge->after_frame(window.handle());
        }
        if (screenshot != nullptr) {
            const auto screen = app.view_model().screen;
            const bool calm = screen == parley::console::Screen::sign_in ||
                              screen == parley::console::Screen::desk;
            settled = calm ? settled + 1 : 0;
            if (settled >= kSettleFrames || ++frames >= kScreenshotDeadline) {
                return parley::shell::save_screenshot(window.handle(), screenshot) ? 0 : 1;
            }
        }
        window.swap();
        if (bridge) {
            bridge->stats().drawn(milliseconds_since(drawing));
        }
    }
    return 0;
}
