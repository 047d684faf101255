// Article and outage bodies for the REST routes.
#include "server/knowledge/knowledge_json.h"

#include <charconv>

namespace parley::server::knowledge {

namespace body = protocol::rest;

body::ArticleView article_view(const core::Article& article, const std::string& snippet) {
    body::ArticleView view;
    static_cast<core::Article&>(view) = article;
    if (!snippet.empty()) {
        view.snippet = snippet;
    }
    return view;
}

body::OutageView outage_view(const core::Outage& outage, core::Timestamp now) {
    body::OutageView view;
    static_cast<core::Outage&>(view) = outage;
    view.current = core::outage_current(outage, now);
    return view;
}

std::optional<core::Article> read_article(rest::Call& call) {
    auto write = call.body_as<body::ArticleWrite>();
    if (!write) {
        return std::nullopt;
    }
    core::Article article;
    article.title = std::move(write->title);
    article.body = std::move(write->body);
    article.tags = std::move(write->tags);
    article.queues = std::move(write->queues);
    article.status = write->status.value_or(core::ArticleStatus::published);
    article.link = write->link.value_or("");
    return article;
}

std::optional<core::Outage> read_outage(rest::Call& call) {
    auto write = call.body_as<body::OutageWrite>();
    if (!write) {
        return std::nullopt;
    }
    core::Outage outage;
    outage.title = std::move(write->title);
    outage.service = std::move(write->service);
    outage.starts_at = write->starts_at;
    outage.expected_end = write->expected_end;
    outage.greet_queues = std::move(write->greet_queues);
    return outage;
}

std::optional<std::uint64_t> id_param(rest::Call& call, const char* code, const char* noun) {
    const std::string& text = call.params[noun];
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
