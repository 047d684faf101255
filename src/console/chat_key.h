// A chat id as text, for ImGui ids and automation ids. Chat ids are opaque values: this is the
// one place that knows how to spell one, whatever type the core gives them.
#pragma once

#include "core/ids.h"

#include <string>
#include <type_traits>

namespace parley::console {

// A template so that only the branch for the core's actual id type is compiled.
template <typename Id = core::ChatId>
std::string chat_key(const Id& id) {
    if constexpr (std::is_same_v<Id, std::string>) {
        return id;
    } else {
        return std::to_string(id);
    }
}

}  // namespace parley::console
