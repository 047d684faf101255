// One HTTP POST of a webhook delivery with Beast: resolve, connect, write, read the status,
// all under one time-out. The answer (status code, or why there is none) goes to `done` on
// `executor`. Knows nothing of deliveries or retries.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "server/webhooks/webhook_store.h"
#include "server/webhooks/webhook_target.h"

namespace parley::server::webhooks {

using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

void post_webhook(Strand executor, const WebhookTarget& target,
                  const std::map<std::string, std::string>& headers, std::string body,
                  std::chrono::milliseconds timeout, std::function<void(AttemptResult)> done);

}  // namespace parley::server::webhooks
