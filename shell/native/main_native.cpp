// Desktop entry point: the console in a GLFW window with OpenGL 3, connected to a server
// given as --server HOST:PORT or PARLEY_SERVER (default 127.0.0.1:8080). With
// --screenshot FILE it saves the first settled frame (sign-in card or desk) as a PNG and
// exits, which is how the tests look at the desktop build under Xvfb.
#include "console/console_app.h"
#include "console/outbox.h"
#include "console/theme.h"
#include "png_file.h"
#include "server_client.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

// Frames drawn on a settled screen before the screenshot, so fonts and layout have settled.
constexpr int kSettleFrames = 10;
// Give up on a settled screen after this many frames and take what is shown.
constexpr int kScreenshotDeadline = 600;

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

// The framebuffer as a PNG (OpenGL's rows run bottom-up, PNG's top-down).
bool save_screenshot(GLFWwindow* window, const std::string& path) {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    const auto row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        std::copy_n(
            pixels.begin() +
                static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)),
            row, flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    }
    return parley::shell::write_png(path, width, height, flipped);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string address = server_address(argc, argv);
    const char* screenshot = option(argc, argv, "--screenshot");
    const auto colon = address.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == address.size()) {
        std::fprintf(stderr, "parley-console: '%s' is not HOST:PORT\n", address.c_str());
        return 2;
    }
    if (glfwInit() == GLFW_FALSE) {
        std::fprintf(stderr, "parley-console: no display (set DISPLAY, or run under Xvfb)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(1280, 800, "Parley", nullptr, nullptr);
    if (window == nullptr) {
        std::fprintf(stderr, "parley-console: OpenGL 3 is not available\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    if (!parley::console::theme::apply(PARLEY_FONT, 17.0f)) {
        std::fprintf(stderr, "parley-console: %s missing, Cyrillic text will not show\n",
                     PARLEY_FONT);
    }
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    int exit_code = 0;

    {
        // The I/O thread wakes the loop below when something arrives (GLFW allows this call
        // from any thread).
        parley::shell::ServerClient server({address.substr(0, colon), address.substr(colon + 1)},
                                           [] { glfwPostEmptyEvent(); });
        parley::console::ConsoleApp app(server.link(), server.sign_in(), "desktop",
                                        parley::console::Outbox::kRandomIds);
        int frames = 0;
        int settled = 0;
        while (glfwWindowShouldClose(window) == GLFW_FALSE) {
            glfwPollEvents();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            const auto wall = std::chrono::system_clock::now().time_since_epoch();
            app.frame({glfwGetTime(),
                       std::chrono::duration_cast<std::chrono::milliseconds>(wall).count()});
            server.exchange(app);
            // A new chat waiting: the desktop's way to ask for attention (taskbar, dock).
            if (!app.take_notices().empty()) {
                glfwRequestWindowAttention(window);
            }
            ImGui::Render();
            int width = 0;
            int height = 0;
            glfwGetFramebufferSize(window, &width, &height);
            glViewport(0, 0, width, height);
            glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (screenshot != nullptr) {
                const auto screen = app.view_model().screen;
                const bool calm = screen == parley::console::Screen::sign_in ||
                                  screen == parley::console::Screen::desk;
                settled = calm ? settled + 1 : 0;
                if (settled >= kSettleFrames || ++frames >= kScreenshotDeadline) {
                    exit_code = save_screenshot(window, screenshot) ? 0 : 1;
                    break;
                }
            }
            glfwSwapBuffers(window);
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return exit_code;
}
