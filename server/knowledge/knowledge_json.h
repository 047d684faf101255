// Articles and outages on the REST API, as bodies of the contract
// (src/protocol/rest/knowledge_bodies.h): how they are answered, and what a request body
// asks for (types and sizes checked by the decoder; the core's article_problem /
// outage_problem judge the rest).
#pragma once

#include <optional>
#include <string>

#include "core/knowledge.h"
#include "protocol/rest/knowledge_bodies.h"
#include "server/rest/call.h"

namespace parley::server::knowledge {

// The article with a snippet when it is not empty.
protocol::rest::ArticleView article_view(const core::Article& article,
                                         const std::string& snippet = {});
protocol::rest::OutageView outage_view(const core::Outage& outage, core::Timestamp now);

// The article a POST or PUT body describes (id and updated_at are the caller's to set), or a
// 400 answer and nothing.
std::optional<core::Article> read_article(rest::Call& call);
std::optional<core::Outage> read_outage(rest::Call& call);

// The path segment named `noun` ("{article}") as an id, or a 404 answer (`code`) and nothing.
std::optional<std::uint64_t> id_param(rest::Call& call, const char* code, const char* noun);

}  // namespace parley::server::knowledge
