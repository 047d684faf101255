#include "browser_frame.h"

#include "console/automation.h"
#include "console/theme.h"
#include "fallback_font.h"
#include "page_activity.h"
#include "page_glue.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <cstdio>
#include <utility>

namespace parley::shell {
namespace {
// The subset of DejaVu Sans the build makes (src/console/font_ranges.txt), packed as parley.data.
constexpr const char* kFont = "/fonts/parley-text.ttf";
constexpr float kFontSize = 17.0f;
constexpr float kLongestFrameSeconds = 0.05f;

// The page has one console frame; the automation bridge asks it for the last frame's summary.
BrowserFrame* g_automated_frame = nullptr;
}  // namespace

// Built when the page asks, not every frame: only tests and tools read it, and a summary of
// every drawn frame was a large share of a frame's cost.
extern "C" EMSCRIPTEN_KEEPALIVE const char* parley_automation_text() {
    return g_automated_frame == nullptr ? "" : g_automated_frame->automation().c_str();
}

console::Clock browser_clock() {
    return {emscripten_get_now() / 1000.0, static_cast<core::Timestamp>(wall_ms())};
}

BrowserFrame::BrowserFrame() : scale_(kFont, kFontSize) {
    g_automated_frame = this;
}

const std::string& BrowserFrame::automation() {
    if (automated_ != nullptr && automation_stale_) {
        automation_ = console::automation_json(automated_->view_model(), automated_->last_output());
        automation_stale_ = false;
    }
    return automation_;
}

bool BrowserFrame::open() {
    if (glfwInit() == GLFW_FALSE) {
        std::fprintf(stderr, "parley: this browser offers no GLFW canvas\n");
        return false;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    window_ = glfwCreateWindow(page_width(), page_height(), "Parley", nullptr, nullptr);
    if (window_ == nullptr) {
        std::fprintf(stderr, "parley: WebGL2 is not available in this browser\n");
        return false;
    }
    glfwMakeContextCurrent(window_);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    // A resting console draws a few times a second (FramePacer): a blinking cursor would blink
    // unevenly, so it stays steady.
    ImGui::GetIO().ConfigInputTextCursorBlink = false;
    if (!console::theme::apply(kFont, kFontSize)) {
        std::fprintf(stderr, "parley: font missing, Cyrillic text will not show\n");
    }
    // Installed before ImGui's callbacks, which call it before their own: a typed character the
    // text font lacks fetches the full font (fallback_font.h).
    glfwSetCharCallback(window_, [](GLFWwindow*, unsigned int codepoint) {
        note_character(static_cast<char32_t>(codepoint));
    });
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    install_clipboard();
    install_text_input();
    install_activity_listeners();
    return true;
}

void BrowserFrame::run(console::ConsoleApp& app, const console::Clock& clock, bool activity) {
    const bool draw = pacer_.should_draw(clock.seconds, activity);
    pace_main_loop(pacer_.settling(clock.seconds));
    if (!draw) {
        return;
    }
    glfwPollEvents();
    scale_.fit(window_);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    // A frame late by a busy machine, or the first after a rest, must not count as a key held
    // that long: ImGui would repeat it (a second paste for one Ctrl+V).
    ImGui::GetIO().DeltaTime = std::min(ImGui::GetIO().DeltaTime, kLongestFrameSeconds);
    scale_.to_css_pixels();
    ImGui::NewFrame();
    app.frame(clock);
    ImGui::Render();
    for (const console::Notice& notice : app.take_notices()) {
        notify(notice.title, notice.body);
    }
    // Asked every frame while text is wanted: a click on the canvas takes the focus away.
    if (ImGui::GetIO().WantTextInput) {
        take_text_focus();
    }

    automated_ = &app;
    automation_stale_ = true;

    const auto status = app.view_model().connection.status;
    if (!status_shown_ || status != shown_status_) {
        show_connection_state(console::connection_label(status), console::status_name(status));
        shown_status_ = status;
        status_shown_ = true;
    }

    int framebuffer_width = 0;
    int framebuffer_height = 0;
    glfwGetFramebufferSize(window_, &framebuffer_width, &framebuffer_height);
    if (picture_.unchanged(*ImGui::GetDrawData(), framebuffer_width, framebuffer_height)) {
        return;
    }
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!first_frame_shown_) {
        install_automation();
        // Navigation to the first interactive frame, for the console's benchmark.
        EM_ASM({ (window.parley = window.parley || {}).firstFrameMs = performance.now(); });
        first_frame_shown_ = true;
    }
}

}  // namespace parley::shell
