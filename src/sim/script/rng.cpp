#include "sim/script/rng.h"

#include <cmath>

namespace parley::sim {

double Rng::uniform() {
    // The top 53 bits fill a double's mantissa exactly.
    return static_cast<double>(engine_() >> 11) * 0x1.0p-53;
}

std::size_t Rng::index(std::size_t count) {
    const auto drawn = static_cast<std::size_t>(uniform() * static_cast<double>(count));
    return drawn < count ? drawn : count - 1;
}

double Rng::exponential(double mean) {
    return -mean * std::log1p(-uniform());
}

std::size_t Rng::weighted(const std::vector<double>& weights) {
    double total = 0;
    for (const double weight : weights) {
        total += weight;
    }
    double left = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (left < weights[i]) {
            return i;
        }
        left -= weights[i];
    }
    return weights.size() - 1;
}

}  // namespace parley::sim
