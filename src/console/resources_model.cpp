#include "console/resources_model.h"

#include "console/admin_requests.h"
#include "console/api_calls.h"
#include "console/view_model.h"

#include <algorithm>

namespace parley::console {

namespace {

const ArticleRow* find_article(const std::vector<ArticleRow>& articles, std::uint64_t id) {
    const auto found = std::find_if(articles.begin(), articles.end(),
                                    [id](const ArticleRow& row) { return row.id == id; });
    return found == articles.end() ? nullptr : &*found;
}

}  // namespace

std::string suggestions_key(const ChatView& chat) {
    return chat.id + ":" + std::to_string(chat.last_customer_message.value_or(0));
}

ResourcesView build_resources_view(const ApiCalls& api, const UiState& ui, const ChatView* chat) {
    ResourcesView view;
    view.outages = outages_of(api.result(kOutages));
    const ApiResult* suggestions = api.result(kSuggestions);
    if (chat) {
        view.chat = chat->id;
        if (const auto draft = ui.drafts.find(chat->id); draft != ui.drafts.end()) {
            view.draft = draft->second.text;
        }
        const bool for_this_chat = suggestions_chat(suggestions) == chat->id;
        view.suggestions_loading = (suggestions && suggestions->pending) || !for_this_chat;
        if (for_this_chat) {
            view.suggestions = articles_of(suggestions);
        }
    }
    const ApiResult* search = api.result(kSearchArticles);
    view.searched = ui.resources.searched;
    view.search_loading = search && search->pending;
    view.results = articles_of(search);
    for (const ApiResult* result : {suggestions, search}) {
        const CallOutcome outcome = outcome_of(result);
        if (!outcome.problem.empty()) {
            view.problem = outcome.problem;
        }
    }
    if (const auto id = ui.resources.preview) {
        const ArticleRow* shown = find_article(view.suggestions, *id);
        shown = shown ? shown : find_article(view.results, *id);
        if (shown) {
            view.preview = *shown;
        }
    }
    return view;
}

}  // namespace parley::console
