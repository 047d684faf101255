// A chat id as text, for ImGui ids and automation ids: the one place that knows how to spell
// one, so a change of the core's id type touches only this file.
#pragma once

#include "core/ids.h"

#include <string>

namespace parley::console {

inline const std::string& chat_key(const core::ChatId& id) {
    return id;
}

}  // namespace parley::console
