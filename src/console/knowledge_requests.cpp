#include "console/knowledge_requests.h"

#include "console/api_calls.h"
#include "console/api_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>

namespace parley::console {

namespace {

// Query text as the URL needs it: unreserved bytes as they are, every other byte as %XX.
std::string percent_encoded(std::string_view text) {
    constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xF];
        }
    }
    return out;
}

std::vector<core::QueueId> queues_at(const nlohmann::json& object, const char* key) {
    std::vector<core::QueueId> out;
    const auto found = object.find(key);
    if (found != object.end() && found->is_array()) {
        for (const nlohmann::json& queue : *found) {
            if (queue.is_number_unsigned()) {
                out.push_back(queue.get<core::QueueId>());
            }
        }
    }
    return out;
}

std::uint64_t id_at(const nlohmann::json& object) {
    const auto found = object.find("id");
    return found != object.end() && found->is_number_unsigned() ? found->get<std::uint64_t>() : 0;
}

std::vector<std::string> tags_of(const std::string& typed) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= typed.size()) {
        const std::size_t comma = std::min(typed.find(',', start), typed.size());
        const std::string tag = typed.substr(start, comma - start);
        const std::size_t first = tag.find_first_not_of(' ');
        if (first != std::string::npos) {
            out.push_back(tag.substr(first, tag.find_last_not_of(' ') - first + 1));
        }
        start = comma + 1;
    }
    return out;
}

}  // namespace

std::string suggestions_path(const core::ChatId& chat) {
    return "/api/knowledge/suggestions?chat=" + percent_encoded(chat);
}

std::string search_path(std::string_view query) {
    return "/api/knowledge/articles?limit=10&q=" + percent_encoded(query);
}

std::string article_path(std::uint64_t id) {
    return "/api/knowledge/articles/" + std::to_string(id);
}

std::string outage_path(std::uint64_t id) {
    return "/api/outages/" + std::to_string(id);
}

std::string article_body(const ArticleForm& form) {
    return nlohmann::json{{"title", form.title},
                          {"body", form.body},
                          {"tags", tags_of(form.tags)},
                          {"queues", form.queues},
                          {"status", form.published ? "published" : "draft"},
                          {"link", form.link}}
        .dump();
}

std::string outage_body(const OutageForm& form, core::Timestamp now) {
    const core::Timestamp starts_at = now + form.starts_in * core::kMinute;
    return nlohmann::json{{"title", form.title},
                          {"service", form.service},
                          {"starts_at", starts_at},
                          {"expected_end", starts_at + form.lasts * core::kMinute},
                          {"greet_queues", form.greet_queues}}
        .dump();
}

std::vector<ArticleRow> articles_of(const ApiResult* result) {
    std::vector<ArticleRow> out;
    const nlohmann::json body = body_of(result);
    if (!body.is_object() || !body.contains("articles") || !body["articles"].is_array()) {
        return out;
    }
    for (const nlohmann::json& article : body["articles"]) {
        ArticleRow row;
        row.id = id_at(article);
        row.title = text_at(article, "title");
        row.body = text_at(article, "body");
        row.snippet = text_at(article, "snippet");
        if (const auto tags = article.find("tags"); tags != article.end() && tags->is_array()) {
            for (const nlohmann::json& tag : *tags) {
                if (tag.is_string()) {
                    row.tags.push_back(tag.get<std::string>());
                }
            }
        }
        row.queues = queues_at(article, "queues");
        row.published = text_at(article, "status") == "published";
        row.link = text_at(article, "link");
        row.updated_at = time_at(article, "updated_at");
        out.push_back(std::move(row));
    }
    return out;
}

std::optional<core::ChatId> suggestions_chat(const ApiResult* result) {
    const nlohmann::json body = body_of(result);
    if (!body.is_object()) {
        return std::nullopt;
    }
    return text_at(body, "chat");
}

std::vector<OutageRow> outages_of(const ApiResult* result) {
    std::vector<OutageRow> out;
    const nlohmann::json body = body_of(result);
    if (!body.is_object() || !body.contains("outages") || !body["outages"].is_array()) {
        return out;
    }
    for (const nlohmann::json& outage : body["outages"]) {
        out.push_back({id_at(outage), text_at(outage, "title"), text_at(outage, "service"),
                       time_at(outage, "starts_at"), time_at(outage, "expected_end"),
                       queues_at(outage, "greet_queues"), flag_at(outage, "current")});
    }
    return out;
}

ArticleForm form_for(const ArticleRow& article) {
    ArticleForm form;
    form.open = true;
    form.id = article.id;
    form.title = article.title;
    form.body = article.body;
    for (const std::string& tag : article.tags) {
        form.tags += (form.tags.empty() ? "" : ", ") + tag;
    }
    form.queues = {article.queues.begin(), article.queues.end()};
    form.published = article.published;
    form.link = article.link;
    return form;
}

OutageForm form_for(const OutageRow& outage, core::Timestamp now) {
    OutageForm form;
    form.open = true;
    form.id = outage.id;
    form.title = outage.title;
    form.service = outage.service;
    form.starts_in = static_cast<int>((outage.starts_at - now) / core::kMinute);
    form.lasts = static_cast<int>((outage.expected_end - outage.starts_at) / core::kMinute);
    form.greet_queues = {outage.greet_queues.begin(), outage.greet_queues.end()};
    return form;
}

}  // namespace parley::console
