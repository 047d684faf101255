// Article and outage JSON for the REST routes.
#include "server/knowledge/knowledge_json.h"

#include <algorithm>
#include <charconv>

#include "server/rest/request_fields.h"

namespace parley::server::knowledge {
namespace {

using rest::BodyReader;
using rest::Need;

// A list of queue ids, or a problem recorded on the reader.
std::set<core::QueueId> queue_set(BodyReader& reader, const char* name) {
    std::set<core::QueueId> out;
    const nlohmann::json* queues = reader.any(name, Need::optional);
    if (!queues) {
        return out;
    }
    const bool ids = queues->is_array() && queues->size() <= 100 &&
                     std::all_of(queues->begin(), queues->end(),
                                 [](const nlohmann::json& q) { return q.is_number_unsigned(); });
    if (!ids) {
        reader.problem("wrong_type",
                       std::string("The field ") + name + " must be a list of queue ids.");
        return out;
    }
    for (const nlohmann::json& queue : *queues) {
        out.insert(queue.get<core::QueueId>());
    }
    return out;
}

}  // namespace

nlohmann::json article_json(const core::Article& article, const std::string& snippet) {
    nlohmann::json out = {{"id", article.id},         {"title", article.title},
                          {"body", article.body},     {"tags", article.tags},
                          {"queues", article.queues}, {"status", core::to_string(article.status)},
                          {"link", article.link},     {"updated_at", article.updated_at}};
    if (!snippet.empty()) {
        out["snippet"] = snippet;
    }
    return out;
}

nlohmann::json outage_json(const core::Outage& outage, core::Timestamp now) {
    return {{"id", outage.id},
            {"title", outage.title},
            {"service", outage.service},
            {"starts_at", outage.starts_at},
            {"expected_end", outage.expected_end},
            {"greet_queues", outage.greet_queues},
            {"current", core::outage_current(outage, now)},
            {"updated_at", outage.updated_at}};
}

std::optional<core::Article> read_article(rest::Call& call, const nlohmann::json& body) {
    BodyReader reader(call, body);
    const auto title = reader.text("title", Need::required, core::kArticleTitleBytes);
    const auto text = reader.text("body", Need::required, core::kArticleBodyBytes);
    const auto tags = reader.texts("tags", Need::optional, core::kArticleTags);
    const auto status_name = reader.text("status", Need::optional);
    const auto link = reader.text("link", Need::optional, core::kArticleLinkBytes);
    std::set<core::QueueId> queues = queue_set(reader, "queues");
    const auto status = core::parse_article_status(status_name.value_or(std::string("published")));
    if (!status) {
        reader.problem("invalid_value", "The field status must be published or draft.");
    }
    if (!reader.ok()) {
        return std::nullopt;
    }
    core::Article article;
    article.title = *title;
    article.body = *text;
    article.tags = tags.value_or(std::vector<std::string>{});
    article.queues = std::move(queues);
    article.status = *status;
    article.link = link.value_or("");
    return article;
}

std::optional<core::Outage> read_outage(rest::Call& call, const nlohmann::json& body) {
    BodyReader reader(call, body);
    const auto title = reader.text("title", Need::required);
    const auto service = reader.text("service", Need::required);
    const auto starts_at = reader.integer("starts_at", Need::required);
    const auto expected_end = reader.integer("expected_end", Need::required);
    std::set<core::QueueId> greet = queue_set(reader, "greet_queues");
    if (!reader.ok()) {
        return std::nullopt;
    }
    core::Outage outage;
    outage.title = *title;
    outage.service = *service;
    outage.starts_at = *starts_at;
    outage.expected_end = *expected_end;
    outage.greet_queues = std::move(greet);
    return outage;
}

std::optional<std::uint64_t> id_param(rest::Call& call, const char* code, const char* noun) {
    const std::string& text = call.params["id"];
    std::uint64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (error != std::errc() || end != text.data() + text.size() || id == 0) {
        call.fail(boost::beast::http::status::not_found, code,
                  "There is no such " + std::string(noun) + ".");
        return std::nullopt;
    }
    return id;
}

}  // namespace parley::server::knowledge
