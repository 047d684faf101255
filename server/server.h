// A whole parley-server in one object: store, authority, accounts, listener and I/O threads.
// main() runs one; the integration tests run one per test on port 0 in a temporary folder.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <variant>
#include <vector>

#include "server/access/accounts.h"
#include "server/access/connections.h"
#include "server/auth/rate_limit.h"
#include "server/base/config.h"
#include "server/engine/authority.h"
#include "server/knowledge/sqlite_knowledge_store.h"
#include "server/listener.h"
#include "server/mail/mailer.h"
#include "server/metrics/metrics.h"
#include "server/rest/api.h"
#include "server/services.h"
#include "server/store/attachment_files.h"
#include "server/store/sqlite_store.h"
#include "server/webhooks/webhooks.h"

namespace parley::server {

struct ServerOptions {
    Clock clock;
    // The mailer's first wait before trying an email again (tests shorten it).
    std::chrono::milliseconds mail_first_retry{2000};
};

class Server {
public:
    // Opens the store, recovers the State, creates the demo organisation if asked and the
    // store is empty, and starts listening. Nothing runs until start().
    static std::variant<std::unique_ptr<Server>, std::string> open(ServerConfig config,
                                                                   ServerOptions options);
    ~Server();

    // Runs the I/O threads (config.threads, 0 = one per core) in the background.
    void start();
    // SIGTERM: stop accepting, let what is in flight commit, close sockets with a reason,
    // save a snapshot, stop the threads. Blocks until done.
    void stop();
    // Blocks until stop() has finished (or the authority failed).
    void wait();

    boost::asio::ip::tcp::endpoint endpoint() const { return listener_->local_endpoint(); }
    Services& services() { return *services_; }
    unsigned thread_count() const { return threads_; }
    // Sign-ins the demo created, to print (empty without --demo on an empty store).
    const std::vector<std::string>& demo_lines() const { return demo_lines_; }
    bool failed() const { return failed_; }

private:
    Server() = default;

    ServerConfig config_;
    Clock clock_;
    boost::asio::io_context io_;
    // Before the store: a pending upload's commit settles its reservation.
    std::unique_ptr<UploadQuotas> upload_quotas_;
    std::unique_ptr<SqliteStore> store_;
    std::unique_ptr<AttachmentFiles> attachments_;
    // Before the authority, whose outage greeter reads it.
    std::unique_ptr<SqliteKnowledgeStore> knowledge_;
    metrics::Registry metrics_;
    // Before the authority, whose snapshot replica feeds it until the replica's thread ends.
    std::unique_ptr<readmodel::ReadModel> read_model_;
    std::unique_ptr<Authority> authority_;
    std::unique_ptr<Accounts> accounts_;
    std::unique_ptr<Mailer> mailer_;
    Connections connections_;
    std::unique_ptr<auth::RateLimiter> request_limiter_;
    std::unique_ptr<auth::RateLimiter> command_limiter_;
    std::unique_ptr<webhooks::Webhooks> webhooks_;
    std::unique_ptr<CustomerLimits> customer_limits_;
    std::unique_ptr<Services> services_;
    std::unique_ptr<RestApi> api_;
    // After the services: destroyed first, so no password job outlives what it uses.
    std::unique_ptr<PasswordWorkers> password_workers_;
    std::shared_ptr<Listener> listener_;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work_;
    std::vector<std::thread> pool_;
    unsigned threads_ = 1;
    std::vector<std::string> demo_lines_;
    std::atomic<bool> failed_{false};
    std::atomic<bool> started_{false};
    bool want_demo_ = false;
    bool stopped_ = false;
};

}  // namespace parley::server
