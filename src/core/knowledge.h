// The knowledge base and outage notices as rules: what an article and an outage are, who may
// read or manage them, which text a chat's suggestions are ranked against, and how people's
// words (English and Russian) become search terms. Articles and outages are reference content
// kept by the server beside the event log, not events; the server's store ranks, the rules
// here decide. Standard library only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"
#include "core/model.h"
#include "core/names.h"
#include "core/rejection.h"
#include "core/state.h"

namespace parley::core {

using ArticleId = std::uint64_t;
using OutageId = std::uint64_t;

// [SECTION] Articles

enum class ArticleStatus { published, draft };

template <>
struct EnumNames<ArticleStatus> {
    static constexpr std::array<std::string_view, 2> names = {"published", "draft"};
};

struct Article {
    ArticleId id = 0;
    std::string title;
    std::string body;
    std::vector<std::string> tags;
    // Queues whose agents may use it; empty: every queue.
    std::set<QueueId> queues;
    ArticleStatus status = ArticleStatus::draft;
    // The public help-centre page, if there is one.
    std::string link;
    Timestamp updated_at = 0;
    bool operator==(const Article&) const = default;
};

inline constexpr std::size_t kArticleTitleBytes = 200;
inline constexpr std::size_t kArticleBodyBytes = 20000;
inline constexpr std::size_t kArticleTags = 20;
inline constexpr std::size_t kArticleTagBytes = 40;
inline constexpr std::size_t kArticleLinkBytes = 500;

// Admins read everything, drafts included; supervisors every published article; agents the
// published ones meant for every queue or for one of theirs. Customers and integrations none:
// the knowledge base is internal until an agent sends a piece of it.
bool may_read_article(const State& state, const Actor& actor, const Article& article);
// Staff may search the knowledge base and see outages at all.
bool may_use_knowledge(const State& state, const Actor& actor);
// Writing articles and outages is administration.
bool may_manage_knowledge(const State& state, const Actor& actor);

// What is wrong with an article an admin wants to save, if anything: title and body required,
// bounded sizes, an http(s) link, queues that exist.
std::optional<Rejection> article_problem(const State& state, const Article& article);

// [SECTION] Outages

struct Outage {
    OutageId id = 0;
    std::string title;
    // The affected service, in the customers' words ("Card payments").
    std::string service;
    Timestamp starts_at = 0;
    Timestamp expected_end = 0;
    // Queues that greet new customers with the notice.
    std::set<QueueId> greet_queues;
    Timestamp updated_at = 0;
    bool operator==(const Outage&) const = default;
};

// Started and not yet expected to be over.
bool outage_current(const Outage& outage, Timestamp now);
// Current or still to come: what agents are shown.
bool outage_listed(const Outage& outage, Timestamp now);
// A chat starting in `queue` now is greeted with the notice.
bool outage_greets(const Outage& outage, QueueId queue, Timestamp now);
// The system notice a greeted chat receives.
std::string outage_greeting(const Outage& outage);

std::optional<Rejection> outage_problem(const State& state, const Outage& outage);

// [SECTION] Search terms

// Lower-cases Latin and Cyrillic letters and folds ё into е. Every letter keeps its length in
// bytes, so an offset into the folded text is an offset into the original.
std::string fold_for_search(std::string_view text);

// The words of `text` worth searching for: folded, stop-words (English and Russian) dropped,
// each cut to a stem that is matched as a prefix, so "refunds" finds "refund" and "платежа"
// finds "платёж". Distinct, in the order they first appear, at most kMaxSearchTerms.
std::vector<std::string> search_terms(std::string_view text);
inline constexpr std::size_t kMaxSearchTerms = 32;

// About `max_bytes` of `body` around the first place a term occurs (the start when none does),
// cut at spaces, with "…" where text was left out.
std::string snippet(std::string_view body, const std::vector<std::string>& terms,
                    std::size_t max_bytes = 180);

// [SECTION] Suggestions

// How many of the customer's latest messages suggestions are ranked against: the question as
// it develops, not the greeting at the start of a long chat.
inline constexpr std::size_t kSuggestionMessages = 3;

// The text a chat's suggestions are ranked against: its latest customer messages, oldest first.
std::string suggestion_text(const Chat& chat);
// The latest customer message, which changes exactly when the suggestions may.
std::optional<MessageId> latest_customer_message(const Chat& chat);

}  // namespace parley::core
