#include "console/resources_automation.h"

namespace parley::console {

namespace {

std::vector<protocol::automation::ArticleLine> article_lines(
    const std::vector<ArticleRow>& articles) {
    std::vector<protocol::automation::ArticleLine> out;
    out.reserve(articles.size());
    for (const ArticleRow& article : articles) {
        out.push_back({article.id, article.title, article.link});
    }
    return out;
}

}  // namespace

protocol::automation::ResourcesSummary resources_summary(const ResourcesView& view) {
    protocol::automation::ResourcesSummary out;
    for (const OutageRow& outage : view.outages) {
        out.outages.push_back({outage.id, outage.service, outage.title, outage.current});
    }
    out.suggestions = article_lines(view.suggestions);
    out.suggestions_loading = view.suggestions_loading;
    out.searched = view.searched;
    out.results = article_lines(view.results);
    out.problem = view.problem;
    if (view.preview) {
        out.preview = protocol::automation::ArticlePreview{view.preview->id, view.preview->title,
                                                           view.preview->body};
    }
    out.draft = view.draft;
    return out;
}

}  // namespace parley::console
