#include "bridge_request.h"

#include <nlohmann/json.hpp>

namespace parley::shell {
namespace {

using json = nlohmann::json;

BridgeRequest read(const json& line) {
    const std::string op = line.at("op").get<std::string>();
    if (op == "snapshot") {
        return AskSnapshot{};
    }
    if (op == "mouse") {
        return MovePointer{line.at("x").get<float>(), line.at("y").get<float>()};
    }
    if (op == "button") {
        return SetButton{line.at("button").get<int>(), line.at("down").get<bool>()};
    }
    if (op == "wheel") {
        return ScrollWheel{line.at("dy").get<float>()};
    }
    if (op == "key") {
        return SetKey{line.at("key").get<std::string>(), line.at("down").get<bool>()};
    }
    if (op == "text") {
        return TypeText{line.at("text").get<std::string>()};
    }
    if (op == "focus") {
        return SetFocus{line.at("focused").get<bool>()};
    }
    if (op == "frames") {
        return WaitFrames{line.at("count").get<int>()};
    }
    if (op == "screenshot") {
        return SaveScreenshot{line.at("path").get<std::string>()};
    }
    if (op == "stats") {
        return AskStats{line.value("reset", false)};
    }
    return BadRequest{"unknown op '" + op + "'"};
}

}  // namespace

BridgeRequest parse_bridge_request(std::string_view line) {
    const json parsed = json::parse(line, nullptr, false);
    if (!parsed.is_object()) {
        return BadRequest{"not a JSON object"};
    }
    try {
        return read(parsed);
    } catch (const json::exception& error) {
        return BadRequest{error.what()};
    }
}

}  // namespace parley::shell
