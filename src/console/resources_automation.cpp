#include "console/resources_automation.h"

namespace parley::console {

namespace {

nlohmann::json articles_json(const std::vector<ArticleRow>& articles) {
    auto out = nlohmann::json::array();
    for (const ArticleRow& article : articles) {
        out.push_back({{"id", article.id}, {"title", article.title}, {"link", article.link}});
    }
    return out;
}

}  // namespace

nlohmann::json resources_json(const ResourcesView& view) {
    auto outages = nlohmann::json::array();
    for (const OutageRow& outage : view.outages) {
        outages.push_back({{"id", outage.id},
                           {"service", outage.service},
                           {"title", outage.title},
                           {"current", outage.current}});
    }
    nlohmann::json out = {{"outages", outages},
                          {"suggestions", articles_json(view.suggestions)},
                          {"suggestions_loading", view.suggestions_loading},
                          {"searched", view.searched},
                          {"results", articles_json(view.results)},
                          {"problem", view.problem},
                          {"draft", view.draft}};
    if (view.preview) {
        out["preview"] = {
            {"id", view.preview->id}, {"title", view.preview->title}, {"body", view.preview->body}};
    }
    return out;
}

}  // namespace parley::console
