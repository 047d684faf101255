#include "server/rest/media_type.h"

namespace parley::server::rest {

std::string media_type(std::string_view header) {
    header = header.substr(0, header.find(';'));
    std::string type;
    for (const char c : header) {
        if (c != ' ' && c != '\t') {
            type += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return type;
}

}  // namespace parley::server::rest
