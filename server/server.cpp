// Assembly of the server from its configuration, and its orderly stop.
#include "server/server.h"

#include <boost/asio/post.hpp>
#include <future>

#include "core/email.h"
#include "server/access/uploads.h"
#include "server/api_routes.h"
#include "server/base/free_memory.h"
#include "server/base/log.h"
#include "server/demo.h"
#include "server/knowledge/outage_greeter.h"
#include "server/metrics/process.h"

namespace parley::server {
namespace {

// Keeps the accounts' view of staff in step with the State and ends the sockets of a
// deactivated account.
Authority::Observer staff_observer(Accounts& accounts, Connections& connections) {
    return [&accounts, &connections](const core::EventEnvelope& event, const core::State&) {
        if (const auto* created = std::get_if<core::AgentCreated>(&event.event)) {
            accounts.set_staff(created->agent, true);
        } else if (const auto* changed = std::get_if<core::AgentEnabledChanged>(&event.event)) {
            accounts.set_staff(changed->agent, changed->enabled);
            if (!changed->enabled) {
                accounts.end_sessions_of_later(changed->agent);
                connections.end_actor(core::Actor::agent(changed->agent), "account disabled");
            }
        }
    };
}

auth::PasswordCost password_cost(PasswordCostLevel level) {
    if (level == PasswordCostLevel::test) {
        log_warning(
            "--password-cost test: passwords are hashed cheaply, which is for test "
            "servers only; never use it for real accounts");
        return auth::kTestCost;
    }
    return auth::kInteractiveCost;
}

}  // namespace

std::variant<std::unique_ptr<Server>, std::string> Server::open(ServerConfig config,
                                                                ServerOptions options) {
    std::unique_ptr<Server> server(new Server());
    server->config_ = config;
    server->clock_ = options.clock;
    std::error_code fs_error;
    std::filesystem::create_directories(config.data_dir / "attachments", fs_error);
    if (fs_error) {
        return "cannot create the data folder " + config.data_dir.string() + ": " +
               fs_error.message();
    }
    StoreOptions store_options;
    store_options.wal_limit_bytes = std::uint64_t{config.wal_limit_mib} << 20;
    auto opened = SqliteStore::open(config.data_dir / "parley.db", store_options);
    if (auto* error = std::get_if<StoreError>(&opened)) {
        return error->message;
    }
    server->store_ = std::get<std::unique_ptr<SqliteStore>>(std::move(opened));
    auto knowledge =
        SqliteKnowledgeStore::open(config.data_dir / "knowledge.db", config.data_dir / "parley.db");
    if (auto* error = std::get_if<StoreError>(&knowledge)) {
        return error->message;
    }
    server->knowledge_ = std::get<std::unique_ptr<SqliteKnowledgeStore>>(std::move(knowledge));
    metrics::add_process_metrics(server->metrics_);
    {
        auto& commit_seconds = server->metrics_.histogram(
            "parley_store_commit_seconds", "Duration of one group commit, fsync included.",
            metrics::kLatencySecondsBuckets);
        auto& commit_jobs = server->metrics_.counter("parley_store_commit_jobs_total",
                                                     "Writes committed (many share one commit).");
        server->store_->set_commit_observer(
            [&commit_seconds, &commit_jobs](double seconds, std::size_t jobs) {
                commit_seconds.observe(seconds);
                commit_jobs.inc(jobs);
            });
    }
    server->attachments_ = std::make_unique<AttachmentFiles>(config.data_dir / "attachments");
    server->upload_quotas_ = std::make_unique<UploadQuotas>(UploadLimits::from(config));
    try {
        server->store_->each_attachment(
            [&quotas = *server->upload_quotas_](const StoredAttachment& stored) {
                quotas.count(upload_claim(stored));
            });
    } catch (const StoreFailure& failure) {
        return "cannot count the stored attachments: " + failure.error().message;
    }
    AuthorityOptions authority_options;
    authority_options.snapshot_every = config.snapshot_every;
    authority_options.remembered_commands = config.remembered_commands;
    server->authority_ = std::make_unique<Authority>(server->io_, *server->store_, server->clock_,
                                                     server->metrics_, authority_options);
    const bool fresh = server->store_->last_seq() == 0;
    try {
        webhooks::WebhookOptions webhook_options;
        webhook_options.retry_base = std::chrono::milliseconds(config.webhook_retry_ms);
        server->webhooks_ = std::make_unique<webhooks::Webhooks>(
            server->io_, config.data_dir / "webhooks.db", server->clock_, webhook_options);
    } catch (const StoreFailure& failure) {
        return "cannot open the webhook store: " + failure.error().message;
    }
    try {
        server->read_model_ = std::make_unique<readmodel::ReadModel>(
            config.data_dir / "readmodel.db", readmodel::ReadModelOptions{config.read_threads});
    } catch (const StoreFailure& failure) {
        return "cannot open the read model: " + failure.error().message;
    }
    try {
        const std::vector<Authority::Catchup> catchups = {
            server->webhooks_->catchup(server->store_->last_seq()), server->read_model_->catchup()};
        if (auto error = server->authority_->recover(catchups)) {
            return "cannot recover the event log: " + error->message;
        }
    } catch (const StoreFailure& failure) {
        return "cannot read the event log: " + failure.error().message;
    }
    if (!core::is_email_address(mail::address_of(config.smtp_from))) {
        return "'" + config.smtp_from +
               "' is not a sender such as support@example.com or Support <support@example.com>";
    }
    server->mailer_ = std::make_unique<Mailer>(
        *server->authority_,
        mail::SmtpRelay({config.smtp_url, config.smtp_user, config.smtp_password}),
        MailerSettings{config.smtp_from, config.smtp_attempts, options.mail_first_retry});
    AccountsOptions account_options;
    account_options.staff_session = static_cast<core::Duration>(config.session_hours) * core::kHour;
    account_options.password_cost = password_cost(config.password_cost);
    account_options.login_limits = {static_cast<int>(config.sign_in_account_ceiling),
                                    std::int64_t{config.sign_in_delay_seconds} * 1000};
    account_options.password_checks = &server->metrics_.counter(
        "parley_password_checks_total", "Passwords checked at sign-in and password change.");
    server->accounts_ =
        std::make_unique<Accounts>(*server->store_, server->clock_, account_options);
    std::promise<void> listed;
    server->authority_->read([&](const core::State& state, std::uint64_t) {
        for (const auto& [id, agent] : state.agents) {
            server->accounts_->set_staff(id, agent.enabled);
        }
        server->mailer_->resume(state);
        server->read_model_->caught_up(state);
        listed.set_value();
    });
    server->io_.run_one();
    listed.get_future().get();
    give_back_free_memory();
    server->authority_->add_observer(staff_observer(*server->accounts_, server->connections_));
    server->authority_->add_observer(server->mailer_->observer());
    server->authority_->add_observer(outage_greeter(*server->authority_, *server->knowledge_));
    server->authority_->on_fatal([raw = server.get()](const StoreError&) {
        raw->failed_ = true;
        raw->io_.stop();
    });
    server->authority_->add_follower(server->webhooks_->follower());
    server->read_model_->follow(*server->authority_);
    server->request_limiter_ = std::make_unique<auth::RateLimiter>(
        config.ip_requests_per_second * 2.0, config.ip_requests_per_second, 100000);
    server->command_limiter_ = std::make_unique<auth::RateLimiter>(
        config.commands_per_second * 2.0, config.commands_per_second, 100000);
    server->customer_limits_ = std::make_unique<CustomerLimits>(config);
    server->password_workers_ = std::make_unique<PasswordWorkers>(config.password_threads);
    server->services_ = std::make_unique<Services>(Services{
        config,
        server->clock_,
        *server->authority_,
        *server->accounts_,
        server->connections_,
        *server->store_,
        *server->store_,
        *server->attachments_,
        server->metrics_,
        std::make_shared<const StaticFiles>(config.web_root),
        *server->request_limiter_,
        *server->command_limiter_,
        *server->webhooks_,
        *server->knowledge_,
        server->started_,
        *server->customer_limits_,
        *server->password_workers_,
        *server->upload_quotas_,
        *server->read_model_,
        WebSocketWrites{
            server->metrics_.counter("parley_websocket_frames_total",
                                     "WebSocket frames written (messages, pings, pongs, closes)."),
            server->metrics_.counter(
                "parley_websocket_socket_writes_total",
                "Socket writes that carried them: frames queued together leave in one write.")}});
    server->api_ = std::make_unique<RestApi>(*server->services_, api_routes());
    boost::system::error_code address_error;
    const auto address = boost::asio::ip::make_address(config.address, address_error);
    if (address_error) {
        return "'" + config.address + "' is not an IP address";
    }
    try {
        server->listener_ = std::make_shared<Listener>(
            server->io_, boost::asio::ip::tcp::endpoint(address, config.port), *server->services_,
            *server->api_);
    } catch (const boost::system::system_error& error) {
        return "cannot listen on " + config.address + ":" + std::to_string(config.port) + ": " +
               error.code().message();
    }
    if (config.demo && fresh) {
        server->want_demo_ = true;
    }
    return server;
}

Server::~Server() {
    stop();
}

void Server::start() {
    threads_ =
        config_.threads != 0 ? config_.threads : std::max(1u, std::thread::hardware_concurrency());
    // open() ran the io_context once to read the State; it must be reset to run again.
    io_.restart();
    work_.emplace(boost::asio::make_work_guard(io_));
    for (unsigned i = 0; i < threads_; ++i) {
        pool_.emplace_back([this] { io_.run(); });
    }
    listener_->run();
    authority_->start_ticks(std::chrono::milliseconds(config_.tick_ms));
    webhooks_->start();
    if (want_demo_) {
        auto created = create_demo(*authority_, *accounts_, *knowledge_, clock_());
        if (auto* error = std::get_if<std::string>(&created)) {
            log_error(*error);
        } else {
            demo_lines_ = std::get<std::vector<std::string>>(std::move(created));
        }
    }
    started_ = true;
}

void Server::stop() {
    if (stopped_ || pool_.empty()) {
        return;
    }
    stopped_ = true;
    listener_->stop();
    mailer_->stop();
    webhooks_->stop();
    auto settled = std::make_shared<std::promise<void>>();
    auto done = settled->get_future();
    authority_->shutdown([settled] { settled->set_value(); });
    if (done.wait_for(std::chrono::seconds(30)) != std::future_status::ready) {
        log_error("shutdown: commits did not settle within 30 s");
    }
    // After a fatal store error the I/O threads are gone and nothing more is derived.
    if (!failed_) {
        webhooks_->settle();
    }
    connections_.end_all("server shutting down");
    for (int i = 0; i < 40 && connections_.size() != 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    work_.reset();
    io_.stop();
    wait();
    store_->flush();
}

void Server::wait() {
    for (std::thread& thread : pool_) {
        if (thread.joinable()) {
            thread.join();
        }
    }
}

}  // namespace parley::server
