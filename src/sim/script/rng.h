// The simulation's only source of chance: a seeded Mersenne Twister read through our own
// arithmetic (the standard distributions may differ between libraries), so one seed gives
// one run on every platform. Standard library only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace parley::sim {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : engine_(seed) {}

    // Uniform in [0, 1).
    double uniform();
    double between(double low, double high) { return low + (high - low) * uniform(); }
    bool chance(double probability) { return uniform() < probability; }
    // Below `count` (which must not be 0).
    std::size_t index(std::size_t count);
    // Time to the next event of a Poisson process with this mean gap.
    double exponential(double mean);
    // Index drawn in proportion to the weights (which must not all be 0).
    std::size_t weighted(const std::vector<double>& weights);
    // A generator of its own: what one customer does does not shift what the next one does.
    Rng fork() { return Rng(engine_()); }

    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[index(items.size())];
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace parley::sim
