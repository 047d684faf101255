#include "frame_stats.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace parley::shell {
namespace {

void keep(std::vector<double>& samples, std::size_t count, std::size_t limit, double value) {
    if (samples.size() < limit) {
        samples.push_back(value);
    } else {
        samples[count % limit] = value;
    }
}

nlohmann::json spread(std::vector<double> samples) {
    if (samples.empty()) {
        return nullptr;
    }
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double share) {
        return samples[static_cast<std::size_t>(share * static_cast<double>(samples.size() - 1))];
    };
    return {{"median", at(0.5)}, {"p99", at(0.99)}, {"max", samples.back()}};
}

}  // namespace

void FrameStats::built(double milliseconds) {
    keep(build_ms_, built_count_++, kKept, milliseconds);
}

void FrameStats::drawn(double milliseconds) {
    if (!first_frame_ms_) {
        first_frame_ms_ =
            std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    }
    keep(draw_ms_, drawn_count_++, kKept, milliseconds);
}

void FrameStats::reset() {
    built_count_ = 0;
    drawn_count_ = 0;
    build_ms_.clear();
    draw_ms_.clear();
}

std::string FrameStats::json() const {
    nlohmann::json out{{"frames", built_count_},
                       {"drawn", drawn_count_},
                       {"build_ms", spread(build_ms_)},
                       {"draw_ms", spread(draw_ms_)}};
    out["first_frame_ms"] = first_frame_ms_ ? nlohmann::json(*first_frame_ms_) : nullptr;
    return out.dump();
}

}  // namespace parley::shell
