#include "virtual_input.h"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <string_view>
#include <utility>

namespace parley::shell {
namespace {

struct NamedKey {
    std::string_view name;
    int code;
};

// Playwright's names for the keys the console reacts to.
constexpr NamedKey kKeys[] = {
    {"Enter", GLFW_KEY_ENTER},
    {"Tab", GLFW_KEY_TAB},
    {"Backspace", GLFW_KEY_BACKSPACE},
    {"Delete", GLFW_KEY_DELETE},
    {"Escape", GLFW_KEY_ESCAPE},
    {"ArrowLeft", GLFW_KEY_LEFT},
    {"ArrowRight", GLFW_KEY_RIGHT},
    {"ArrowUp", GLFW_KEY_UP},
    {"ArrowDown", GLFW_KEY_DOWN},
    {"Home", GLFW_KEY_HOME},
    {"End", GLFW_KEY_END},
    {"PageUp", GLFW_KEY_PAGE_UP},
    {"PageDown", GLFW_KEY_PAGE_DOWN},
    {"Space", GLFW_KEY_SPACE},
    {"Control", GLFW_KEY_LEFT_CONTROL},
    {"Shift", GLFW_KEY_LEFT_SHIFT},
    {"Alt", GLFW_KEY_LEFT_ALT},
    {"Meta", GLFW_KEY_LEFT_SUPER},
    {"/", GLFW_KEY_SLASH},
};

// A named key, a letter or a digit (GLFW numbers those by their upper-case ASCII code).
std::optional<int> key_code(std::string_view name) {
    for (const NamedKey& key : kKeys) {
        if (key.name == name) {
            return key.code;
        }
    }
    if (name.size() == 1) {
        const char c = name.front();
        if (c >= 'a' && c <= 'z') {
            return GLFW_KEY_A + (c - 'a');
        }
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return c;
        }
    }
    return std::nullopt;
}

}  // namespace

bool VirtualInput::take(const BridgeRequest& request, std::string& problem) {
    if (const auto* move = std::get_if<MovePointer>(&request)) {
        pointer_ = Point{move->x, move->y};
    } else if (const auto* button = std::get_if<SetButton>(&request)) {
        if (button->button < 0 || button->button >= static_cast<int>(buttons_.size())) {
            problem = "no mouse button " + std::to_string(button->button);
            return false;
        }
        buttons_[static_cast<std::size_t>(button->button)] = button->down;
    } else if (const auto* wheel = std::get_if<ScrollWheel>(&request)) {
        wheel_ += wheel->notches;
    } else if (const auto* key = std::get_if<SetKey>(&request)) {
        const auto code = key_code(key->key);
        if (!code) {
            problem = "no key named '" + key->key + "'";
            return false;
        }
        if (key->down) {
            held_.insert(*code);
            released_.erase(*code);
        } else if (held_.erase(*code) > 0) {
            released_.insert(*code);
        }
    } else if (const auto* typed = std::get_if<TypeText>(&request)) {
        text_ += typed->text;
    } else if (const auto* focus = std::get_if<SetFocus>(&request)) {
        focus_changed_ = focused_ != focus->focused;
        focused_ = focus->focused;
    }
    return true;
}

void VirtualInput::apply(ImGuiIO& io) {
    if (pointer_) {
        io.MousePos = ImVec2(pointer_->x, pointer_->y);
    }
    for (std::size_t i = 0; i < buttons_.size(); ++i) {
        io.MouseDown[i] = io.MouseDown[i] || buttons_[i];
    }
    io.MouseWheel += std::exchange(wheel_, 0.0f);
    for (const int code : std::exchange(released_, {})) {
        io.KeysDown[code] = false;
    }
    for (const int code : held_) {
        io.KeysDown[code] = true;
    }
    // As the backend's key callback derives them, so held virtual modifiers count.
    io.KeyCtrl = io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
    if (!text_.empty()) {
        io.AddInputCharactersUTF8(text_.c_str());
        text_.clear();
    }
    // As the backend's focus callback reports a real change.
    if (std::exchange(focus_changed_, false) && focused_) {
        io.AddFocusEvent(*focused_);
    }
}

}  // namespace parley::shell
