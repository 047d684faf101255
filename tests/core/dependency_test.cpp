// DESIGN.md: src/core uses the standard library only. This test reads every file in src/core
// and fails on any include that is neither a standard header nor another core header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>

namespace {

const std::set<std::string> kStandard = {
    "algorithm",     "array",      "cctype",      "compare", "cstddef",     "cstdint",
    "cstdlib",       "functional", "limits",      "map",     "optional",    "set",
    "span",          "string",     "string_view", "tuple",   "type_traits", "unordered_map",
    "unordered_set", "utility",    "variant",     "vector"};

TEST(CoreDependencies, CoreIncludesOnlyTheStandardLibraryAndItself) {
    const std::filesystem::path core = std::filesystem::path(PARLEY_SOURCE_DIR) / "src" / "core";
    ASSERT_TRUE(std::filesystem::is_directory(core)) << core;
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(core)) {
        const auto extension = entry.path().extension();
        if (extension != ".h" && extension != ".cpp")
            continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            if (line.rfind("#include", 0) != 0)
                continue;
            const auto open = line.find_first_of("<\"");
            const auto close = line.find_first_of(">\"", open + 1);
            const std::string header = line.substr(open + 1, close - open - 1);
            const bool ours = line[open] == '"' && header.rfind("core/", 0) == 0;
            const bool standard = line[open] == '<' && kStandard.contains(header);
            EXPECT_TRUE(ours || standard) << entry.path().filename() << ": " << line;
        }
    }
    EXPECT_GT(files, 10);
}

}  // namespace
