// Where the knowledge base's articles and the outage notices are kept, behind an interface so
// the embedded SQLite store and a later PostgreSQL one are interchangeable. Search takes the
// core's search terms (already folded and stemmed, matched as prefixes) and ranks with the
// title above tags above body; in PostgreSQL that is a tsvector built with setweight (A title,
// B tags, C body), prefix queries ("term:*" joined with |) and ts_rank, so the same terms and
// the same order of results carry over. Who may read what is the core's rule, applied by the
// caller to what the store returns. Every function may throw StoreFailure.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/knowledge.h"

namespace parley::server {

class KnowledgeStore {
public:
    virtual ~KnowledgeStore() = default;

    // Every article, drafts included, by title.
    virtual std::vector<core::Article> articles() = 0;
    virtual std::optional<core::Article> article(core::ArticleId id) = 0;
    // Articles holding any of the terms, best first, at most `limit`.
    virtual std::vector<core::Article> search(const std::vector<std::string>& terms,
                                              std::size_t limit) = 0;
    // Saves the article: id 0 makes a new one. Answers it as stored (its id), or nothing when
    // an id was given that does not exist.
    virtual std::optional<core::Article> put_article(core::Article article) = 0;
    // False when there was no such article.
    virtual bool delete_article(core::ArticleId id) = 0;

    // Every outage, by start. Answers from memory: the authority's strand asks when a chat
    // starts, and must not wait for the disk.
    virtual std::vector<core::Outage> outages() = 0;
    virtual std::optional<core::Outage> put_outage(core::Outage outage) = 0;
    virtual bool delete_outage(core::OutageId id) = 0;
};

}  // namespace parley::server
