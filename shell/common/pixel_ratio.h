// Drawing ImGui sharply on a screen of more than one device pixel per logical pixel, shared by
// the browser host (devicePixelRatio) and the desktop host (the window's content scale): ImGui
// works in logical pixels, so layouts and the automation bridge's rectangles read the same at
// any ratio, while the font is rasterised for the device pixels it lands on.
#pragma once

#include "console/theme.h"

namespace parley::shell {

// Rasterises the console's font for `ratio` device pixels per logical pixel (theme::load_font),
// with `merged` characters from a fuller font, and remakes the atlas texture if the OpenGL
// backend has made one already.
void rasterise_font(const char* font_path, float font_size, float ratio,
                    const console::theme::MergedGlyphs& merged = {});

// After the backends' NewFrame, which measured device pixels: ImGui's display becomes
// `logical_width` × `logical_height` logical pixels drawn at `ratio`, the pointer divided back.
void use_logical_pixels(float logical_width, float logical_height, float ratio);

}  // namespace parley::shell
