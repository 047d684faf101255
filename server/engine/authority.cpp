// The durable command pipeline: the engine's step → append → (commit) → ack and deliver.
#include "server/engine/authority.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/post.hpp>

#include "protocol/codec.h"
#include "server/auth/tokens.h"
#include "server/base/log.h"
#include "server/engine/stored_snapshot.h"

namespace parley::server {

namespace asio = boost::asio;

namespace {

constexpr const char* kStoreUnavailable =
    "The server cannot save changes right now (its disk is full, read-only or failing); "
    "nothing was changed. Reading still works; send the command again in a moment.";

}  // namespace

Authority::Authority(asio::io_context& io, EventLog& log, Clock clock, metrics::Registry& metrics,
                     AuthorityOptions options)
    : strand_(asio::make_strand(io)),
      log_(log),
      clock_(std::move(clock)),
      options_(options),
      engine_(state_, options.feeds),
      retry_delay_(options.store_retry_first),
      retry_timer_(strand_),
      tick_timer_(strand_),
      commands_(
          metrics.counter("parley_commands_total", "Commands received over WebSocket and REST.")),
      rejections_(metrics.counter("parley_command_rejections_total", "Commands the core refused.")),
      events_(metrics.counter("parley_events_committed_total", "Events durably committed.")),
      command_seconds_(metrics.histogram("parley_command_seconds",
                                         "From a command's arrival to its durable reply.",
                                         metrics::kLatencySecondsBuckets)) {
    metrics.callback_gauge("parley_committed_seq", "The last durably committed sequence number.",
                           [this] { return static_cast<double>(committed_seq()); });
    metrics.callback_gauge("parley_store_available",
                           "1 while commits succeed; 0 from a failed commit until it is saved.",
                           [this] { return store_available() ? 1.0 : 0.0; });
}

// A damaged snapshot is set aside, never loaded: the log alone rebuilds the State, and when
// it cannot (its start is missing) the replay below says so.
void Authority::load_snapshot(std::optional<std::uint64_t> at_most) {
    std::optional<StoredSnapshot> snapshot = log_.latest_snapshot();
    if (!snapshot) {
        return;
    }
    const std::string where = "the snapshot at event " + std::to_string(snapshot->seq);
    if (at_most && snapshot->seq > *at_most) {
        log_info(where + " is past event " + std::to_string(*at_most) +
                 ", where a catch-up starts; the whole event log is replayed");
        return;
    }
    if (!snapshot->intact) {
        log_error(where +
                  " does not match its checksum (damaged, or saved without one); "
                  "it is not loaded and the whole event log is replayed instead");
        return;
    }
    ChatVersions chat_versions;
    if (auto error = decode_stored_snapshot(snapshot->payload, state_, chat_versions)) {
        log_error(where + " cannot be loaded (" + error->message +
                  "); the whole event log is replayed instead");
        return;
    }
    // A snapshot saved before archiving evicted chats may still hold archived ones.
    core::drop_archived_chats(state_);
    std::erase_if(chat_versions,
                  [&](const auto& version) { return state_.find_chat(version.first) == nullptr; });
    engine_.restore(std::move(chat_versions), snapshot->seq);
    snapshot_seq_ = snapshot->seq;
}

std::optional<StoreError> Authority::recover(const std::vector<Catchup>& catchups) {
    std::optional<std::uint64_t> earliest;
    for (const Catchup& catchup : catchups) {
        earliest = std::min(earliest.value_or(catchup.after), catchup.after);
    }
    load_snapshot(earliest);
    state_.processed_commands.set_window(options_.remembered_commands);
    for (;;) {
        const std::vector<StoredEvent> batch = log_.read_after(engine_.seq(), 4096);
        if (batch.empty()) {
            break;
        }
        for (const StoredEvent& stored : batch) {
            if (stored.seq != engine_.seq() + 1) {
                return StoreError{"corrupt", "The event log jumps from " +
                                                 std::to_string(engine_.seq()) + " to " +
                                                 std::to_string(stored.seq) + "."};
            }
            auto event = protocol::decode_event(stored.payload);
            if (!event) {
                return StoreError{"corrupt", "Event " + std::to_string(stored.seq) +
                                                 " cannot be read: " + event.error().message};
            }
            for (const Catchup& catchup : catchups) {
                if (stored.seq > catchup.after && catchup.ahead) {
                    catchup.ahead(stored.seq, event.value(), state_);
                }
            }
            engine_.replay(stored.seq, event.value(), stored.chat);
            last_at_ = std::max(last_at_, event.value().at);
            for (const Catchup& catchup : catchups) {
                if (stored.seq > catchup.after) {
                    catchup.replayed(stored.seq, event.value(), state_);
                }
            }
        }
    }
    committed_ = engine_.seq();
    committed_public_ = committed_;
    replica_.start(state_, engine_.chat_versions(), committed_);
    publish_figures();
    return std::nullopt;
}

void Authority::submit(core::CommandId id, core::Actor actor, core::Command command, Reply reply) {
    if (const auto first = committed_first_seq(core::command_key(actor, id))) {
        asio::post(strand_, [id = std::move(id), first = *first, reply = std::move(reply)] {
            reply(protocol::Ack{id, first, true});
        });
        return;
    }
    // Chat ids are the server's to choose, so that none is ever guessable or sequential.
    if (auto* start = std::get_if<core::StartChat>(&command)) {
        start->chat = auth::new_id("cht_");
    }
    asio::post(
        strand_, [this, id = std::move(id), actor = std::move(actor), command = std::move(command),
                  reply = std::move(reply), received = std::chrono::steady_clock::now()]() mutable {
            handle(std::move(id), std::move(actor), std::move(command), std::move(reply), received);
        });
}

// Off the strand, on the caller's thread. A store that cannot answer lets the command through
// to the State, which still knows every recent id.
std::optional<std::uint64_t> Authority::committed_first_seq(const core::CommandId& key) {
    try {
        return log_.seq_of_command(key);
    } catch (const StoreFailure& failure) {
        log_warning("could not look up a command id in the event log (" + failure.error().code +
                    "): " + failure.error().message);
        return std::nullopt;
    }
}

void Authority::handle(core::CommandId id, core::Actor actor, core::Command command, Reply reply,
                       std::chrono::steady_clock::time_point received) {
    commands_.inc();
    auto finish = [this, reply = std::move(reply), received](const Outcome& outcome) {
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - received;
        command_seconds_.observe(took.count());
        reply(outcome);
    };
    if (failed_ || stopping_) {
        finish(protocol::Rejected{id, "unavailable",
                                  "The server is shutting down; send the command again once it "
                                  "is back."});
        return;
    }
    if (store_down_) {
        finish(protocol::Rejected{id, "store_unavailable", kStoreUnavailable});
        return;
    }
    const core::CommandEnvelope envelope{id, std::move(actor), now(), std::move(command)};
    engine::Step step = engine_.execute(envelope);
    if (step.rejection) {
        rejections_.inc();
        finish(protocol::Rejected{id, step.rejection->code, step.rejection->message});
        return;
    }
    if (step.duplicate) {
        after_commit(engine_.seq(), [this, id, key = core::command_key(envelope.actor, id),
                                     finish = std::move(finish)] {
            finish(protocol::Ack{id, log_.seq_of_command(key).value_or(committed_), true});
        });
        return;
    }
    if (step.events.empty()) {
        after_commit(engine_.seq(), [this, id, finish = std::move(finish)] {
            finish(protocol::Ack{id, committed_, false});
        });
        return;
    }
    const std::uint64_t first = step.events.front().seq;
    std::vector<StoredEvent> batch;
    batch.reserve(step.events.size());
    for (engine::Numbered& numbered : step.events) {
        StoredEvent stored{numbered.seq,      numbered.event.command_id,
                           numbered.chat,     numbered.chat_version,
                           numbered.event.at, std::move(numbered.payload)};
        const std::uint64_t seq = numbered.seq;
        after_commit(seq, [this, numbered = std::move(numbered)]() mutable {
            engine::deliver(numbered);
            for (const Observer& observer : observers_) {
                observer(numbered.event, state_);
            }
            for (const Follower& follower : followers_) {
                follower(numbered.seq, numbered.event, state_);
            }
            replica_.apply(numbered.seq, std::move(numbered.event), std::move(numbered.chat),
                           numbered.chat_version);
        });
        unsaved_.push_back(stored);
        batch.push_back(std::move(stored));
    }
    const std::uint64_t last = engine_.seq();
    append(std::move(batch));
    after_commit(last, [id, first, finish = std::move(finish)] {
        finish(protocol::Ack{id, first, false});
    });
    maybe_snapshot();
}

void Authority::after_commit(std::uint64_t seq, std::function<void()> action) {
    if (pending_.empty() && seq <= committed_) {
        action();
        return;
    }
    pending_.push_back({seq, std::move(action)});
}

void Authority::append(std::vector<StoredEvent> batch) {
    const std::uint64_t last = batch.back().seq;
    ++appends_in_flight_;
    log_.append(std::move(batch), [this, last](std::optional<StoreError> error) {
        asio::post(strand_, [this, last, error = std::move(error)] { on_committed(last, error); });
    });
}

// Batches are committed in order, so the first failure reported is the cause; the batches
// behind it fail too (they no longer continue the log) and are saved again with it.
void Authority::on_committed(std::uint64_t seq, const std::optional<StoreError>& error) {
    --appends_in_flight_;
    if (failed_) {
        return;
    }
    if (!error) {
        mark_saved(seq);
        // Taking commands again before the saved events' answers go out: whoever reads an
        // answer may send the next command at once.
        if (store_down_) {
            retry_when_settled();
        }
        run_due();
        return;
    }
    if (!store_down_ && error->code == "conflict") {
        fail(*error);
        return;
    }
    if (!store_down_) {
        store_down_ = true;
        store_available_public_ = false;
        log_error("event log commit failed (" + error->code + "): " + error->message +
                  " Commands answer store_unavailable until the " +
                  std::to_string(unsaved_.size()) + " unsaved events are saved on retry.");
        if (stopping_) {
            finish_stopping();
        }
    }
    retry_when_settled();
}

void Authority::mark_saved(std::uint64_t seq) {
    if (seq > committed_) {
        events_.inc(seq - committed_);
        committed_ = seq;
        committed_public_ = seq;
    }
    while (!unsaved_.empty() && unsaved_.front().seq <= committed_) {
        unsaved_.pop_front();
    }
}

void Authority::fail(const StoreError& error) {
    failed_ = true;
    log_error("event log commit failed (" + error.code + "): " + error.message);
    if (fatal_) {
        fatal_(error);
    }
}

// Once no append is in flight, nothing can commit behind the retry's back.
void Authority::retry_when_settled() {
    if (appends_in_flight_ > 0) {
        return;
    }
    if (unsaved_.empty()) {
        store_down_ = false;
        store_available_public_ = true;
        retry_delay_ = options_.store_retry_first;
        log_info("event log: every unsaved event is saved; taking commands again");
        return;
    }
    retry_timer_.expires_after(retry_delay_);
    retry_timer_.async_wait(asio::bind_executor(strand_, [this](boost::system::error_code error) {
        if (!error) {
            retry_unsaved();
        }
    }));
    retry_delay_ = std::min(retry_delay_ * 2, options_.store_retry_cap);
}

void Authority::retry_unsaved() {
    if (failed_) {
        return;
    }
    try {
        // A commit reported as failed may still have reached the disk: what the log already
        // holds is counted as saved, not appended twice.
        for (const StoredEvent& saved : log_.read_after(committed_, unsaved_.size())) {
            if (unsaved_.empty() || saved.seq != unsaved_.front().seq ||
                saved.command_id != unsaved_.front().command_id) {
                fail({"conflict", "Event " + std::to_string(saved.seq) +
                                      " in the log is not the one this server numbered."});
                return;
            }
            mark_saved(saved.seq);
        }
    } catch (const StoreFailure&) {
        retry_when_settled();
        return;
    }
    if (unsaved_.empty()) {
        retry_when_settled();
        run_due();
        return;
    }
    run_due();
    append(std::vector<StoredEvent>(unsaved_.begin(), unsaved_.end()));
}

void Authority::run_due() {
    while (!pending_.empty() && pending_.front().seq <= committed_) {
        std::function<void()> action = std::move(pending_.front().action);
        pending_.pop_front();
        action();
    }
}

void Authority::subscribe(std::shared_ptr<engine::Subscriber> subscriber, core::Actor actor,
                          std::optional<std::uint64_t> resume_from) {
    asio::post(
        strand_, [this, subscriber = std::move(subscriber), actor = std::move(actor), resume_from] {
            engine::Opening opening = engine_.open(actor, resume_from);
            const auto send_position = [subscriber, position = opening.position] {
                if (position) {
                    subscriber->deliver(position);
                }
            };
            if (opening.resumes) {
                opening.feed->resume(subscriber, *resume_from);
                after_commit(engine_.seq(), send_position);
                return;
            }
            if (store_down_) {
                // Reads go on while commits are retried: the sync now, and the feed once the
                // events the sync already shows are saved, so none of them arrives twice.
                subscriber->deliver(opening.sync);
                send_position();
                after_commit(engine_.seq(),
                             [feed = opening.feed, subscriber] { feed->attach(subscriber); });
                return;
            }
            after_commit(engine_.seq(), [feed = opening.feed, subscriber,
                                         sync = std::move(opening.sync), send_position] {
                subscriber->deliver(sync);
                send_position();
                feed->attach(subscriber);
            });
        });
}

void Authority::unsubscribe(std::shared_ptr<engine::Subscriber> subscriber, core::Actor actor) {
    asio::post(strand_, [this, subscriber = std::move(subscriber), actor = std::move(actor)] {
        engine_.close(*subscriber, actor, now());
    });
}

void Authority::read(std::function<void(const core::State&, std::uint64_t)> read) {
    asio::post(strand_, [this, read = std::move(read)] { read(state_, engine_.seq()); });
}

void Authority::add_observer(Observer observer) {
    asio::post(strand_, [this, observer = std::move(observer)]() mutable {
        observers_.push_back(std::move(observer));
    });
}

void Authority::follow_replica(SnapshotReplica::Applied ahead, SnapshotReplica::Applied applied,
                               SnapshotReplica::Settled settled) {
    replica_.follow(std::move(ahead), std::move(applied), std::move(settled));
}

void Authority::add_follower(Follower follower) {
    asio::post(strand_, [this, follower = std::move(follower)]() mutable {
        followers_.push_back(std::move(follower));
    });
}

void Authority::on_fatal(Fatal fatal) {
    asio::post(strand_, [this, fatal = std::move(fatal)]() mutable { fatal_ = std::move(fatal); });
}

void Authority::start_ticks(std::chrono::milliseconds period) {
    asio::post(strand_, [this, period] {
        tick_period_ = period;
        tick();
    });
}

void Authority::tick() {
    if (stopping_) {
        return;
    }
    const core::Timestamp at = now();
    handle(
        "tick:" + std::to_string(at) + ":" + std::to_string(engine_.seq()), core::Actor::system(),
        core::Tick{}, [](const Outcome&) {}, std::chrono::steady_clock::now());
    engine_.expire(at);
    send_queue_positions();
    publish_figures();
    tick_timer_.expires_after(tick_period_);
    tick_timer_.async_wait(asio::bind_executor(strand_, [this](boost::system::error_code error) {
        if (!error) {
            tick();
        }
    }));
}

void Authority::shutdown(std::function<void()> done) {
    asio::post(strand_, [this, done = std::move(done)]() mutable {
        stopping_ = true;
        stopped_ = std::move(done);
        tick_timer_.cancel();
        if (failed_ || store_down_) {
            finish_stopping();
            return;
        }
        if (engine_.seq() == snapshot_seq_) {
            after_commit(engine_.seq(), [this] { finish_stopping(); });
            return;
        }
        take_snapshot([this] { finish_stopping(); });
    });
}

// A store that cannot write does not hold up a stop: the unsaved events were never
// acknowledged.
void Authority::finish_stopping() {
    if (!stopped_) {
        return;
    }
    if (!unsaved_.empty()) {
        log_warning("stopping with " + std::to_string(unsaved_.size()) +
                    " unsaved events; none of them was acknowledged");
    }
    std::exchange(stopped_, nullptr)();
}

void Authority::maybe_snapshot() {
    if (engine_.seq() - snapshot_seq_ >= options_.snapshot_every) {
        take_snapshot(nullptr);
    }
}

// Nothing of the State is copied here: the replica is at `seq` once that event is durable and
// applied, and encodes and saves from its own thread. It keeps snapshots in order, so the one
// taken at shutdown is saved last.
void Authority::take_snapshot(std::function<void()> done) {
    const std::uint64_t seq = engine_.seq();
    snapshot_seq_ = seq;
    after_commit(seq, [this, seq, done = std::move(done)]() mutable {
        replica_.snapshot(seq, [this, done = std::move(done)](
                                   std::optional<StoredSnapshot> snapshot) mutable {
            auto saved = [this, done = std::move(done)](std::optional<StoreError> error) mutable {
                if (error) {
                    log_warning("snapshot failed (start-up will replay more): " + error->message);
                }
                if (done) {
                    asio::post(strand_, std::move(done));
                }
            };
            if (!snapshot) {
                saved(std::nullopt);
                return;
            }
            log_.save_snapshot(std::move(*snapshot), std::move(saved));
        });
    });
}

core::Timestamp Authority::now() {
    last_at_ = std::max(last_at_, clock_());
    return last_at_;
}

std::uint64_t Authority::committed_seq() const {
    return committed_public_.load();
}

bool Authority::store_available() const {
    return store_available_public_.load();
}

void Authority::publish_figures() {
    std::vector<QueueFigures> figures;
    for (const core::Queue& queue : state_.queues) {
        figures.push_back({queue.config.name, state_.queue_index(queue.id).waiting.size()});
    }
    const std::lock_guard lock(figures_mutex_);
    figures_ = std::move(figures);
}

// Once per tick, after the tick's own events: see queue_positions.h for why not per command.
void Authority::send_queue_positions() {
    std::vector<engine::Delivery> positions = engine_.queue_positions();
    if (positions.empty()) {
        return;
    }
    after_commit(engine_.seq(), [positions = std::move(positions)] {
        for (const engine::Delivery& delivery : positions) {
            delivery.feed->send(delivery.message);
        }
    });
}

std::vector<QueueFigures> Authority::queue_figures() const {
    const std::lock_guard lock(figures_mutex_);
    return figures_;
}

}  // namespace parley::server
