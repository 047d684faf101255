// Browser entry point: a GLFW window on the page's canvas, ImGui on WebGL2, one console frame
// per animation frame (emscripten_set_main_loop; a while loop would freeze the page).
#include "console/automation.h"
#include "console/console_app.h"
#include "console/outbox.h"
#include "console/theme.h"
#include "file_upload.h"
#include "page_glue.h"
#include "page_scale.h"
#include "web_link.h"
#include "web_sign_in.h"

#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <memory>
#include <string>
#include <utility>

namespace {

constexpr const char* kFont = "/fonts/DejaVuSans.ttf";
constexpr float kFontSize = 17.0f;

struct WebConsole {
    GLFWwindow* window = nullptr;
    std::unique_ptr<parley::shell::WebLink> link;
    std::unique_ptr<parley::shell::WebSignIn> sign_in;
    std::unique_ptr<parley::console::ConsoleApp> app;
    parley::shell::PageScale scale{kFont, kFontSize};
    std::string published;
    parley::console::ConnectionStatus shown_status{};
    bool status_shown = false;
    bool first_frame_shown = false;
};

WebConsole g_console;

void frame() {
    glfwPollEvents();
    g_console.scale.fit(g_console.window);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    g_console.scale.to_css_pixels();
    ImGui::NewFrame();
    const parley::console::Clock clock{
        emscripten_get_now() / 1000.0,
        static_cast<parley::core::Timestamp>(parley::shell::wall_ms())};
    g_console.app->frame(clock);
    ImGui::Render();
    for (const parley::console::Notice& notice : g_console.app->take_notices()) {
        parley::shell::notify(notice.title, notice.body);
    }
    // Asked every frame while text is wanted: a click on the canvas takes the focus away.
    if (ImGui::GetIO().WantTextInput) {
        parley::shell::take_text_focus();
    }
    for (const std::string& ref : g_console.app->take_downloads()) {
        parley::shell::download(ref);
    }
    parley::shell::exchange_uploads(*g_console.app);

    std::string automation =
        parley::console::automation_json(g_console.app->view_model(), g_console.app->last_output());
    if (automation != g_console.published) {
        parley::shell::publish_automation(automation);
        g_console.published = std::move(automation);
    }

    const auto status = g_console.app->view_model().connection.status;
    if (!g_console.status_shown || status != g_console.shown_status) {
        parley::shell::show_connection_state(parley::console::connection_label(status),
                                             parley::console::status_name(status));
        g_console.shown_status = status;
        g_console.status_shown = true;
    }

    int framebuffer_width = 0;
    int framebuffer_height = 0;
    glfwGetFramebufferSize(g_console.window, &framebuffer_width, &framebuffer_height);
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(0.08f, 0.09f, 0.11f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!g_console.first_frame_shown) {
        // Navigation to the first interactive frame, for the console's benchmark.
        EM_ASM({ (window.parley = window.parley || {}).firstFrameMs = performance.now(); });
        g_console.first_frame_shown = true;
    }
}

}  // namespace

int main() {
    if (glfwInit() == GLFW_FALSE) {
        std::fprintf(stderr, "parley: this browser offers no GLFW canvas\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_console.window = glfwCreateWindow(parley::shell::page_width(), parley::shell::page_height(),
                                        "Parley", nullptr, nullptr);
    if (g_console.window == nullptr) {
        std::fprintf(stderr, "parley: WebGL2 is not available in this browser\n");
        return 1;
    }
    glfwMakeContextCurrent(g_console.window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    if (!parley::console::theme::apply(kFont, kFontSize)) {
        std::fprintf(stderr, "parley: font missing, Cyrillic text will not show\n");
    }
    ImGui_ImplGlfw_InitForOpenGL(g_console.window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    parley::shell::install_clipboard();
    parley::shell::install_text_input();

    g_console.link = std::make_unique<parley::shell::WebLink>(parley::shell::server_socket_url());
    g_console.sign_in = std::make_unique<parley::shell::WebSignIn>();
    g_console.app = std::make_unique<parley::console::ConsoleApp>(
        *g_console.link, *g_console.sign_in, "web", parley::console::Outbox::random_prefix());
    g_console.app->offer_file_picker();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
