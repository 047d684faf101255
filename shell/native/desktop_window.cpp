#include "desktop_window.h"

#include "console/theme.h"
#include "pixel_ratio.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <cstdio>
#include <utility>

namespace parley::shell {
namespace {

constexpr float kFontSize = 17.0f;

// Set by the window's callbacks, which GLFW runs on the frame thread inside glfwWaitEvents*;
// read and cleared by wait().
bool g_input = false;

void on_input() {
    g_input = true;
}

// Installed before ImGui's backend, which calls them after its own (it chains what it found).
void install_input_watch(GLFWwindow* window) {
    glfwSetMouseButtonCallback(window, [](GLFWwindow*, int, int, int) { on_input(); });
    glfwSetScrollCallback(window, [](GLFWwindow*, double, double) { on_input(); });
    glfwSetKeyCallback(window, [](GLFWwindow*, int, int, int, int) { on_input(); });
    glfwSetCharCallback(window, [](GLFWwindow*, unsigned int) { on_input(); });
    glfwSetWindowFocusCallback(window, [](GLFWwindow*, int) { on_input(); });
    glfwSetCursorEnterCallback(window, [](GLFWwindow*, int) { on_input(); });
    // The backend polls the pointer rather than watching it, so this one is ours alone.
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { on_input(); });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow*, int, int) { on_input(); });
}

}  // namespace

DesktopWindow::~DesktopWindow() {
    if (imgui_ready_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (window_ != nullptr) {
        glfwDestroyWindow(window_);
        glfwTerminate();
    }
}

bool DesktopWindow::open(int width, int height, std::optional<float> scale) {
    if (glfwInit() == GLFW_FALSE) {
        std::fprintf(stderr, "parley-console: no display (set DISPLAY, or run under Xvfb)\n");
        return false;
    }
    forced_scale_ = scale;
    float initial = 1.0f;
    if (scale) {
        initial = *scale;
    } else if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        glfwGetMonitorContentScale(monitor, &initial, nullptr);
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    window_ = glfwCreateWindow(static_cast<int>(std::lround(static_cast<float>(width) * initial)),
                               static_cast<int>(std::lround(static_cast<float>(height) * initial)),
                               "Parley", nullptr, nullptr);
    if (window_ == nullptr) {
        std::fprintf(stderr, "parley-console: OpenGL 3 is not available\n");
        glfwTerminate();
        return false;
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(1);
    install_input_watch(window_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    if (!console::theme::apply(PARLEY_FONT, kFontSize)) {
        std::fprintf(stderr, "parley-console: %s missing, Cyrillic text will not show\n",
                     PARLEY_FONT);
    }
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    imgui_ready_ = true;
    fit_scale();
    return true;
}

void DesktopWindow::fit_scale() {
    float scale = 1.0f;
    if (forced_scale_) {
        scale = *forced_scale_;
    } else {
        glfwGetWindowContentScale(window_, &scale, nullptr);
    }
    if (scale > 0 && scale != scale_) {
        scale_ = scale;
        rasterise_font(PARLEY_FONT, kFontSize, scale);
    }
}

bool DesktopWindow::should_close() const {
    return glfwWindowShouldClose(window_) != GLFW_FALSE;
}

bool DesktopWindow::wait(double seconds) {
    if (seconds > 0) {
        glfwWaitEventsTimeout(seconds);
    } else {
        glfwPollEvents();
    }
    return std::exchange(g_input, false);
}

void DesktopWindow::begin_frame() {
    fit_scale();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // Where the platform scales windows itself (window units already logical, the framebuffer
    // larger), the backend has done the work; on X11 a window unit is a device pixel.
    int width = 0;
    int height = 0;
    int framebuffer_width = 0;
    glfwGetWindowSize(window_, &width, &height);
    glfwGetFramebufferSize(window_, &framebuffer_width, nullptr);
    if (framebuffer_width == width && scale_ != 1.0f) {
        use_logical_pixels(static_cast<float>(width) / scale_, static_cast<float>(height) / scale_,
                           scale_);
    }
}

void DesktopWindow::render() {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void DesktopWindow::swap() {
    glfwSwapBuffers(window_);
}

}  // namespace parley::shell
