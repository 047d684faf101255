#include "console/knowledge_requests.h"

#include "console/api_bodies.h"
#include "protocol/rest/knowledge_bodies.h"

#include <algorithm>

namespace parley::console {

namespace body = protocol::rest;

namespace {

ArticleRow article_row(const protocol::rest::ArticleView& article) {
    return {article.id,
            article.title,
            article.body,
            article.snippet.value_or(""),
            article.tags,
            {article.queues.begin(), article.queues.end()},
            article.status == core::ArticleStatus::published,
            article.link,
            article.updated_at};
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
    return body::encode(body::ArticleWrite{
        form.title, form.body, tags_of(form.tags), form.queues,
        form.published ? core::ArticleStatus::published : core::ArticleStatus::draft, form.link});
}

std::string outage_body(const OutageForm& form, core::Timestamp now) {
    const core::Timestamp starts_at = now + form.starts_in * core::kMinute;
    return body::encode(body::OutageWrite{form.title, form.service, starts_at,
                                          starts_at + form.lasts * core::kMinute,
                                          form.greet_queues});
}

std::vector<ArticleRow> articles_of(const ApiResult* result) {
    std::vector<body::ArticleView> articles;
    if (auto suggested = body_of<body::ArticleSuggestions>(result)) {
        articles = std::move(suggested->articles);
    } else if (auto found = body_of<body::ArticleSearch>(result)) {
        articles = std::move(found->articles);
    }
    std::vector<ArticleRow> out;
    for (const body::ArticleView& article : articles) {
        out.push_back(article_row(article));
    }
    return out;
}

std::optional<core::ChatId> suggestions_chat(const ApiResult* result) {
    const auto suggested = body_of<body::ArticleSuggestions>(result);
    return suggested ? std::optional<core::ChatId>(suggested->chat) : std::nullopt;
}

std::vector<OutageRow> outages_of(const ApiResult* result) {
    auto list = body_of<body::OutageList>(result);
    return list ? std::move(list->outages) : std::vector<OutageRow>{};
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
