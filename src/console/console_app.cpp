#include "console/console_app.h"

#include "console/views/connection_view.h"
#include "console/views/top_bar.h"

#include <imgui.h>

namespace parley::console {

namespace {
constexpr const char* kConsoleVersion = "0.1.0";
}

ConsoleApp::ConsoleApp(Link& link, std::string platform)
    : connection_(link, "parley-console/" + std::string(kConsoleVersion) + " (" + platform + ")") {
    view_model_.console_version = kConsoleVersion;
}

void ConsoleApp::frame(double now_seconds) {
    connection_.update(now_seconds);
    view_model_.connection = connection_.view();
    draw_console(view_model_);
}

void draw_console(const ConsoleViewModel& model) {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("Parley", nullptr, kFlags);
    draw_top_bar(model);
    ImGui::Separator();
    draw_connection_view(model);
    ImGui::End();
}

}  // namespace parley::console
