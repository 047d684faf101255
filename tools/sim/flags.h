// Reading a command line of "--name value" and "--name=value" flags against a table: each
// flag's reader takes its value and returns a sentence when it is wrong. Never exits.
// Standard library only.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace parley::sim {

// Returns an empty string when the value is good, else what is wrong with it.
using FlagReader = std::function<std::string(const std::string&)>;
using FlagTable = std::map<std::string, FlagReader>;

struct FlagsRead {
    bool help = false;  // --help or -h was among them
    std::string error;  // the first thing wrong, naming `program`'s --help
};

// `args` without the program name.
FlagsRead read_flags(const std::vector<std::string>& args, const FlagTable& flags,
                     const std::string& program);

// A reader for a number from `low` to `high`; `what` names it in the sentence.
FlagReader number_flag(double& target, double low, double high, const std::string& what);

// --server URL: any non-empty text (the URL is checked when it is used).
FlagReader server_flag(std::string& target);
// --admin ID:PASSWORD of an admin account.
FlagReader admin_flag(std::string& id, std::string& password);

std::vector<std::string> split(const std::string& text, char separator);
// The whole of `text` as a finite number.
bool read_number(const std::string& text, double& out);

}  // namespace parley::sim
