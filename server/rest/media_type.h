// The media type a Content-Type header names, as the server compares it: parameters after ';'
// dropped, white space removed, lower case ("Application/JSON; charset=utf-8" is
// "application/json").
#pragma once

#include <string>
#include <string_view>

namespace parley::server::rest {

std::string media_type(std::string_view header);

}  // namespace parley::server::rest
