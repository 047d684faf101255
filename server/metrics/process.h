// The server process's own CPU time and memory on /metrics, under the names Prometheus client
// libraries give them, so a load test run from anywhere can read what the server spent.
#pragma once

#include "metrics.h"

namespace parley::server::metrics {

void add_process_metrics(Registry& registry);

}  // namespace parley::server::metrics
