// The knowledge base's and outage notices' REST calls (see server/README.md, Knowledge base)
// and their answers read into plain values for the Resources panel and the admin screens.
// No ImGui.
#pragma once

#include "console/resources_state.h"
#include "core/ids.h"
#include "protocol/rest/knowledge_bodies.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

struct ApiResult;

// Purposes under which the calls go out; the latest answer to each is kept.
inline constexpr const char* kSuggestions = "knowledge.suggestions";
inline constexpr const char* kSearchArticles = "knowledge.search";
inline constexpr const char* kOutages = "knowledge.outages";
inline constexpr const char* kArticleList = "knowledge.list";
inline constexpr const char* kSaveArticle = "knowledge.save";
inline constexpr const char* kDeleteArticle = "knowledge.delete";
inline constexpr const char* kSaveOutage = "outages.save";
inline constexpr const char* kDeleteOutage = "outages.delete";

struct ArticleRow {
    std::uint64_t id = 0;
    std::string title;
    std::string body;
    std::string snippet;
    std::vector<std::string> tags;
    std::vector<core::QueueId> queues;
    bool published = true;
    std::string link;
    core::Timestamp updated_at = 0;
};

using OutageRow = protocol::rest::OutageView;

std::string suggestions_path(const core::ChatId& chat);
std::string search_path(std::string_view query);
std::string article_path(std::uint64_t id);
std::string outage_path(std::uint64_t id);
// POST or PUT bodies from the admin forms; `now` turns the outage's minutes into times.
std::string article_body(const ArticleForm& form);
std::string outage_body(const OutageForm& form, core::Timestamp now);

// The articles of a search, suggestions or list answer (none when it is not a good one).
std::vector<ArticleRow> articles_of(const ApiResult* result);
// The chat a suggestions answer is for.
std::optional<core::ChatId> suggestions_chat(const ApiResult* result);
std::vector<OutageRow> outages_of(const ApiResult* result);

// The form filled from a listed article or outage, for editing.
ArticleForm form_for(const ArticleRow& article);
OutageForm form_for(const OutageRow& outage, core::Timestamp now);

}  // namespace parley::console
