#include "console/canned.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace parley::console {

namespace {

bool contains_folded(std::string_view haystack, std::string_view needle) {
    const auto fold = [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return fold(a) == fold(b); }) != haystack.end();
}

}  // namespace

std::vector<const CannedView*> matching_canned(const std::vector<CannedView>& canned,
                                               std::string_view typed) {
    std::vector<const CannedView*> by_shortcut;
    std::vector<const CannedView*> by_title;
    for (const CannedView& response : canned) {
        if (contains_folded(response.shortcut, typed)) {
            by_shortcut.push_back(&response);
        } else if (contains_folded(response.title, typed)) {
            by_title.push_back(&response);
        }
    }
    by_shortcut.insert(by_shortcut.end(), by_title.begin(), by_title.end());
    return by_shortcut;
}

std::string expand_placeholders(std::string_view text, std::string_view customer_name,
                                std::string_view agent_name) {
    struct Placeholder {
        std::string_view name;
        std::string_view value;
    };
    const std::array<Placeholder, 4> placeholders = {{{"{customer.name}", customer_name},
                                                      {"{customer_name}", customer_name},
                                                      {"{agent.name}", agent_name},
                                                      {"{agent_name}", agent_name}}};
    std::string out;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto found = std::find_if(
            placeholders.begin(), placeholders.end(),
            [&](const Placeholder& p) { return text.substr(at, p.name.size()) == p.name; });
        if (found != placeholders.end()) {
            out += found->value;
            at += found->name.size();
        } else {
            out += text[at++];
        }
    }
    return out;
}

}  // namespace parley::console
