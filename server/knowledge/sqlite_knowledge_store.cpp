// Articles, their FTS5 index and outages in the knowledge file.
//
// [SECTION] Tables
// [SECTION] Rows
// [SECTION] Moving in from the event log's file
// [SECTION] Articles
// [SECTION] Outages
#include "server/knowledge/sqlite_knowledge_store.h"

#include <algorithm>
#include <charconv>

namespace parley::server {
namespace {

using sqlite::Connection;
using sqlite::Query;

// [SECTION] Tables

// Created by this store, not by the event log's migrations: the knowledge base is a module of
// its own, and IF NOT EXISTS keeps opening an existing file a no-op. The index holds the
// folded text (core::fold_for_search), so ё and е, and upper and lower case, meet.
constexpr std::string_view kTables = R"sql(
    CREATE TABLE IF NOT EXISTS knowledge_articles (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        tags TEXT NOT NULL,
        queues TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('published', 'draft')),
        link TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );
    CREATE VIRTUAL TABLE IF NOT EXISTS knowledge_search USING fts5 (
        title, tags, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE IF NOT EXISTS outages (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        service TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        expected_end INTEGER NOT NULL,
        greet_queues TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    );
)sql";

// bm25 weights for title, tags and body: a question's words in a title say most.
constexpr std::string_view kRanking = "bm25(knowledge_search, 10.0, 4.0, 1.0)";

constexpr std::string_view kArticleColumns =
    "id, title, body, tags, queues, status, link, updated_at";

// [SECTION] Rows

std::string joined(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& item : items) {
        out += out.empty() ? "" : "\n";
        out += item;
    }
    return out;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

std::string queue_list(const std::set<core::QueueId>& queues) {
    std::string out;
    for (const core::QueueId queue : queues) {
        out += out.empty() ? "" : ",";
        out += std::to_string(queue);
    }
    return out;
}

std::set<core::QueueId> queues_from(const std::string& text) {
    std::set<core::QueueId> out;
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    while (at < end) {
        core::QueueId queue = 0;
        const auto [next, error] = std::from_chars(at, end, queue);
        if (error != std::errc()) {
            throw StoreFailure({"corrupt", "A stored queue list is unreadable: '" + text + "'."});
        }
        out.insert(queue);
        at = next < end ? next + 1 : end;
    }
    return out;
}

core::Article article_at(const Query& row) {
    core::Article article;
    article.id = row.uint_at(0);
    article.title = row.text_at(1);
    article.body = row.text_at(2);
    article.tags = split_lines(row.text_at(3));
    article.queues = queues_from(row.text_at(4));
    article.status =
        core::parse<core::ArticleStatus>(row.text_at(5)).value_or(core::ArticleStatus::draft);
    article.link = row.text_at(6);
    article.updated_at = row.int_at(7);
    return article;
}

// FTS5 syntax: each term a quoted string with "*" for a prefix, any of them. The terms are
// letters and digits only, but a quote is doubled all the same.
std::string match_expression(const std::vector<std::string>& terms) {
    std::string out;
    for (const std::string& term : terms) {
        out += out.empty() ? "\"" : " OR \"";
        for (const char c : term) {
            out += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        out += "\"*";
    }
    return out;
}

void index_article(Connection& db, const core::Article& article) {
    Query(db, "DELETE FROM knowledge_search WHERE rowid = ?1").bind_uint(1, article.id).run();
    Query(db, "INSERT INTO knowledge_search (rowid, title, tags, body) VALUES (?1, ?2, ?3, ?4)")
        .bind_uint(1, article.id)
        .bind_text(2, core::fold_for_search(article.title))
        .bind_text(3, core::fold_for_search(joined(article.tags)))
        .bind_text(4, core::fold_for_search(article.body))
        .run();
}

}  // namespace

std::variant<std::unique_ptr<SqliteKnowledgeStore>, StoreError> SqliteKnowledgeStore::open(
    const std::filesystem::path& file, const std::optional<std::filesystem::path>& adopt_from) {
    try {
        Connection db = Connection::open(file, Connection::Mode::create);
        db.exec("PRAGMA busy_timeout = 5000");
        db.exec("PRAGMA journal_mode = WAL");
        db.exec("PRAGMA synchronous = FULL");
        db.exec(kTables);
        std::unique_ptr<SqliteKnowledgeStore> store(new SqliteKnowledgeStore(std::move(db)));
        if (adopt_from && std::filesystem::exists(*adopt_from)) {
            store->adopt(*adopt_from);
        }
        store->outages_ = store->read_outages();
        return store;
    } catch (const StoreFailure& failure) {
        return failure.error();
    }
}

SqliteKnowledgeStore::SqliteKnowledgeStore(Connection db) : db_(std::move(db)) {}

template <class Work>
auto SqliteKnowledgeStore::in_transaction(Work work) {
    db_.exec("BEGIN IMMEDIATE");
    try {
        auto result = work();
        db_.exec("COMMIT");
        return result;
    } catch (const StoreFailure&) {
        db_.roll_back();
        throw;
    }
}

// [SECTION] Moving in from the event log's file

namespace {

bool has_table(Connection& db, std::string_view table) {
    Query query(db, "SELECT 1 FROM legacy.sqlite_master WHERE type = 'table' AND name = ?1");
    return query.bind_text(1, table).next_row();
}

}  // namespace

// Copies first and drops the old tables after: a crash in between copies again at the next
// start (the same ids, ignored) and then drops them. On a failure the store is not opened, and
// its connection closes with the old file still attached.
void SqliteKnowledgeStore::adopt(const std::filesystem::path& legacy) {
    Query(db_, "ATTACH DATABASE ?1 AS legacy").bind_text(1, legacy.string()).run();
    const bool has_articles = has_table(db_, "knowledge_articles");
    const bool has_outages = has_table(db_, "outages");
    if (has_articles || has_outages) {
        in_transaction([&] {
            if (has_articles) {
                db_.exec("INSERT OR IGNORE INTO knowledge_articles SELECT " +
                         std::string(kArticleColumns) + " FROM legacy.knowledge_articles");
                reindex_articles();
            }
            if (has_outages) {
                db_.exec(
                    "INSERT OR IGNORE INTO outages SELECT id, title, service, starts_at, "
                    "expected_end, greet_queues, updated_at FROM legacy.outages");
            }
            return true;
        });
        db_.exec(
            "DROP TABLE IF EXISTS legacy.knowledge_search; "
            "DROP TABLE IF EXISTS legacy.knowledge_articles; "
            "DROP TABLE IF EXISTS legacy.outages");
    }
    db_.exec("DETACH DATABASE legacy");
}

void SqliteKnowledgeStore::reindex_articles() {
    db_.exec("DELETE FROM knowledge_search");
    std::vector<core::Article> all;
    {
        Query query(db_, "SELECT " + std::string(kArticleColumns) + " FROM knowledge_articles");
        while (query.next_row()) {
            all.push_back(article_at(query));
        }
    }
    for (const core::Article& article : all) {
        index_article(db_, article);
    }
}

// [SECTION] Articles

std::vector<core::Article> SqliteKnowledgeStore::articles() {
    const std::lock_guard lock(mutex_);
    std::vector<core::Article> out;
    Query query(db_, "SELECT " + std::string(kArticleColumns) +
                         " FROM knowledge_articles ORDER BY title COLLATE NOCASE, id");
    while (query.next_row()) {
        out.push_back(article_at(query));
    }
    return out;
}

std::optional<core::Article> SqliteKnowledgeStore::article(core::ArticleId id) {
    const std::lock_guard lock(mutex_);
    Query query(
        db_, "SELECT " + std::string(kArticleColumns) + " FROM knowledge_articles WHERE id = ?1");
    query.bind_uint(1, id);
    if (!query.next_row()) {
        return std::nullopt;
    }
    return article_at(query);
}

std::vector<core::Article> SqliteKnowledgeStore::search(const std::vector<std::string>& terms,
                                                        std::size_t limit) {
    std::vector<core::Article> out;
    if (terms.empty() || limit == 0) {
        return out;
    }
    const std::lock_guard lock(mutex_);
    Query query(db_,
                "SELECT a.id, a.title, a.body, a.tags, a.queues, a.status, a.link, "
                "a.updated_at FROM knowledge_search s JOIN knowledge_articles a "
                "ON a.id = s.rowid WHERE knowledge_search MATCH ?1 ORDER BY " +
                    std::string(kRanking) + ", a.id LIMIT ?2");
    query.bind_text(1, match_expression(terms)).bind_uint(2, limit);
    while (query.next_row()) {
        out.push_back(article_at(query));
    }
    return out;
}

std::optional<core::Article> SqliteKnowledgeStore::put_article(core::Article article) {
    const std::lock_guard lock(mutex_);
    return in_transaction([&]() -> std::optional<core::Article> {
        if (article.id == 0) {
            Query insert(db_,
                         "INSERT INTO knowledge_articles "
                         "(title, body, tags, queues, status, link, updated_at) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id");
            insert.bind_text(1, article.title)
                .bind_text(2, article.body)
                .bind_text(3, joined(article.tags))
                .bind_text(4, queue_list(article.queues))
                .bind_text(5, core::to_string(article.status))
                .bind_text(6, article.link)
                .bind_int(7, article.updated_at);
            if (!insert.next_row()) {
                throw StoreFailure({"io", "The new article got no id."});
            }
            article.id = insert.uint_at(0);
        } else {
            Query exists(db_, "SELECT 1 FROM knowledge_articles WHERE id = ?1");
            if (!exists.bind_uint(1, article.id).next_row()) {
                return std::nullopt;
            }
            Query(db_,
                  "UPDATE knowledge_articles SET title = ?2, body = ?3, tags = ?4, queues = ?5, "
                  "status = ?6, link = ?7, updated_at = ?8 WHERE id = ?1")
                .bind_uint(1, article.id)
                .bind_text(2, article.title)
                .bind_text(3, article.body)
                .bind_text(4, joined(article.tags))
                .bind_text(5, queue_list(article.queues))
                .bind_text(6, core::to_string(article.status))
                .bind_text(7, article.link)
                .bind_int(8, article.updated_at)
                .run();
        }
        index_article(db_, article);
        return article;
    });
}

bool SqliteKnowledgeStore::delete_article(core::ArticleId id) {
    const std::lock_guard lock(mutex_);
    return in_transaction([&] {
        Query exists(db_, "SELECT 1 FROM knowledge_articles WHERE id = ?1");
        if (!exists.bind_uint(1, id).next_row()) {
            return false;
        }
        Query(db_, "DELETE FROM knowledge_articles WHERE id = ?1").bind_uint(1, id).run();
        Query(db_, "DELETE FROM knowledge_search WHERE rowid = ?1").bind_uint(1, id).run();
        return true;
    });
}

// [SECTION] Outages

std::vector<core::Outage> SqliteKnowledgeStore::read_outages() {
    std::vector<core::Outage> out;
    Query query(db_,
                "SELECT id, title, service, starts_at, expected_end, greet_queues, updated_at "
                "FROM outages ORDER BY starts_at, id");
    while (query.next_row()) {
        core::Outage outage;
        outage.id = query.uint_at(0);
        outage.title = query.text_at(1);
        outage.service = query.text_at(2);
        outage.starts_at = query.int_at(3);
        outage.expected_end = query.int_at(4);
        outage.greet_queues = queues_from(query.text_at(5));
        outage.updated_at = query.int_at(6);
        out.push_back(std::move(outage));
    }
    return out;
}

std::vector<core::Outage> SqliteKnowledgeStore::outages() {
    const std::lock_guard lock(mutex_);
    return outages_;
}

std::optional<core::Outage> SqliteKnowledgeStore::put_outage(core::Outage outage) {
    const std::lock_guard lock(mutex_);
    const bool known = std::any_of(outages_.begin(), outages_.end(),
                                   [&](const core::Outage& o) { return o.id == outage.id; });
    if (outage.id != 0 && !known) {
        return std::nullopt;
    }
    in_transaction([&] {
        Query write(db_,
                    "INSERT INTO outages (id, title, service, starts_at, expected_end, "
                    "greet_queues, updated_at) VALUES (nullif(?1, 0), ?2, ?3, ?4, ?5, ?6, ?7) "
                    "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
                    "service = excluded.service, starts_at = excluded.starts_at, "
                    "expected_end = excluded.expected_end, greet_queues = excluded.greet_queues, "
                    "updated_at = excluded.updated_at RETURNING id");
        write.bind_uint(1, outage.id)
            .bind_text(2, outage.title)
            .bind_text(3, outage.service)
            .bind_int(4, outage.starts_at)
            .bind_int(5, outage.expected_end)
            .bind_text(6, queue_list(outage.greet_queues))
            .bind_int(7, outage.updated_at);
        if (!write.next_row()) {
            throw StoreFailure({"io", "The outage got no id."});
        }
        outage.id = write.uint_at(0);
        return true;
    });
    outages_ = read_outages();
    return outage;
}

bool SqliteKnowledgeStore::delete_outage(core::OutageId id) {
    const std::lock_guard lock(mutex_);
    const bool known = std::any_of(outages_.begin(), outages_.end(),
                                   [&](const core::Outage& o) { return o.id == id; });
    if (!known) {
        return false;
    }
    in_transaction([&] {
        Query(db_, "DELETE FROM outages WHERE id = ?1").bind_uint(1, id).run();
        return true;
    });
    outages_ = read_outages();
    return true;
}

}  // namespace parley::server
