// The read model's projection loop and its readers.
#include "server/readmodel/read_model.h"

#include <boost/asio/post.hpp>
#include <future>

#include "core/visibility.h"
#include "server/base/log.h"
#include "server/readmodel/read_model_tables.h"

namespace parley::server::readmodel {
namespace {

using sqlite::Connection;

// A batch is written once this many chats or messages wait, or once the oldest change has
// waited this long, whichever comes first: big batches under load, fresh rows when quiet.
constexpr std::size_t kBatch = 2048;
constexpr std::chrono::milliseconds kLongestWait{20};

Connection open_writer(const std::filesystem::path& file) {
    Connection db = Connection::open(file, Connection::Mode::create);
    prepare_file(db);
    return db;
}

// A file SQLite cannot read is derived data gone bad: it is replaced, and the catch-up
// fills the new one from the log.
Connection open_or_replace(const std::filesystem::path& file) {
    try {
        return open_writer(file);
    } catch (const StoreFailure& failure) {
        if (failure.error().code != "corrupt") {
            throw;
        }
        log_error("the read model " + file.string() + " cannot be read (" +
                  failure.error().message + "); it is rebuilt from the event log");
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(file.string() + suffix, ignored);
        }
        return open_writer(file);
    }
}

}  // namespace

ReadModel::ReadModel(const std::filesystem::path& file, ReadModelOptions options)
    : file_(file), pool_(std::max(1u, options.read_threads)) {
    Connection writer = open_or_replace(file);
    projected_ = prepare_tables(writer);
    followed_ = projected_;
    for (unsigned i = 0; i < std::max(1u, options.read_threads); ++i) {
        Connection reader = Connection::open(file, Connection::Mode::existing);
        prepare_reader(reader);
        idle_readers_.push_back(std::move(reader));
    }
    writer_ = std::make_unique<sqlite::GroupCommitter>(std::move(writer));
}

// The commit thread's callbacks queue reads on the pool: it is done before the pool is.
ReadModel::~ReadModel() {
    writer_->flush();
    pool_.join();
}

Authority::Catchup ReadModel::catchup() {
    return {projected_.load(),
            [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
                take(seq, event, state);
                if (changed_.size() + posted_.size() >= kBatch) {
                    flush(state);
                }
            },
            [this](std::uint64_t, const core::EventEnvelope& event, const core::State& state) {
                ahead(event, state);
            }};
}

void ReadModel::caught_up(const core::State& state) {
    flush(state);
    publish_directory(state);
}

void ReadModel::follow(Authority& authority) {
    authority.follow_replica(
        [this](std::uint64_t, const core::EventEnvelope& event, const core::State& state) {
            ahead(event, state);
        },
        [this](std::uint64_t seq, const core::EventEnvelope& event, const core::State& state) {
            take(seq, event, state);
            const bool due = changed_.size() + posted_.size() >= kBatch ||
                             std::chrono::steady_clock::now() - *first_change_ >= kLongestWait;
            if (due) {
                flush(state);
            }
        },
        [this](const core::State& state) { flush(state); });
}

void ReadModel::settle() {
    writer_->flush();
}

// A chat archived while its latest changes wait is projected first, from the State that still
// holds it.
void ReadModel::ahead(const core::EventEnvelope& event, const core::State& state) {
    const auto* archived = std::get_if<core::ChatArchived>(&event.event);
    if (archived && changed_.contains(archived->chat)) {
        flush(state);
    }
}

void ReadModel::take(std::uint64_t seq, const core::EventEnvelope& event,
                     const core::State& state) {
    followed_ = seq;
    if (!first_change_) {
        first_change_ = std::chrono::steady_clock::now();
    }
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

void ReadModel::flush(const core::State& state) {
    if (!first_change_) {
        return;
    }
    first_change_.reset();
    if (directory_stale_) {
        publish_directory(state);
    }
    auto batch = std::make_shared<ProjectionBatch>();
    batch->through = followed_;
    batch->chats.reserve(changed_.size());
    for (const auto& [id, position] : changed_) {
        const core::Chat* chat = state.find_chat(id);
        if (chat == nullptr) {
            batch->archived.push_back(id);
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
    std::vector<std::shared_ptr<const ProjectionBatch>> batches;
    {
        const std::lock_guard lock(mutex_);
        batches = std::move(unwritten_);
        unwritten_.clear();
    }
    batches.push_back(std::move(batch));
    // An older failed batch goes first: where both hold a chat, the newer row is the one kept.
    writer_->submit(
        [batches](Connection& db) {
            for (const auto& each : batches) {
                write_batch(db, *each);
            }
        },
        [this, batches](std::optional<StoreError> error) {
            if (error) {
                log_error("the read model could not be written (" + error->code +
                          "): " + error->message + " It is written again with the next change.");
                const std::lock_guard lock(mutex_);
                unwritten_.insert(unwritten_.begin(), batches.begin(), batches.end());
            }
            written(batches.back()->through, !error);
        });
}

void ReadModel::publish_directory(const core::State& state) {
    auto directory = std::make_shared<core::State>();
    directory->settings = state.settings;
    directory->queues = state.queues;
    directory->agents = state.agents;
    directory_stale_ = false;
    const std::lock_guard lock(mutex_);
    directory_ = std::move(directory);
}

// On the commit thread. After a failed write the waiting reads are answered anyway, from what
// the tables hold, rather than left hanging until the disk recovers.
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
        std::optional<Connection> connection;
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
