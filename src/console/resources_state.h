// Widget state of the Resources panel and the admin Knowledge and Outages screens: what was
// typed and chosen, and what was last asked of the server, so a call goes out once per change
// rather than once per frame.
#pragma once

#include "core/ids.h"

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace parley::console {

struct ResourcesState {
    // "<chat>:<latest customer message>" the suggestions were last asked for.
    std::string suggestions_for;
    std::string query;
    // The query last sent.
    std::string searched;
    // The article shown in the preview.
    std::optional<std::uint64_t> preview;
    // When the outages were last asked for (monotonic seconds).
    std::optional<double> outages_asked;
};

// The article being created (id 0) or edited on the admin Knowledge screen.
struct ArticleForm {
    bool open = false;
    std::uint64_t id = 0;
    std::string title;
    std::string body;
    // Comma-separated, as typed.
    std::string tags;
    std::set<core::QueueId> queues;
    bool published = true;
    std::string link;
    bool confirm_delete = false;
};

struct OutageForm {
    bool open = false;
    std::uint64_t id = 0;
    std::string title;
    std::string service;
    // Minutes from now, as typed: start (negative: already started) and duration.
    int starts_in = 0;
    int lasts = 120;
    std::set<core::QueueId> greet_queues;
    bool confirm_delete = false;
};

struct KnowledgeAdminState {
    ArticleForm article;
    OutageForm outage;
    // The lists were asked for, and after how many save and delete answers: each new answer
    // asks again.
    bool listed = false;
    std::uint64_t article_answers = 0;
    bool outages_listed = false;
    std::uint64_t outage_answers = 0;
};

}  // namespace parley::console
