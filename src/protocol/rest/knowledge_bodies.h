// REST bodies of the knowledge base and outages (server/README.md, "Knowledge base",
// "Outages").
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/ids.h"
#include "core/knowledge.h"

namespace parley::protocol::rest {

// An article as the knowledge routes answer it; search hits and suggestions carry the body
// around the first matching word.
struct ArticleView : core::Article {
    std::optional<std::string> snippet;
};

// GET /api/knowledge/articles
struct ArticleSearch {
    std::string query;
    std::vector<ArticleView> articles;
};

// GET /api/knowledge/suggestions
struct ArticleSuggestions {
    core::ChatId chat;
    // The latest customer message they were ranked for; absent before the customer wrote.
    std::optional<core::MessageId> message;
    std::vector<ArticleView> articles;
};

// POST /api/knowledge/articles, PUT /api/knowledge/articles/{article}
struct ArticleWrite {
    std::string title;
    std::string body;
    std::vector<std::string> tags;
    std::set<core::QueueId> queues;
    std::optional<core::ArticleStatus> status;
    std::optional<std::string> link;
};

// DELETE /api/knowledge/articles/{article}, DELETE /api/outages/{outage}
struct Deleted {
    std::uint64_t id = 0;
    bool deleted = true;
};

struct OutageView : core::Outage {
    // Started and not yet over.
    bool current = false;
};

// GET /api/outages
struct OutageList {
    std::vector<OutageView> outages;
};

// POST /api/outages, PUT /api/outages/{outage}
struct OutageWrite {
    std::string title;
    std::string service;
    core::Timestamp starts_at = 0;
    core::Timestamp expected_end = 0;
    std::set<core::QueueId> greet_queues;
};

}  // namespace parley::protocol::rest
