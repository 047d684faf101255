#include "sim/flags.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace parley::sim {

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream stream(text);
    while (std::getline(stream, part, separator)) {
        parts.push_back(part);
    }
    return parts;
}

bool read_number(const std::string& text, double& out) {
    const char* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, out);
    return error == std::errc{} && stop == end && std::isfinite(out);
}

FlagReader number_flag(double& target, double low, double high, const std::string& what) {
    return [&target, low, high, what](const std::string& value) -> std::string {
        double parsed = 0;
        if (!read_number(value, parsed) || parsed < low || parsed > high) {
            std::ostringstream sentence;
            sentence << what << " must be a number from " << low << " to " << high << ", not '"
                     << value << "'.";
            return sentence.str();
        }
        target = parsed;
        return {};
    };
}

FlagReader server_flag(std::string& target) {
    return [&target](const std::string& value) -> std::string {
        if (value.empty()) {
            return "--server needs a URL such as http://127.0.0.1:8080.";
        }
        target = value;
        return {};
    };
}

FlagReader admin_flag(std::string& id, std::string& password) {
    return [&id, &password](const std::string& value) -> std::string {
        const auto colon = value.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == value.size()) {
            return "--admin takes ID:PASSWORD of an admin account, for example admin:admin-demo.";
        }
        id = value.substr(0, colon);
        password = value.substr(colon + 1);
        return {};
    };
}

FlagsRead read_flags(const std::vector<std::string>& args, const FlagTable& flags,
                     const std::string& program) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        if (name == "--help" || name == "-h") {
            return {true, {}};
        }
        std::string value;
        bool has_value = false;
        if (const auto equals = name.find('=');
            name.starts_with("--") && equals != std::string::npos) {
            value = name.substr(equals + 1);
            name.resize(equals);
            has_value = true;
        }
        const auto flag = flags.find(name);
        if (flag == flags.end()) {
            return {false, "Unknown option '" + name + "' (see " + program + " --help)."};
        }
        if (!has_value) {
            if (i + 1 == args.size()) {
                return {false, "Option " + name + " needs a value (see " + program + " --help)."};
            }
            value = args[++i];
        }
        if (std::string error = flag->second(value); !error.empty()) {
            return {false, std::move(error)};
        }
    }
    return {};
}

}  // namespace parley::sim
