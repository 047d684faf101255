#include "page_scale.h"

#include "console/theme.h"
#include "fallback_font.h"
#include "page_glue.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <cmath>

namespace parley::shell {

PageScale::PageScale(const char* font_path, float font_size)
    : font_path_(font_path), font_size_(font_size) {}

void PageScale::fit(GLFWwindow* window) {
    const auto ratio = static_cast<float>(page_pixel_ratio());
    const bool glyphs_wanted = take_fallback_change();
    if (ratio != ratio_ || glyphs_wanted) {
        ratio_ = ratio;
        // Asked before the atlas is rebuilt, which forgets its texture.
        const bool uploaded = ImGui::GetIO().Fonts->TexID != nullptr;
        // A missing font was reported at start-up; the fallback is rasterised the same way.
        console::theme::load_font(font_path_, font_size_, ratio, fallback_glyphs());
        // Only the atlas texture is remade: 1.86's backend keeps stale buffer sizes across
        // DestroyDeviceObjects() and then overflows its new buffers. Before the first frame
        // there is no texture yet, and the backend makes it from the new atlas itself.
        if (uploaded) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        if (glyphs_wanted) {
            show_fallback_glyphs();
        }
        show_pixel_ratio(ratio);
    }
    css_width_ = page_width();
    css_height_ = page_height();
    const auto backing_width =
        static_cast<int>(std::lround(static_cast<float>(css_width_) * ratio));
    const auto backing_height =
        static_cast<int>(std::lround(static_cast<float>(css_height_) * ratio));
    int width = 0;
    int height = 0;
    glfwGetWindowSize(window, &width, &height);
    if (width != backing_width || height != backing_height) {
        glfwSetWindowSize(window, backing_width, backing_height);
    }
}

void PageScale::to_css_pixels() const {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(css_width_), static_cast<float>(css_height_));
    io.DisplayFramebufferScale = ImVec2(ratio_, ratio_);
    if (ImGui::IsMousePosValid(&io.MousePos)) {
        io.MousePos = ImVec2(io.MousePos.x / ratio_, io.MousePos.y / ratio_);
    }
}

}  // namespace parley::shell
