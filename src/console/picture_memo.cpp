#include "console/picture_memo.h"

#include <imgui.h>

#include <cstring>
#include <type_traits>

namespace parley::console {
namespace {

template <typename T>
void append(std::vector<unsigned char>& bytes, const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* first = reinterpret_cast<const unsigned char*>(&value);
    bytes.insert(bytes.end(), first, first + sizeof(T));
}

void append_bytes(std::vector<unsigned char>& bytes, const void* data, std::size_t size) {
    const auto* first = static_cast<const unsigned char*>(data);
    bytes.insert(bytes.end(), first, first + size);
}

}  // namespace

bool PictureMemo::unchanged(const ImDrawData& data, int framebuffer_width, int framebuffer_height) {
    current_.clear();
    append(current_, framebuffer_width);
    append(current_, framebuffer_height);
    append(current_, data.DisplayPos);
    append(current_, data.DisplaySize);
    append(current_, data.FramebufferScale);
    append(current_, data.CmdListsCount);
    for (int list = 0; list < data.CmdListsCount; ++list) {
        const ImDrawList& draw_list = *data.CmdLists[list];
        append(current_, draw_list.CmdBuffer.Size);
        // Field by field: ImDrawCmd has padding, whose bytes are not part of the picture.
        for (const ImDrawCmd& command : draw_list.CmdBuffer) {
            append(current_, command.ClipRect);
            append(current_, command.TextureId);
            append(current_, command.VtxOffset);
            append(current_, command.IdxOffset);
            append(current_, command.ElemCount);
            append(current_, command.UserCallback);
        }
        append(current_, draw_list.VtxBuffer.Size);
        append_bytes(current_, draw_list.VtxBuffer.Data,
                     sizeof(ImDrawVert) * static_cast<std::size_t>(draw_list.VtxBuffer.Size));
        append(current_, draw_list.IdxBuffer.Size);
        append_bytes(current_, draw_list.IdxBuffer.Data,
                     sizeof(ImDrawIdx) * static_cast<std::size_t>(draw_list.IdxBuffer.Size));
    }
    const bool same = current_.size() == last_.size() &&
                      std::memcmp(current_.data(), last_.data(), current_.size()) == 0;
    if (!same) {
        last_.swap(current_);
    }
    return same;
}

}  // namespace parley::console
