// An ImGui context without a window or GPU, as the console's tests and benchmark draw into:
// 1280 x 800 logical pixels, the built-in font atlas built, no .ini file.
#pragma once

#include <imgui.h>

namespace parley::console::testing {

inline void create_headless_imgui() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1280, 800);
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

}  // namespace parley::console::testing
