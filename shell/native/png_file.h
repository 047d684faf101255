// Writes an RGBA image as a PNG with stored (uncompressed) deflate blocks: enough for the
// desktop console to save a screenshot of a frame without an image library.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace parley::shell {

// `rgba` holds `height` rows of `width` pixels, top row first. False when the file cannot be
// written.
bool write_png(const std::string& path, int width, int height,
               const std::vector<std::uint8_t>& rgba);

}  // namespace parley::shell
