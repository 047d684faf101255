// Draws the console headless (no window, no GPU) in every connection state: ImGui's own
// assertions catch unbalanced Begin/End and ID clashes, and the frame must produce geometry.
#include "console/connection.h"
#include "console/views/console_view.h"

#include "headless_imgui_test.h"

#include <gtest/gtest.h>
#include <imgui.h>

namespace parley::console {
namespace {

class HeadlessImGui : public testing::HeadlessImGuiTest {
protected:
    int draw(const ConsoleViewModel& model) {
        ImGui::NewFrame();
        UiState ui;
        FrameOutput out;
        draw_console(model, ui, out);
        ImGui::Render();
        return ImGui::GetDrawData()->TotalVtxCount;
    }
};

TEST_F(HeadlessImGui, EveryConnectionStateDraws) {
    for (const auto status :
         {ConnectionStatus::stopped, ConnectionStatus::connecting, ConnectionStatus::handshaking,
          ConnectionStatus::connected, ConnectionStatus::refused, ConnectionStatus::needs_sign_in,
          ConnectionStatus::waiting_to_retry}) {
        ConsoleViewModel model;
        model.console_version = "0.1.0";
        model.connection.status = status;
        model.connection.server = "ws://127.0.0.1:8080/ws";
        model.connection.problem = "The server cannot be reached.";
        model.connection.server_version = "0.1.0";
        model.screen = status == ConnectionStatus::refused ? Screen::problem : Screen::connecting;
        EXPECT_GT(draw(model), 0) << connection_label(status);
    }
}

TEST_F(HeadlessImGui, LabelsAndNamesAreDistinct) {
    EXPECT_STREQ(connection_label(ConnectionStatus::connected), "Connected");
    EXPECT_STREQ(status_name(ConnectionStatus::waiting_to_retry), "reconnecting");
    EXPECT_STRNE(connection_label(ConnectionStatus::refused),
                 connection_label(ConnectionStatus::waiting_to_retry));
}

}  // namespace
}  // namespace parley::console
