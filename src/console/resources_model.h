// What the Resources panel and the outage banner read: the current and upcoming outages, the
// open chat's suggested articles, the search results and the article in the preview, from the
// latest REST answers, plus the open chat's composer text that Insert adds to. No ImGui.
#pragma once

#include "console/knowledge_requests.h"
#include "console/ui_state.h"

#include <optional>
#include <string>
#include <vector>

namespace parley::console {

class ApiCalls;
struct ChatView;

struct ResourcesView {
    std::vector<OutageRow> outages;
    // The open chat, if any.
    std::optional<core::ChatId> chat;
    // Suggestions for the open chat: asked for and not yet answered for it.
    bool suggestions_loading = false;
    std::vector<ArticleRow> suggestions;
    std::string searched;
    bool search_loading = false;
    std::vector<ArticleRow> results;
    // Why the last suggestions or search call failed, in the server's words.
    std::string problem;
    std::optional<ArticleRow> preview;
    // A copy: the composer edits the draft during the frame, after this view was built.
    std::string draft;
};

ResourcesView build_resources_view(const ApiCalls& api, const UiState& ui, const ChatView* chat);

// The key suggestions are asked for under: the chat and its latest customer message, so they
// follow the customer's words and nothing else.
std::string suggestions_key(const ChatView& chat);

}  // namespace parley::console
