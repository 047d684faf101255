// The desktop console's window: GLFW with OpenGL 3, ImGui and its backends, Parley's theme.
// It sleeps between frames until something happens (input, a wake-up from the I/O thread
// through glfwPostEmptyEvent, or a time-out), and tells the loop whether the window had input
// meanwhile, so a console left alone draws a few frames a second instead of a core's worth.
// On a high-DPI screen (the window's content scale, from Xft.dpi on X11, or --scale) ImGui works
// in logical pixels, as in the browser, and the font is rasterised for the device pixels.
#pragma once

#include <optional>

struct GLFWwindow;

namespace parley::shell {

class DesktopWindow {
public:
    DesktopWindow() = default;
    ~DesktopWindow();
    DesktopWindow(const DesktopWindow&) = delete;
    DesktopWindow& operator=(const DesktopWindow&) = delete;

    // Opens a window of `width` × `height` logical pixels at `scale` device pixels each, or at
    // the screen's content scale without one. False, with the reason on stderr, when there is
    // no display or no OpenGL 3.
    bool open(int width, int height, std::optional<float> scale);
    GLFWwindow* handle() const { return window_; }
    bool should_close() const;
    // Waits up to `seconds` for events (0: only takes what is there). True when the window had
    // input (pointer, buttons, keys, text, focus, size) since the last call.
    bool wait(double seconds);
    // The backends' part of a new frame; ImGui::NewFrame() is the caller's, after any input of
    // its own.
    void begin_frame();
    // Renders ImGui's draw data into the back buffer.
    void render();
    void swap();

private:
    // Follows the window's content scale unless one was given, rasterising the font anew.
    void fit_scale();

    GLFWwindow* window_ = nullptr;
    bool imgui_ready_ = false;
    std::optional<float> forced_scale_;
    // theme::apply() rasterised the font for a ratio of 1.
    float scale_ = 1.0f;
};

}  // namespace parley::shell
