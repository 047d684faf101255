// A small thread-safe Prometheus registry: counters, gauges, histograms and gauges computed on
// scrape, rendered in the text exposition format 0.0.4. Updates are lock-free atomics, so hot
// paths can count freely; only registration and render() take the registry's lock.
// Standard library only.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <span>
#include <string>
#include <variant>
#include <vector>

namespace parley::server::metrics {

// Upper bounds, in seconds, that suit request and command latencies from 0.5 ms to 2.5 s.
inline constexpr std::array<double, 12> kLatencySecondsBuckets = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5};

class Counter {
public:
    void inc(std::uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
    std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<std::uint64_t> value_{0};
};

class Gauge {
public:
    void set(double value) { value_.store(value, std::memory_order_relaxed); }
    void add(double delta) { value_.fetch_add(delta, std::memory_order_relaxed); }
    double value() const { return value_.load(std::memory_order_relaxed); }

private:
    std::atomic<double> value_{0.0};
};

class Histogram {
public:
    // Strictly increasing, finite upper bounds, or std::invalid_argument; +Inf is implied.
    explicit Histogram(std::span<const double> upper_bounds);

    // Counts the value in the first bucket whose bound is >= it (NaN only in +Inf).
    void observe(double value);

    const std::vector<double>& upper_bounds() const { return upper_bounds_; }
    // Observations <= each bound, then the total (the +Inf bucket, which is also _count).
    std::vector<std::uint64_t> cumulative_counts() const;
    double sum() const { return sum_.load(std::memory_order_relaxed); }

private:
    std::vector<double> upper_bounds_;
    // Not cumulative: one increment per observation. The last one is past every bound.
    std::vector<std::atomic<std::uint64_t>> buckets_;
    std::atomic<double> sum_{0.0};
};

class Registry {
public:
    // Each name is new and valid ([a-zA-Z_:][a-zA-Z0-9_:]*), or std::invalid_argument.
    // The references stay valid as long as the registry.
    Counter& counter(std::string name, std::string help);
    Gauge& gauge(std::string name, std::string help);
    Histogram& histogram(std::string name, std::string help, std::span<const double> upper_bounds);
    Histogram& histogram(std::string name, std::string help,
                         std::initializer_list<double> upper_bounds);
    // A gauge whose value is read when scraped, e.g. a queue length. It is called without the
    // registry's lock held, on the scraping thread; an exception from it renders as NaN.
    void callback_gauge(std::string name, std::string help, std::function<double()> read);

    // Every metric in registration order, in the Prometheus text format 0.0.4.
    std::string render() const;

private:
    struct Entry {
        std::string name;
        std::string help;
        std::variant<const Counter*, const Gauge*, const Histogram*, std::function<double()>>
            source;
    };

    // Throws std::invalid_argument unless the name is valid and not yet registered.
    void check_new_name(const std::string& name) const;

    mutable std::mutex mutex_;
    // Deques never move their elements, which keeps handed-out references valid.
    std::deque<Counter> counters_;
    std::deque<Gauge> gauges_;
    std::deque<Histogram> histograms_;
    std::vector<Entry> entries_;
};

}  // namespace parley::server::metrics
