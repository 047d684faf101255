#include "page_scale.h"

#include "fallback_font.h"
#include "page_glue.h"
#include "pixel_ratio.h"

#include <GLFW/glfw3.h>

#include <cmath>

namespace parley::shell {

PageScale::PageScale(const char* font_path, float font_size)
    : font_path_(font_path), font_size_(font_size) {}

void PageScale::fit(GLFWwindow* window) {
    const auto ratio = static_cast<float>(page_pixel_ratio());
    const bool glyphs_wanted = take_fallback_change();
    if (ratio != ratio_ || glyphs_wanted) {
        ratio_ = ratio;
        rasterise_font(font_path_, font_size_, ratio, fallback_glyphs());
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
    use_logical_pixels(static_cast<float>(css_width_), static_cast<float>(css_height_), ratio_);
}

}  // namespace parley::shell
