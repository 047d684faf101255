// Whether a drawn frame shows anything new. While the console settles after input it runs ImGui
// every display frame, and most of those frames produce the very picture already on the
// screen; handing it to the GPU again is the larger half of a frame's cost where WebGL is
// rendered in software (and a laptop's battery elsewhere). A frame whose draw lists match the
// last presented ones byte for byte is not drawn: the canvas keeps showing it.
#pragma once

#include <vector>

struct ImDrawData;

namespace parley::console {

class PictureMemo {
public:
    // True when `data`, on a framebuffer of the given size, draws exactly the picture of the
    // previous call; otherwise remembers it and returns false.
    bool unchanged(const ImDrawData& data, int framebuffer_width, int framebuffer_height);

private:
    std::vector<unsigned char> last_;
    std::vector<unsigned char> current_;
};

}  // namespace parley::console
