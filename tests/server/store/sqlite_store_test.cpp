// SqliteStore against real files: ordering, idempotency look-ups, the optimistic-concurrency
// checks inside one group commit, group commit under contention, snapshots, accounts, reopening,
// and files that must be refused rather than repaired.
//
// [SECTION] Event log
// [SECTION] Group commit
// [SECTION] Snapshots
// [SECTION] Accounts
// [SECTION] Reopening and bad files
#include "server/store/sqlite_store.h"
#include "server/store/sqlite_db.h"
#include "tests/server/store/store_test_support.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>

namespace parley::server {
namespace {

using store_test::append_now;
using store_test::done_and_future;
using store_test::make_event;
using store_test::open_or_fail;
using store_test::read_bytes;
using store_test::TempDir;
using store_test::wait_for;
using store_test::write_bytes;

class SqliteStoreTest : public ::testing::Test {
protected:
    std::filesystem::path file() const { return dir / "parley.db"; }

    std::vector<std::uint64_t> seqs_after(std::uint64_t after, std::size_t limit) {
        std::vector<std::uint64_t> seqs;
        for (const auto& event : store->read_after(after, limit)) {
            seqs.push_back(event.seq);
        }
        return seqs;
    }

    void reopen() {
        store.reset();
        store = open_or_fail(file());
        ASSERT_TRUE(store);
    }

    // Rewrites a 4-byte big-endian field of the SQLite file header.
    void patch_header(std::size_t offset, std::uint32_t value) const {
        std::string bytes = read_bytes(file());
        for (std::size_t i = 0; i < 4; ++i) {
            bytes[offset + i] = static_cast<char>((value >> (8 * (3 - i))) & 0xffU);
        }
        write_bytes(file(), bytes);
    }

    // Leaves 200 events in the main file: closing checkpoints the WAL into it.
    void fill_and_close() {
        ASSERT_TRUE(store);
        std::vector<StoredEvent> events;
        for (std::uint64_t seq = 1; seq <= 200; ++seq) {
            events.push_back(make_event(seq, seq, 1));
        }
        EXPECT_FALSE(append_now(*store, events));
        store.reset();
    }

    // Page 1 (the header and the list of tables) stays readable; every page after it is
    // overwritten, as a failing disk might.
    void damage_all_but_the_first_page() const {
        constexpr std::size_t kPageSize = 4096;
        std::string bytes = read_bytes(file());
        ASSERT_GT(bytes.size(), 2 * kPageSize);
        std::fill(bytes.begin() + kPageSize, bytes.end(), '\x5a');
        write_bytes(file(), bytes);
    }

    TempDir dir;
    std::unique_ptr<SqliteStore> store = open_or_fail(file());
};

// [SECTION] Event log

TEST_F(SqliteStoreTest, AppendsAndReadsInOrderWithinLimits) {
    ASSERT_TRUE(store);
    EXPECT_EQ(store->last_seq(), 0u);
    EXPECT_TRUE(store->read_after(0, 10).empty());

    const std::vector<StoredEvent> first = {make_event(1, 7, 1), make_event(2, 7, 2),
                                            make_event(3)};
    EXPECT_FALSE(append_now(*store, first));
    EXPECT_FALSE(append_now(*store, {make_event(4, 8, 1)}));
    EXPECT_EQ(store->last_seq(), 4u);

    const auto all = store->read_after(0, 100);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0], first[0]);
    EXPECT_EQ(all[2], first[2]);
    EXPECT_FALSE(all[2].chat);
    EXPECT_EQ(all[3], make_event(4, 8, 1));

    EXPECT_EQ(seqs_after(1, 2), (std::vector<std::uint64_t>{2, 3}));
    EXPECT_EQ(seqs_after(3, 10), (std::vector<std::uint64_t>{4}));
    EXPECT_TRUE(store->read_after(4, 10).empty());
    EXPECT_TRUE(store->read_after(0, 0).empty());
    EXPECT_EQ(store->read_after(0, std::numeric_limits<std::size_t>::max()).size(), 4u);
}

TEST_F(SqliteStoreTest, AnEmptyBatchSucceedsAndChangesNothing) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(append_now(*store, {}));
    EXPECT_EQ(store->last_seq(), 0u);
    EXPECT_TRUE(store->read_after(0, 10).empty());
}

TEST_F(SqliteStoreTest, PayloadsKeepEveryByte) {
    ASSERT_TRUE(store);
    StoredEvent unicode = make_event(1);
    unicode.payload = std::string("{\"text\":\"Привет 👋 \\u0000\"}") + '\0' + "tail";
    StoredEvent large = make_event(2);
    large.payload = std::string(1 << 20, 'x');
    EXPECT_FALSE(append_now(*store, {unicode, large}));
    const auto events = store->read_after(0, 10);
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[0].payload, unicode.payload);
    EXPECT_EQ(events[1].payload, large.payload);
}

TEST_F(SqliteStoreTest, FindsTheFirstSeqACommandProduced) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->seq_of_command("accept-1"));
    EXPECT_FALSE(
        append_now(*store, {make_event(1, 7, 1, "create-1"), make_event(2, 7, 2, "accept-1"),
                            make_event(3, 7, 3, "accept-1")}));
    EXPECT_EQ(store->seq_of_command("create-1"), 1u);
    EXPECT_EQ(store->seq_of_command("accept-1"), 2u);
    EXPECT_FALSE(store->seq_of_command("unknown"));
}

TEST_F(SqliteStoreTest, ReadsOneChatsEventsInVersionOrder) {
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->read_chat("cht_7").empty());
    EXPECT_FALSE(append_now(*store, {make_event(1, 7, 1), make_event(2, 8, 1), make_event(3)}));
    EXPECT_FALSE(
        append_now(*store, {make_event(4, 7, 2), make_event(5, 8, 2), make_event(6, 7, 3)}));

    const auto chat = store->read_chat("cht_7");
    ASSERT_EQ(chat.size(), 3u);
    EXPECT_EQ(chat[0], make_event(1, 7, 1));
    EXPECT_EQ(chat[1], make_event(4, 7, 2));
    EXPECT_EQ(chat[2], make_event(6, 7, 3));
    EXPECT_EQ(store->read_chat("cht_8").size(), 2u);
    EXPECT_TRUE(store->read_chat("cht_9").empty());
}

TEST_F(SqliteStoreTest, RefusesABatchThatDoesNotContinueTheLog) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(append_now(*store, {make_event(1)}));

    const auto gap = append_now(*store, {make_event(3)});
    ASSERT_TRUE(gap);
    EXPECT_EQ(gap->code, "conflict");
    EXPECT_NE(gap->message.find("takes 2 next"), std::string::npos) << gap->message;
    EXPECT_EQ(append_now(*store, {make_event(1)})->code, "conflict");
    EXPECT_EQ(append_now(*store, {make_event(2), make_event(4)})->code, "conflict");
    EXPECT_EQ(seqs_after(0, 10), (std::vector<std::uint64_t>{1}));

    EXPECT_FALSE(append_now(*store, {make_event(2), make_event(3)}));
    EXPECT_EQ(store->last_seq(), 3u);
}

TEST_F(SqliteStoreTest, ReadsInsideDoneSeeTheCommittedEvents) {
    ASSERT_TRUE(store);
    std::promise<std::pair<std::uint64_t, std::size_t>> seen;
    store->append({make_event(1), make_event(2)}, [&](std::optional<StoreError> error) {
        EXPECT_FALSE(error);
        seen.set_value({store->last_seq(), store->read_after(0, 10).size()});
    });
    EXPECT_EQ(seen.get_future().get(), (std::pair<std::uint64_t, std::size_t>{2, 2}));
    store->flush();
}

// [SECTION] Group commit

// Two agents accept chat 7 at the same moment: both batches land in one transaction, the second
// takes a chat version that the first already took and fails alone.
TEST_F(SqliteStoreTest, AChatVersionConflictFailsOnlyItsJobInTheSameCommit) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(append_now(*store, {make_event(1, 7, 1)}));

    // Hold the commit thread inside a `done`, so the next three jobs queue up together.
    std::promise<void> holding;
    std::promise<void> release;
    auto released = release.get_future();
    store->append({make_event(2, 8, 1)}, [&](std::optional<StoreError>) {
        holding.set_value();
        released.wait();
    });
    holding.get_future().wait();
    const CommitStats before = store->stats();

    std::vector<std::optional<StoreError>> outcomes(3);
    const auto record = [&outcomes](std::size_t i) {
        return [&outcomes, i](std::optional<StoreError> error) { outcomes[i] = std::move(error); };
    };
    store->append({make_event(3, 7, 2, "accept-by-maria")}, record(0));
    store->append({make_event(4, 7, 2, "accept-by-omar")}, record(1));
    store->append({make_event(4, 9, 1, "create-chat-9")}, record(2));
    release.set_value();
    store->flush();

    const CommitStats after = store->stats();
    EXPECT_EQ(after.commits, before.commits + 1);
    EXPECT_EQ(after.jobs, before.jobs + 3);
    EXPECT_FALSE(outcomes[0]);
    ASSERT_TRUE(outcomes[1]);
    EXPECT_EQ(outcomes[1]->code, "conflict");
    EXPECT_NE(outcomes[1]->message.find("Chat cht_7 already has version 2"), std::string::npos)
        << outcomes[1]->message;
    EXPECT_FALSE(outcomes[2]);

    const auto events = store->read_after(0, 10);
    ASSERT_EQ(events.size(), 4u);
    EXPECT_EQ(events[2].command_id, "accept-by-maria");
    EXPECT_EQ(events[3].command_id, "create-chat-9");
    EXPECT_FALSE(store->seq_of_command("accept-by-omar"));
    EXPECT_EQ(store->last_seq(), 4u);
}

// A behaviour check, not a timing one: while one commit's fsync runs, the other threads' jobs
// queue, so the next commit takes several of them.
TEST_F(SqliteStoreTest, ConcurrentAppendsShareCommits) {
    ASSERT_TRUE(store);
    constexpr std::uint64_t kThreads = 8;
    constexpr std::uint64_t kAppendsPerThread = 200;
    std::atomic<std::uint64_t> observed_jobs{0};
    std::atomic<std::uint64_t> observed_commits{0};
    store->set_commit_observer([&](double seconds, std::size_t jobs) {
        EXPECT_GE(seconds, 0.0);
        observed_jobs += jobs;
        ++observed_commits;
    });

    std::mutex numbering;
    std::uint64_t next_seq = 0;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (std::uint64_t t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (std::uint64_t i = 0; i < kAppendsPerThread; ++i) {
                auto [done, outcome] = done_and_future();
                {
                    // Numbering and queueing together keep the queue in seq order, as the
                    // server's single decide loop does.
                    const std::lock_guard lock(numbering);
                    store->append({make_event(++next_seq, t + 1, i + 1)}, std::move(done));
                }
                if (outcome.get()) {
                    ++failures;
                }
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }

    constexpr std::uint64_t kJobs = kThreads * kAppendsPerThread;
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(store->last_seq(), kJobs);
    const auto events = store->read_after(0, kJobs + 1);
    ASSERT_EQ(events.size(), kJobs);
    for (std::uint64_t i = 0; i < kJobs; ++i) {
        ASSERT_EQ(events[i].seq, i + 1);
    }
    const CommitStats stats = store->stats();
    EXPECT_EQ(stats.jobs, kJobs);
    EXPECT_LT(stats.commits, stats.jobs);
    EXPECT_EQ(observed_jobs.load(), kJobs);
    EXPECT_EQ(observed_commits.load(), stats.commits);
    EXPECT_GT(stats.total_commit_seconds, 0.0);
    EXPECT_GE(stats.total_commit_seconds, stats.last_commit_seconds);
}

TEST_F(SqliteStoreTest, FlushWaitsForEverythingQueuedBeforeIt) {
    ASSERT_TRUE(store);
    std::atomic<int> done{0};
    for (std::uint64_t seq = 1; seq <= 50; ++seq) {
        store->append({make_event(seq)}, [&](std::optional<StoreError> error) {
            EXPECT_FALSE(error);
            ++done;
        });
    }
    store->flush();
    EXPECT_EQ(done.load(), 50);
    EXPECT_EQ(store->last_seq(), 50u);
    EXPECT_EQ(store->read_after(0, 100).size(), 50u);
}

TEST_F(SqliteStoreTest, ClosingCommitsWhatIsQueued) {
    ASSERT_TRUE(store);
    std::atomic<int> committed{0};
    for (std::uint64_t seq = 1; seq <= 100; ++seq) {
        store->append({make_event(seq)}, [&](std::optional<StoreError> error) {
            if (!error) {
                ++committed;
            }
        });
    }
    reopen();
    EXPECT_EQ(committed.load(), 100);
    EXPECT_EQ(store->last_seq(), 100u);
}

// Commits only append to the WAL (the writer never checkpoints); the main file grows only
// because the checkpoint thread copies pages back while the store is open.
TEST_F(SqliteStoreTest, TheWalIsCopiedBackWhileTheStoreIsOpen) {
    ASSERT_TRUE(store);
    const auto main_file_size = [&] { return std::filesystem::file_size(file()); };
    const auto before = main_file_size();
    std::vector<StoredEvent> events;
    for (std::uint64_t seq = 1; seq <= 500; ++seq) {
        events.push_back(make_event(seq, seq, 1));
    }
    ASSERT_FALSE(append_now(*store, events));
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (main_file_size() <= before && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    EXPECT_GT(main_file_size(), before);
    EXPECT_EQ(store->read_after(0, 1000).size(), 500u);
}

TEST(SqliteStoreWal, ComesBackUnderItsLimitWhileWritesGoOn) {
    TempDir dir;
    StoreOptions options;
    options.checkpoint_period = std::chrono::milliseconds(5);
    options.wal_limit_bytes = 256 * 1024;
    auto opened = SqliteStore::open(dir / "parley.db", options);
    ASSERT_TRUE(std::holds_alternative<std::unique_ptr<SqliteStore>>(opened));
    SqliteStore& store = *std::get<std::unique_ptr<SqliteStore>>(opened);
    const std::filesystem::path wal = dir / "parley.db-wal";
    const auto wal_bytes = [&] {
        std::error_code missing;
        const auto size = std::filesystem::file_size(wal, missing);
        return missing ? std::uintmax_t{0} : size;
    };
    // About 4 MiB of events, sixteen times the limit, in commits of eight.
    std::uint64_t seq = 0;
    std::uintmax_t largest = 0;
    const auto append_batch = [&] {
        std::vector<StoredEvent> batch;
        for (int i = 0; i < 8; ++i) {
            StoredEvent event = make_event(++seq);
            event.payload = std::string(2048, 'x');
            batch.push_back(std::move(event));
        }
        ASSERT_FALSE(append_now(store, std::move(batch)));
        largest = std::max(largest, wal_bytes());
    };
    for (int commit = 0; commit < 256; ++commit) {
        append_batch();
    }
    EXPECT_GT(largest, options.wal_limit_bytes) << "the writes outran the checkpoints";
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (wal_bytes() > options.wal_limit_bytes && std::chrono::steady_clock::now() < deadline) {
        append_batch();
    }
    EXPECT_LE(wal_bytes(), options.wal_limit_bytes);
    EXPECT_EQ(store.read_after(0, 100000).size(), seq);
}

// [SECTION] Snapshots

TEST_F(SqliteStoreTest, SnapshotsKeepTheLatestTwo) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->latest_snapshot());
    EXPECT_FALSE(append_now(*store, {make_event(1), make_event(2), make_event(3), make_event(4)}));
    for (std::uint64_t seq = 1; seq <= 4; ++seq) {
        EXPECT_FALSE(wait_for([&](CommitDone done) {
            store->save_snapshot({seq, "state@" + std::to_string(seq)}, std::move(done));
        }));
    }
    const auto latest = store->latest_snapshot();
    ASSERT_TRUE(latest);
    EXPECT_EQ(latest->seq, 4u);
    EXPECT_EQ(latest->payload, "state@4");

    auto db = sqlite::Connection::open(file(), sqlite::Connection::Mode::existing);
    sqlite::Query kept(db, "SELECT seq FROM snapshots ORDER BY seq");
    std::vector<std::uint64_t> seqs;
    while (kept.next_row()) {
        seqs.push_back(kept.uint_at(0));
    }
    EXPECT_EQ(seqs, (std::vector<std::uint64_t>{3, 4}));
}

TEST_F(SqliteStoreTest, ASnapshotPastTheLogIsRefused) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(append_now(*store, {make_event(1)}));
    const auto error = wait_for([&](CommitDone done) {
        store->save_snapshot({2, "from the future"}, std::move(done));
    });
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, "conflict");
    EXPECT_FALSE(store->latest_snapshot());
}

// [SECTION] Accounts

StoredSession session_of(std::string token_hash, SessionKind kind, std::string subject,
                         std::int64_t expires_at, std::optional<std::uint64_t> chat = {}) {
    return {std::move(token_hash),       kind, std::move(subject),
            store_test::chat_name(chat), 100,  expires_at};
}

class SessionsTest : public SqliteStoreTest {
protected:
    void SetUp() override {
        ASSERT_TRUE(store);
        for (const auto& session : sessions) {
            ASSERT_FALSE(
                wait_for([&](CommitDone done) { store->put_session(session, std::move(done)); }));
        }
    }

    std::vector<StoredSession> sessions = {
        session_of("h-alice-1", SessionKind::staff, "alice", 1000),
        session_of("h-alice-2", SessionKind::staff, "alice", 2000),
        session_of("h-bob", SessionKind::staff, "bob", 3000),
        session_of("h-cust", SessionKind::customer, "alice", 500, 7),
    };
};

TEST_F(SessionsTest, PutGetAndDelete) {
    EXPECT_EQ(store->session("h-alice-1"), sessions[0]);
    EXPECT_EQ(store->session("h-cust"), sessions[3]);
    EXPECT_EQ(store->session("h-cust")->chat, "cht_7");
    EXPECT_FALSE(store->session("h-nobody"));

    EXPECT_FALSE(
        wait_for([&](CommitDone done) { store->delete_session("h-alice-1", std::move(done)); }));
    EXPECT_FALSE(store->session("h-alice-1"));
    EXPECT_TRUE(store->session("h-alice-2"));
}

TEST_F(SessionsTest, DeletesEverySessionOfOneSubjectAndKind) {
    EXPECT_FALSE(wait_for([&](CommitDone done) {
        store->delete_sessions_of(SessionKind::staff, "alice", std::move(done));
    }));
    EXPECT_FALSE(store->session("h-alice-1"));
    EXPECT_FALSE(store->session("h-alice-2"));
    EXPECT_TRUE(store->session("h-bob"));
    // Same subject id, other kind: a customer named like an agent keeps their session.
    EXPECT_TRUE(store->session("h-cust"));
}

TEST_F(SessionsTest, DeletesExpiredSessions) {
    EXPECT_FALSE(
        wait_for([&](CommitDone done) { store->delete_expired_sessions(1000, std::move(done)); }));
    EXPECT_FALSE(store->session("h-cust"));
    EXPECT_FALSE(store->session("h-alice-1"));
    EXPECT_TRUE(store->session("h-alice-2"));
    EXPECT_TRUE(store->session("h-bob"));
}

TEST_F(SqliteStoreTest, CredentialsAreReplacedByAgent) {
    ASSERT_TRUE(store);
    EXPECT_FALSE(store->credential("alice"));
    const Credential first{"alice", "$argon2id$v=19$first", 10};
    const Credential changed{"alice", "$argon2id$v=19$second", 20};
    for (const auto& credential : {first, changed}) {
        EXPECT_FALSE(
            wait_for([&](CommitDone done) { store->put_credential(credential, std::move(done)); }));
    }
    const auto stored = store->credential("alice");
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->password_hash, changed.password_hash);
    EXPECT_EQ(stored->changed_at, 20);
}

TEST_F(SqliteStoreTest, ApiKeysAreListedAndRevoked) {
    ASSERT_TRUE(store);
    EXPECT_TRUE(store->api_keys().empty());
    StoredApiKey bot{"key_bot", "Bot", "hash-1", "admin", 200, false};
    const StoredApiKey gateway{"key_gw", "Telegram gateway", "hash-2", "admin", 100, false};
    for (const auto& key : {bot, gateway}) {
        EXPECT_FALSE(wait_for([&](CommitDone done) { store->put_api_key(key, std::move(done)); }));
    }
    EXPECT_EQ(store->api_keys(), (std::vector<StoredApiKey>{gateway, bot}));

    bot.revoked = true;
    EXPECT_FALSE(wait_for([&](CommitDone done) { store->put_api_key(bot, std::move(done)); }));
    EXPECT_EQ(store->api_key("key_bot"), bot);
    EXPECT_FALSE(store->api_key("key_none"));
    EXPECT_EQ(store->api_keys().size(), 2u);
}

TEST_F(SqliteStoreTest, AttachmentMetadataRoundTrips) {
    ASSERT_TRUE(store);
    const StoredAttachment attachment{"att_0123456789abcdef0123456789abcdef",
                                      std::string(64, 'a'),
                                      "screenshot.png",
                                      "image/png",
                                      12345,
                                      "cht_7",
                                      "customer:cus_1",
                                      1'700'000'000'000,
                                      "203.0.113.7"};
    StoredAttachment earlier = attachment;
    earlier.id = "att_earlier";
    earlier.at -= 1;
    for (const StoredAttachment& stored : {attachment, earlier}) {
        EXPECT_FALSE(
            wait_for([&](CommitDone done) { store->put_attachment(stored, std::move(done)); }));
    }
    EXPECT_EQ(store->attachment(attachment.id), attachment);
    EXPECT_FALSE(store->attachment("att_missing"));

    std::vector<StoredAttachment> every;
    store->each_attachment([&](const StoredAttachment& stored) { every.push_back(stored); });
    EXPECT_EQ(every, (std::vector<StoredAttachment>{earlier, attachment})) << "oldest first";
}

// [SECTION] Reopening and bad files

TEST_F(SqliteStoreTest, ReopeningKeepsEverything) {
    ASSERT_TRUE(store);
    const std::vector<StoredEvent> events = {make_event(1, 7, 1), make_event(2, 7, 2)};
    const StoredSession session = session_of("h", SessionKind::customer, "c1", 900, 7);
    const StoredApiKey key{"key_1", "Bot", "secret", "admin", 5, false};
    const StoredAttachment attachment{
        "att_1", std::string(64, 'b'), "a.txt", "text/plain", 3, "cht_7", "c1", 6, "192.0.2.1"};
    EXPECT_FALSE(append_now(*store, events));
    EXPECT_FALSE(wait_for([&](CommitDone done) {
        store->save_snapshot({2, "s"}, std::move(done));
    }));
    EXPECT_FALSE(wait_for([&](CommitDone done) {
        store->put_credential({"alice", "hash", 3}, std::move(done));
    }));
    EXPECT_FALSE(wait_for([&](CommitDone done) { store->put_session(session, std::move(done)); }));
    EXPECT_FALSE(wait_for([&](CommitDone done) { store->put_api_key(key, std::move(done)); }));
    EXPECT_FALSE(
        wait_for([&](CommitDone done) { store->put_attachment(attachment, std::move(done)); }));

    reopen();
    EXPECT_EQ(store->last_seq(), 2u);
    EXPECT_EQ(store->read_after(0, 10), events);
    EXPECT_EQ(store->latest_snapshot()->payload, "s");
    EXPECT_EQ(store->credential("alice")->password_hash, "hash");
    EXPECT_EQ(store->session("h"), session);
    EXPECT_EQ(store->api_key("key_1"), key);
    EXPECT_EQ(store->attachment("att_1"), attachment);
    // The version check survives the reopen too.
    EXPECT_EQ(append_now(*store, {make_event(3, 7, 2)})->code, "conflict");
    EXPECT_FALSE(append_now(*store, {make_event(3, 7, 3)}));
}

TEST_F(SqliteStoreTest, AFileThatIsNotSqliteIsRefusedAndLeftUntouched) {
    store.reset();
    std::string garbage;
    for (int i = 0; i < 4096; ++i) {
        garbage.push_back(static_cast<char>('a' + i % 26));
    }
    write_bytes(file(), garbage);

    auto opened = SqliteStore::open(file());
    ASSERT_TRUE(std::holds_alternative<StoreError>(opened));
    const auto& error = std::get<StoreError>(opened);
    EXPECT_EQ(error.code, "corrupt");
    EXPECT_NE(error.message.find(file().string()), std::string::npos) << error.message;
    EXPECT_EQ(read_bytes(file()), garbage);
    EXPECT_FALSE(std::filesystem::exists(file().string() + "-wal"));
}

TEST_F(SqliteStoreTest, AnotherApplicationsDatabaseIsRefused) {
    store.reset();
    constexpr std::size_t kApplicationIdOffset = 68;
    patch_header(kApplicationIdOffset, 0x12345678);
    const std::string before = read_bytes(file());

    auto opened = SqliteStore::open(file());
    ASSERT_TRUE(std::holds_alternative<StoreError>(opened));
    EXPECT_EQ(std::get<StoreError>(opened).code, "corrupt");
    EXPECT_NE(std::get<StoreError>(opened).message.find("not a Parley store"), std::string::npos);
    EXPECT_EQ(read_bytes(file()), before);
}

TEST_F(SqliteStoreTest, AStoreFromANewerVersionIsRefused) {
    store.reset();
    constexpr std::size_t kUserVersionOffset = 60;
    patch_header(kUserVersionOffset, 99);

    auto opened = SqliteStore::open(file());
    ASSERT_TRUE(std::holds_alternative<StoreError>(opened));
    EXPECT_NE(std::get<StoreError>(opened).message.find("newer"), std::string::npos);
}

TEST_F(SqliteStoreTest, DamagedPagesFoundAtOpenAreReportedAsCorrupt) {
    fill_and_close();
    damage_all_but_the_first_page();
    auto opened = SqliteStore::open(file());
    ASSERT_TRUE(std::holds_alternative<StoreError>(opened));
    EXPECT_EQ(std::get<StoreError>(opened).code, "corrupt");
}

TEST_F(SqliteStoreTest, DamagedPagesFoundLaterFailReadsAndWritesWithoutACrash) {
    fill_and_close();
    reopen();
    damage_all_but_the_first_page();
    try {
        store->read_after(0, 1000);
        ADD_FAILURE() << "reading damaged pages did not fail";
    } catch (const StoreFailure& failure) {
        EXPECT_EQ(failure.error().code, "corrupt");
        EXPECT_NE(failure.error().message.find(file().string()), std::string::npos);
    }
    const auto error = append_now(*store, {make_event(201, 1, 2)});
    ASSERT_TRUE(error);
    EXPECT_EQ(error->code, "corrupt");
}

TEST_F(SqliteStoreTest, AnUnusableLocationIsAnErrorNotAnException) {
    for (const auto& path : {dir / "missing-folder" / "parley.db", file() / "under-a-file.db"}) {
        auto opened = SqliteStore::open(path);
        ASSERT_TRUE(std::holds_alternative<StoreError>(opened)) << path;
        EXPECT_EQ(std::get<StoreError>(opened).code, "io");
        EXPECT_NE(std::get<StoreError>(opened).message.find(path.string()), std::string::npos);
    }
}

TEST_F(SqliteStoreTest, AReadOnlyFolderIsAnError) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root writes to read-only folders";
    }
    const auto folder = dir / "read-only";
    std::filesystem::create_directory(folder);
    ::chmod(folder.c_str(), 0500);
    auto opened = SqliteStore::open(folder / "parley.db");
    ::chmod(folder.c_str(), 0700);
    ASSERT_TRUE(std::holds_alternative<StoreError>(opened));
    EXPECT_EQ(std::get<StoreError>(opened).code, "io");
}

}  // namespace
}  // namespace parley::server
