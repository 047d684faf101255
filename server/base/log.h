// One line per happening on stderr, with UTC time and a level, safe from any thread. Never
// pass tokens, passwords or API key secrets.
#pragma once

#include <string_view>

namespace parley::server {

void log_info(std::string_view line);
void log_warning(std::string_view line);
void log_error(std::string_view line);

}  // namespace parley::server
