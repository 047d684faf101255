// Reading REST answers without throwing: the last good answer's body as JSON, and fields that
// read as empty when missing or of another type. No ImGui.
#pragma once

#include "core/ids.h"

#include <nlohmann/json.hpp>

#include <string>

namespace parley::console {

struct ApiResult;

// The last good answer's body as JSON (kept while the next call is on its way), or null.
nlohmann::json body_of(const ApiResult* result);

std::string text_at(const nlohmann::json& object, const char* key);
core::Timestamp time_at(const nlohmann::json& object, const char* key);
bool flag_at(const nlohmann::json& object, const char* key);

}  // namespace parley::console
