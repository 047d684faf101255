#include "pixel_ratio.h"

#include "console/theme.h"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

namespace parley::shell {

void rasterise_font(const char* font_path, float font_size, float ratio,
                    const console::theme::MergedGlyphs& merged) {
    // Asked before the atlas is rebuilt, which forgets its texture.
    const bool uploaded = ImGui::GetIO().Fonts->TexID != nullptr;
    // A missing font was reported at start-up; the fallback is rasterised the same way.
    console::theme::load_font(font_path, font_size, ratio, merged);
    // Only the atlas texture is remade: 1.86's backend keeps stale buffer sizes across
    // DestroyDeviceObjects() and then overflows its new buffers. Before the first frame there
    // is no texture yet, and the backend makes it from the new atlas itself.
    if (uploaded) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

void use_logical_pixels(float logical_width, float logical_height, float ratio) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(logical_width, logical_height);
    io.DisplayFramebufferScale = ImVec2(ratio, ratio);
    if (ImGui::IsMousePosValid(&io.MousePos)) {
        io.MousePos = ImVec2(io.MousePos.x / ratio, io.MousePos.y / ratio);
    }
}

}  // namespace parley::shell
