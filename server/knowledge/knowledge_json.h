// Articles and outages on the REST API: their JSON, and reading them from a request body
// (types and sizes checked there; the core's article_problem / outage_problem judge the rest).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/knowledge.h"
#include "server/rest/call.h"

namespace parley::server::knowledge {

// id, title, body, tags, queues, status, link, updated_at; `snippet` when not empty.
nlohmann::json article_json(const core::Article& article, const std::string& snippet = {});
nlohmann::json outage_json(const core::Outage& outage, core::Timestamp now);

// The article a POST or PUT body describes (id and updated_at are the caller's to set), or a
// 400 answer and nothing.
std::optional<core::Article> read_article(rest::Call& call, const nlohmann::json& body);
std::optional<core::Outage> read_outage(rest::Call& call, const nlohmann::json& body);

// The {id} path segment as an id, or a 404 answer (`code`, naming the `noun`) and nothing.
std::optional<std::uint64_t> id_param(rest::Call& call, const char* code, const char* noun);

}  // namespace parley::server::knowledge
