// Sharp drawing on high-DPI screens. Emscripten's GLFW knows nothing of devicePixelRatio: its
// window is the canvas's backing store. This keeps that store at the page's CSS size × the
// ratio while ImGui works in CSS pixels (DisplaySize in CSS pixels, DisplayFramebufferScale =
// the ratio, the mouse divided back), so the automation bridge's rectangles are CSS pixels and
// clicks land where a person clicks. The font atlas is rasterised at the device scale and
// rebuilt when the ratio changes (browser zoom, a window moved to another screen).
#pragma once

struct GLFWwindow;

namespace parley::shell {

class PageScale {
public:
    PageScale(const char* font_path, float font_size);

    // Before the backends' NewFrame: follows the page's size and ratio, rebuilding the font
    // atlas and its texture when the ratio changed or glyphs of the full font are wanted
    // (fallback_font.h).
    void fit(GLFWwindow* window);
    // After ImGui_ImplGlfw_NewFrame, which measured the backing store: back to CSS pixels.
    void to_css_pixels() const;

private:
    const char* font_path_;
    float font_size_;
    float ratio_ = 0.0f;
    int css_width_ = 0;
    int css_height_ = 0;
};

}  // namespace parley::shell
