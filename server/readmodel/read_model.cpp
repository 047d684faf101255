// The read model's projection loop and its readers.
#include "server/readmodel/read_model.h"

#include <boost/asio/post.hpp>
#include <future>

#include "core/visibility.h"
#include "server/base/log.h"
#include "server/readmodel/read_model_tables.h"

namespace parley::server::readmodel {
namespace {

// A catch-up over a long log writes as it goes, so what it holds in memory stays small.
constexpr std::size_t kCatchupBatch = 4096;

void check(const std::optional<StoreError>& error) {
    if (error) {
        throw StoreFailure(*error);
    }
}

}  // namespace

ReadModel::ReadModel(SqliteStore& store, ReadModelOptions options)
    : store_(store), pool_(std::max(1u, options.read_threads)) {
    for (unsigned i = 0; i < std::max(1u, options.read_threads); ++i) {
        idle_readers_.push_back(store_.open_reader());
    }
    std::promise<std::optional<StoreError>> prepared;
    store_.submit([this](sqlite::Connection& db) { projected_ = prepare_tables(db); },
                  [&](std::optional<StoreError> error) { prepared.set_value(std::move(error)); });
    check(prepared.get_future().get());
    followed_ = projected_;
}

ReadModel::~ReadModel() {
    pool_.join();
}

Authority::Catchup ReadModel::catchup() {
    return {projected_.load(),
            [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
                take(seq, event, state);
                if (changed_.size() + posted_.size() >= kCatchupBatch) {
                    flush(state);
                }
            }};
}

void ReadModel::caught_up(const core::State& state) {
    flush(state);
    publish_directory(state);
}

void ReadModel::follow(Authority& authority) {
    authority_ = &authority;
    authority.add_follower(
        [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
            take(seq, event, state);
            if (!flush_queued_) {
                flush_queued_ = true;
                // Runs after the rest of this turn: every event committed with this one is
                // written in the same batch.
                authority_->read([this](const core::State& now, std::uint64_t) {
                    flush_queued_ = false;
                    flush(now);
                });
            }
        });
}

void ReadModel::take(std::uint64_t seq, const core::EventEnvelope& event,
                     const core::State& state) {
    followed_ = seq;
    const std::optional<core::ChatId> chat = core::chat_of(state, event.event);
    if (!chat) {
        directory_stale_ = true;
        return;
    }
    auto& position = changed_[*chat];
    if (std::holds_alternative<core::ChatStarted>(event.event)) {
        position = seq;
    }
    if (const auto* posted = std::get_if<core::MessagePosted>(&event.event)) {
        if (const core::Chat* found = state.find_chat(*chat)) {
            if (auto text = message_text(*found, posted->message)) {
                posted_.push_back({*chat, std::move(*text)});
            }
        }
    }
}

// The chats are projected from `state`, which may already hold events committed after
// `followed_`: a row is then a little ahead, never behind, and the next flush writes it again.
void ReadModel::flush(const core::State& state) {
    if (directory_stale_) {
        publish_directory(state);
    }
    auto batch = std::make_shared<ProjectionBatch>();
    batch->through = followed_;
    batch->chats.reserve(changed_.size());
    for (const auto& [id, position] : changed_) {
        const core::Chat* chat = state.find_chat(id);
        if (chat == nullptr) {
            continue;
        }
        ChatChange change{project_chat(state, *chat), position, {}};
        if (position) {
            change.customer_text = customer_search_text(state, *chat);
        }
        batch->chats.push_back(std::move(change));
    }
    batch->messages = std::move(posted_);
    changed_.clear();
    posted_.clear();
    std::vector<std::shared_ptr<ProjectionBatch>> batches{batch};
    store_.submit(
        [batches](sqlite::Connection& db) {
            for (const auto& each : batches) {
                write_batch(db, *each);
            }
        },
        [this, batches](std::optional<StoreError> error) {
            if (error) {
                log_error("the read model could not be written (" + error->code +
                          "): " + error->message + " It is written again with the next change.");
                take_back(batches);
            }
            written(batches.back()->through, !error);
        });
}

// The chats of a failed write are projected again from the State of the next flush (a newer
// row, never an older one); its messages are written then.
void ReadModel::take_back(std::vector<std::shared_ptr<ProjectionBatch>> batches) {
    if (authority_ == nullptr) {
        return;
    }
    authority_->read([this, batches = std::move(batches)](const core::State&, std::uint64_t) {
        for (const auto& batch : batches) {
            for (const ChatChange& change : batch->chats) {
                auto& position = changed_[change.chat.chat];
                if (change.position) {
                    position = change.position;
                }
            }
            posted_.insert(posted_.end(), batch->messages.begin(), batch->messages.end());
        }
    });
}

void ReadModel::publish_directory(const core::State& state) {
    auto directory = std::make_shared<core::State>();
    directory->settings = state.settings;
    directory->queues = state.queues;
    directory->agents = state.agents;
    const std::lock_guard lock(mutex_);
    directory_ = std::move(directory);
    directory_stale_ = false;
}

// On the commit thread. After a failed write the waiting reads are answered anyway, from what
// the tables hold, rather than left hanging until the store recovers.
void ReadModel::written(std::uint64_t through, bool ok) {
    std::vector<Waiting> ready;
    {
        const std::lock_guard lock(mutex_);
        if (ok) {
            projected_ = std::max(projected_.load(), through);
        }
        auto keep = waiting_.begin();
        for (Waiting& waiting : waiting_) {
            if (!ok || waiting.seq <= projected_) {
                ready.push_back(std::move(waiting));
            } else {
                *keep++ = std::move(waiting);
            }
        }
        waiting_.erase(keep, waiting_.end());
    }
    for (Waiting& waiting : ready) {
        run(std::move(waiting.read));
    }
}

void ReadModel::read_through(std::uint64_t seq, Read read) {
    {
        const std::lock_guard lock(mutex_);
        if (seq > projected_) {
            waiting_.push_back({seq, std::move(read)});
            return;
        }
    }
    run(std::move(read));
}

// As many connections as threads, so a thread always finds one idle.
void ReadModel::run(Read read) {
    boost::asio::post(pool_, [this, read = std::move(read)] {
        std::shared_ptr<const core::State> directory;
        std::optional<sqlite::Connection> connection;
        {
            const std::lock_guard lock(mutex_);
            directory = directory_;
            connection.emplace(std::move(idle_readers_.back()));
            idle_readers_.pop_back();
        }
        try {
            read(*connection, directory ? *directory : core::State());
        } catch (const std::exception& failure) {
            log_error(std::string("a read of the read model failed: ") + failure.what());
        }
        const std::lock_guard lock(mutex_);
        idle_readers_.push_back(std::move(*connection));
    });
}

}  // namespace parley::server::readmodel
