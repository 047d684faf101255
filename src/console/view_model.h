// What the console's views read: plain data built once per frame from the connection and,
// as the console grows, from the core's queries over the replica. Views never change it.
#pragma once

#include "console/connection.h"

#include <string>

namespace parley::console {

struct ConsoleViewModel {
    ConnectionView connection;
    std::string console_version;
};

}  // namespace parley::console
