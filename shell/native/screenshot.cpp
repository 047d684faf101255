#include "screenshot.h"

#include "png_file.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace parley::shell {

// OpenGL's rows run bottom-up, PNG's top-down.
bool save_screenshot(GLFWwindow* window, const std::string& path) {
    int width = 0;
    int height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    const auto row = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(row * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    std::vector<std::uint8_t> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        std::copy_n(
            pixels.begin() +
                static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(height - 1 - y)),
            row, flipped.begin() + static_cast<std::ptrdiff_t>(row * static_cast<std::size_t>(y)));
    }
    return write_png(path, width, height, flipped);
}

}  // namespace parley::shell
