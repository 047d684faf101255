// Saves what the window's back buffer holds (the frame just rendered, before the swap) as a PNG:
// how the tests and the automation bridge look at the desktop console.
#pragma once

#include <string>

struct GLFWwindow;

namespace parley::shell {

// False when the file cannot be written.
bool save_screenshot(GLFWwindow* window, const std::string& path);

}  // namespace parley::shell
