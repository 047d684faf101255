// The p-th quantile of timed samples (nearest rank), as the benchmarks print them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace parley::bench {

inline double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[at];
}

}  // namespace parley::bench
