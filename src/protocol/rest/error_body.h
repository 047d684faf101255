// Every REST refusal's body: a stable code and a sentence for people.
#pragma once

#include <string>

namespace parley::protocol::rest {

struct ErrorAnswer {
    std::string code;
    std::string message;
};

}  // namespace parley::protocol::rest
