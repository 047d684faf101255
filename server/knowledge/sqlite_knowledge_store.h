// The knowledge base in a SQLite file of its own (knowledge.db beside the event log's file, so
// an article being written never holds the lock event commits wait for): articles, an FTS5 index
// over their folded text (unicode61 with diacritics removed, so Latin and Cyrillic both tokenise;
// bm25 with the title weighted above tags above body), and outages, which are also held in memory.
// Reference content, not events: an edit replaces the row. One connection behind a mutex; articles
// are written seldom and read by REST workers.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <variant>

#include "server/knowledge/knowledge_store.h"
#include "server/store/sqlite_db.h"

namespace parley::server {

class SqliteKnowledgeStore final : public KnowledgeStore {
public:
    // Opens (or creates) the knowledge file and adds its tables when they are missing. With
    // `adopt_from`, articles and outages an older build kept in that file (the event log's)
    // are moved into this one, once.
    static std::variant<std::unique_ptr<SqliteKnowledgeStore>, StoreError> open(
        const std::filesystem::path& file,
        const std::optional<std::filesystem::path>& adopt_from = std::nullopt);

    std::vector<core::Article> articles() override;
    std::optional<core::Article> article(core::ArticleId id) override;
    std::vector<core::Article> search(const std::vector<std::string>& terms,
                                      std::size_t limit) override;
    std::optional<core::Article> put_article(core::Article article) override;
    bool delete_article(core::ArticleId id) override;

    std::vector<core::Outage> outages() override;
    std::optional<core::Outage> put_outage(core::Outage outage) override;
    bool delete_outage(core::OutageId id) override;

private:
    explicit SqliteKnowledgeStore(sqlite::Connection db);
    std::vector<core::Outage> read_outages();
    void adopt(const std::filesystem::path& legacy);
    void reindex_articles();
    // Runs `work` in one write transaction, rolled back when it throws.
    template <class Work>
    auto in_transaction(Work work);

    std::mutex mutex_;
    sqlite::Connection db_;
    std::vector<core::Outage> outages_;
};

}  // namespace parley::server
