// GroupCommitter on its own tables: a failed COMMIT fails every job in the batch, and the
// committer goes on working afterwards. The store's tables cannot make a COMMIT fail, so a
// deferred foreign key (checked only at COMMIT) stands in for a disk that refuses the write.
#include "server/store/group_commit.h"
#include "tests/server/store/store_test_support.h"

#include <gtest/gtest.h>

namespace parley::server::sqlite {
namespace {

using store_test::done_and_future;
using store_test::TempDir;

class GroupCommitTest : public ::testing::Test {
protected:
    static Connection prepared(const std::filesystem::path& file) {
        Connection db = Connection::open(file, Connection::Mode::create);
        db.exec("PRAGMA foreign_keys = ON");
        db.exec(
            "CREATE TABLE parents (id INTEGER PRIMARY KEY);"
            "CREATE TABLE children (parent INTEGER REFERENCES parents (id)"
            " DEFERRABLE INITIALLY DEFERRED)");
        return db;
    }

    static GroupCommitter::Work insert(std::string sql) {
        return [sql = std::move(sql)](Connection& db) { Query(db, sql).run(); };
    }

    std::int64_t count(const std::string& table) {
        Query query(reader, "SELECT count(*) FROM " + table);
        return query.next_row() ? query.int_at(0) : -1;
    }

    TempDir dir;
    GroupCommitter committer{prepared(dir / "jobs.db")};
    Connection reader = Connection::open(dir / "jobs.db", Connection::Mode::existing);
};

TEST_F(GroupCommitTest, AFailedCommitFailsEveryJobInTheBatchWithIo) {
    auto [parent_done, parent] = done_and_future();
    auto [orphan_done, orphan] = done_and_future();
    committer.submit(insert("INSERT INTO parents (id) VALUES (1)"), std::move(parent_done));
    committer.submit(insert("INSERT INTO children (parent) VALUES (99)"), std::move(orphan_done));

    // The two jobs may land in one batch or two; whichever holds the orphan cannot commit.
    const auto orphan_error = orphan.get();
    ASSERT_TRUE(orphan_error);
    EXPECT_EQ(orphan_error->code, "io");
    const auto parent_error = parent.get();
    EXPECT_EQ(count("parents"), parent_error ? 0 : 1);
    EXPECT_EQ(count("children"), 0);

    auto [next_done, next] = done_and_future();
    committer.submit(insert("INSERT INTO parents (id) VALUES (2)"), std::move(next_done));
    EXPECT_FALSE(next.get());
}

TEST_F(GroupCommitTest, AJobThatThrowsIsRolledBackAlone) {
    auto [failing_done, failing] = done_and_future();
    auto [fine_done, fine] = done_and_future();
    committer.submit(
        [](Connection& db) {
            Query(db, "INSERT INTO parents (id) VALUES (1)").run();
            throw StoreFailure({"conflict", "refused after writing"});
        },
        std::move(failing_done));
    committer.submit(insert("INSERT INTO parents (id) VALUES (2)"), std::move(fine_done));
    EXPECT_EQ(failing.get()->code, "conflict");
    EXPECT_FALSE(fine.get());
    Query query(reader, "SELECT id FROM parents");
    ASSERT_TRUE(query.next_row());
    EXPECT_EQ(query.int_at(0), 2);
    EXPECT_FALSE(query.next_row());
}

TEST_F(GroupCommitTest, FlushReturnsAtOnceWhenNothingIsQueued) {
    committer.flush();
    EXPECT_EQ(committer.stats().commits, 0u);
}

}  // namespace
}  // namespace parley::server::sqlite
