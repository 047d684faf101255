// Registration, lock-free updates and the Prometheus text exposition format.
#include "server/metrics/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>
#include <type_traits>

namespace parley::server::metrics {
namespace {

bool is_name_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}

bool is_name_char(char c) {
    return is_name_start(c) || (c >= '0' && c <= '9');
}

// Prometheus reads Go's float syntax: shortest round-trip digits, NaN, +Inf and -Inf.
std::string format_number(double value) {
    if (std::isnan(value)) {
        return "NaN";
    }
    if (std::isinf(value)) {
        return value > 0 ? "+Inf" : "-Inf";
    }
    std::array<char, 32> text{};
    const auto result = std::to_chars(text.data(), text.data() + text.size(), value);
    return std::string(text.data(), result.ptr);
}

// HELP text may hold anything; the format reserves backslash and newline.
std::string escaped_help(std::string_view help) {
    std::string out;
    out.reserve(help.size());
    for (const char c : help) {
        if (c == '\\') {
            out += "\\\\";
        } else if (c == '\n') {
            out += "\\n";
        } else {
            out += c;
        }
    }
    return out;
}

double read_callback(const std::function<double()>& read) {
    try {
        return read();
    } catch (...) {
        // One broken gauge must not cost the whole scrape.
        return std::nan("");
    }
}

void render_header(std::string& out, const std::string& name, const std::string& help,
                   std::string_view type) {
    out += "# HELP " + name + " " + escaped_help(help) + "\n";
    out += "# TYPE " + name + " ";
    out += type;
    out += "\n";
}

void render_histogram(std::string& out, const std::string& name, const Histogram& histogram) {
    const std::vector<std::uint64_t> counts = histogram.cumulative_counts();
    const std::vector<double>& bounds = histogram.upper_bounds();
    for (std::size_t i = 0; i < bounds.size(); ++i) {
        out += name + "_bucket{le=\"" + format_number(bounds[i]) + "\"} " +
               std::to_string(counts[i]) + "\n";
    }
    out += name + "_bucket{le=\"+Inf\"} " + std::to_string(counts.back()) + "\n";
    out += name + "_sum " + format_number(histogram.sum()) + "\n";
    out += name + "_count " + std::to_string(counts.back()) + "\n";
}

}  // namespace

Histogram::Histogram(std::span<const double> upper_bounds)
    : upper_bounds_(upper_bounds.begin(), upper_bounds.end()), buckets_(upper_bounds.size() + 1) {
    const bool finite = std::all_of(upper_bounds_.begin(), upper_bounds_.end(),
                                    [](double bound) { return std::isfinite(bound); });
    const bool increasing =
        std::adjacent_find(upper_bounds_.begin(), upper_bounds_.end(),
                           [](double a, double b) { return !(a < b); }) == upper_bounds_.end();
    if (!finite || !increasing) {
        throw std::invalid_argument("Histogram bounds must be finite and strictly increasing.");
    }
}

void Histogram::observe(double value) {
    // "value <= bound" is false for NaN against every bound, so NaN lands in +Inf only.
    const auto bucket = std::partition_point(upper_bounds_.begin(), upper_bounds_.end(),
                                             [value](double bound) { return !(value <= bound); });
    buckets_[static_cast<std::size_t>(bucket - upper_bounds_.begin())].fetch_add(
        1, std::memory_order_relaxed);
    sum_.fetch_add(value, std::memory_order_relaxed);
}

std::vector<std::uint64_t> Histogram::cumulative_counts() const {
    std::vector<std::uint64_t> counts;
    counts.reserve(buckets_.size());
    std::uint64_t total = 0;
    for (const auto& bucket : buckets_) {
        total += bucket.load(std::memory_order_relaxed);
        counts.push_back(total);
    }
    return counts;
}

void Registry::check_new_name(const std::string& name) const {
    const bool valid = !name.empty() && is_name_start(name.front()) &&
                       std::all_of(name.begin(), name.end(), is_name_char);
    if (!valid) {
        throw std::invalid_argument("\"" + name + "\" is not a Prometheus metric name.");
    }
    const bool taken = std::any_of(entries_.begin(), entries_.end(),
                                   [&](const Entry& entry) { return entry.name == name; });
    if (taken) {
        throw std::invalid_argument("The metric \"" + name + "\" is already registered.");
    }
}

Counter& Registry::counter(std::string name, std::string help) {
    const std::lock_guard lock(mutex_);
    check_new_name(name);
    Counter& counter = counters_.emplace_back();
    entries_.push_back(Entry{std::move(name), std::move(help), &counter});
    return counter;
}

Gauge& Registry::gauge(std::string name, std::string help) {
    const std::lock_guard lock(mutex_);
    check_new_name(name);
    Gauge& gauge = gauges_.emplace_back();
    entries_.push_back(Entry{std::move(name), std::move(help), &gauge});
    return gauge;
}

Histogram& Registry::histogram(std::string name, std::string help,
                               std::span<const double> upper_bounds) {
    const std::lock_guard lock(mutex_);
    check_new_name(name);
    Histogram& histogram = histograms_.emplace_back(upper_bounds);
    entries_.push_back(Entry{std::move(name), std::move(help), &histogram});
    return histogram;
}

Histogram& Registry::histogram(std::string name, std::string help,
                               std::initializer_list<double> upper_bounds) {
    return histogram(std::move(name), std::move(help),
                     std::span<const double>(upper_bounds.begin(), upper_bounds.size()));
}

void Registry::callback_gauge(std::string name, std::string help, std::function<double()> read) {
    if (!read) {
        throw std::invalid_argument("A callback gauge needs a callback.");
    }
    const std::lock_guard lock(mutex_);
    check_new_name(name);
    entries_.push_back(Entry{std::move(name), std::move(help), std::move(read)});
}

std::string Registry::render() const {
    // A copy, so callbacks run unlocked and may take locks of their own (a hub's, a queue's)
    // without ever ordering them against ours.
    std::vector<Entry> entries;
    {
        const std::lock_guard lock(mutex_);
        entries = entries_;
    }
    std::string out;
    for (const Entry& entry : entries) {
        std::visit(
            [&](const auto& source) {
                using Source = std::decay_t<decltype(source)>;
                if constexpr (std::is_same_v<Source, const Counter*>) {
                    render_header(out, entry.name, entry.help, "counter");
                    out += entry.name + " " + std::to_string(source->value()) + "\n";
                } else if constexpr (std::is_same_v<Source, const Gauge*>) {
                    render_header(out, entry.name, entry.help, "gauge");
                    out += entry.name + " " + format_number(source->value()) + "\n";
                } else if constexpr (std::is_same_v<Source, const Histogram*>) {
                    render_header(out, entry.name, entry.help, "histogram");
                    render_histogram(out, entry.name, *source);
                } else {
                    render_header(out, entry.name, entry.help, "gauge");
                    out += entry.name + " " + format_number(read_callback(source)) + "\n";
                }
            },
            entry.source);
    }
    return out;
}

}  // namespace parley::server::metrics
