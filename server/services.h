// Everything a connection handler needs, built once in main and shared by every session.
// Each member is thread-safe or posts to its own strand.
#pragma once

#include <atomic>
#include <memory>

#include "server/access/accounts.h"
#include "server/access/connections.h"
#include "server/access/customer_limits.h"
#include "server/access/password_workers.h"
#include "server/access/upload_quotas.h"
#include "server/auth/rate_limit.h"
#include "server/base/config.h"
#include "server/coalescing_stream.h"
#include "server/engine/authority.h"
#include "server/knowledge/knowledge_store.h"
#include "server/metrics/metrics.h"
#include "server/readmodel/read_model.h"
#include "server/static_files.h"
#include "server/store/attachment_files.h"
#include "server/store/store.h"
#include "server/webhooks/webhooks.h"

namespace parley::server {

struct Services {
    ServerConfig config;
    Clock clock;
    Authority& authority;
    Accounts& accounts;
    Connections& connections;
    AccountStore& account_store;
    EventLog& event_log;
    AttachmentFiles& attachments;
    metrics::Registry& metrics;
    std::shared_ptr<const StaticFiles> static_files;
    // Per client address: HTTP requests and WebSocket upgrades.
    auth::RateLimiter& request_limiter;
    // Per connection or credential: commands.
    auth::RateLimiter& command_limiter;
    // The service desk webhook (settings, delivery log).
    webhooks::Webhooks& webhooks;
    // Articles and outage notices.
    KnowledgeStore& knowledge;
    // Set once start() has finished (the demo organisation exists): /healthz says so.
    const std::atomic<bool>& started;
    // Chat starts and transcript emails per client address.
    CustomerLimits& customer_limits;
    // Hashing and checking passwords, off the I/O threads.
    PasswordWorkers& password_workers;
    // Upload quotas and the free-disk watermark.
    UploadQuotas& upload_quotas;
    // Chat lists, search and analytics, off the authority's strand.
    readmodel::ReadModel& read_model;
    // Counted by every WebSocket's coalescing layer.
    WebSocketWrites websocket_writes;
};

}  // namespace parley::server
