// [SECTION] Outages
// [SECTION] Articles
// [SECTION] Preview and insert
// [SECTION] Requests and the column
#include "console/views/resources_panel.h"

#include "console/format.h"
#include "console/resources_model.h"
#include "console/theme.h"
#include "console/views/chat_panel.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

// Outages change seldom; a minute is soon enough for a banner.
constexpr double kOutagesEverySeconds = 60.0;

// [SECTION] Outages

std::string outage_when(const OutageRow& outage) {
    return outage.current ? "expected to end " + format_date_time(outage.expected_end) + " UTC"
                          : "from " + format_date_time(outage.starts_at) + " UTC";
}

void draw_outages(const ResourcesView& view, FrameOutput& out) {
    ImGui::TextDisabled("Outages");
    if (view.outages.empty()) {
        ImGui::TextUnformatted("No known outage.");
        return;
    }
    for (const OutageRow& outage : view.outages) {
        status_dot(outage.current ? theme::kBad : theme::kPending);
        ImGui::TextWrapped("%s: %s", outage.service.c_str(), outage.title.c_str());
        out.publish("resources.outage/" + std::to_string(outage.id),
                    outage.service + ": " + outage.title);
        ImGui::Indent();
        coloured_wrapped(theme::kMuted, outage_when(outage).c_str());
        ImGui::Unindent();
    }
}

// [SECTION] Articles

void draw_article_rows(const std::vector<ArticleRow>& articles, const char* kind, UiState& ui,
                       FrameOutput& out) {
    for (const ArticleRow& article : articles) {
        const bool shown = ui.resources.preview == article.id;
        const std::string label = article.title + "##" + kind + std::to_string(article.id);
        if (ImGui::Selectable(label.c_str(), shown)) {
            ui.resources.preview = article.id;
        }
        out.publish("resources." + std::string(kind) + "/" + std::to_string(article.id),
                    article.title);
        if (!article.snippet.empty()) {
            ImGui::Indent();
            coloured_wrapped(theme::kMuted, article.snippet.c_str());
            ImGui::Unindent();
        }
    }
}

void draw_suggestions(const ResourcesView& view, UiState& ui, FrameOutput& out) {
    ImGui::TextDisabled("Suggested for this chat");
    if (!view.chat) {
        ImGui::TextUnformatted("Open a chat to see articles for it.");
        return;
    }
    if (view.suggestions.empty()) {
        ImGui::TextUnformatted(view.suggestions_loading
                                   ? "Looking for articles…"
                                   : "No article matches the customer's words yet.");
        return;
    }
    draw_article_rows(view.suggestions, "suggestion", ui, out);
}

void draw_search(const ResourcesView& view, UiState& ui, FrameOutput& out) {
    ImGui::TextDisabled("Search the knowledge base");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 5.0f);
    const bool entered =
        input_text("##knowledge-search", ui.resources.query, ImGuiInputTextFlags_EnterReturnsTrue);
    out.publish("resources.search", "Search the knowledge base");
    ImGui::SameLine();
    const bool clicked = published_button("Search", "resources.search.go", out);
    if ((entered || clicked) && !ui.resources.query.empty()) {
        ui.resources.searched = ui.resources.query;
        out.call(kSearchArticles, "GET", search_path(ui.resources.query));
    }
    if (view.searched.empty()) {
        return;
    }
    if (view.search_loading) {
        ImGui::TextUnformatted("Searching…");
    } else if (view.results.empty()) {
        ImGui::Text("Nothing found for \"%s\".", view.searched.c_str());
    }
    draw_article_rows(view.results, "result", ui, out);
}

// [SECTION] Preview and insert

// Adds `text` to the end of the chat's draft on a line of its own and gives the composer the
// keyboard, so the agent can edit before sending.
void insert_into_draft(UiState& ui, const core::ChatId& chat, const std::string& text) {
    Draft& draft = ui.drafts[chat];
    if (!draft.text.empty() && draft.text.back() != '\n') {
        draft.text += '\n';
    }
    draft.text += text;
    ui.composer_replacement = draft.text;
    ui.focus_composer = true;
}

void draw_preview(const ResourcesView& view, UiState& ui, FrameOutput& out) {
    if (!view.preview) {
        ImGui::TextDisabled("Choose an article to read it here.");
        return;
    }
    const ArticleRow& article = *view.preview;
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextWrapped("%s", article.title.c_str());
    ImGui::PopStyleColor();
    out.publish("resources.preview", article.title);
    std::string tags;
    for (const std::string& tag : article.tags) {
        tags += (tags.empty() ? "" : ", ") + tag;
    }
    if (!tags.empty()) {
        ImGui::TextDisabled("Tags: %s", tags.c_str());
    }
    ActionState insert{core::ChatAction::post_agent_message, view.chat.has_value(),
                       view.chat ? "" : "Open a chat to insert into its composer."};
    if (action_button("Insert text", insert, "resources.insert_text", out) && view.chat) {
        insert_into_draft(ui, *view.chat, article.body);
    }
    ImGui::SameLine();
    ActionState link = insert;
    if (article.link.empty()) {
        link.allowed = false;
        link.reason = "This article has no public help-centre page.";
    }
    if (action_button("Insert link", link, "resources.insert_link", out) && view.chat) {
        insert_into_draft(ui, *view.chat, article.title + ": " + article.link);
    }
    ImGui::Separator();
    ImGui::BeginChild("article-body", ImVec2(0, 0), false);
    ImGui::TextWrapped("%s", article.body.c_str());
    ImGui::EndChild();
}

void draw_resources(const ResourcesView& view, UiState& ui, FrameOutput& out) {
    // The lists scroll above a preview that keeps the lower part, so the article being read
    // and its Insert buttons stay in view however many articles are listed.
    const float height = ImGui::GetContentRegionAvail().y;
    const float lists =
        view.preview ? height * 0.55f : height - ImGui::GetFrameHeightWithSpacing() * 1.5f;
    ImGui::BeginChild("resources-lists", ImVec2(0, lists), false);
    draw_outages(view, out);
    ImGui::Separator();
    draw_suggestions(view, ui, out);
    ImGui::Separator();
    draw_search(view, ui, out);
    if (!view.problem.empty()) {
        coloured_wrapped(theme::kBad, view.problem.c_str());
    }
    ImGui::EndChild();
    ImGui::Separator();
    draw_preview(view, ui, out);
}

}  // namespace

// [SECTION] Requests and the column

void request_resources(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    ResourcesState& state = ui.resources;
    if (!state.outages_asked || model.seconds - *state.outages_asked > kOutagesEverySeconds) {
        state.outages_asked = model.seconds;
        out.call(kOutages, "GET", "/api/outages");
    }
    if (model.chat) {
        const std::string key = suggestions_key(*model.chat);
        if (key != state.suggestions_for) {
            state.suggestions_for = key;
            out.call(kSuggestions, "GET", suggestions_path(model.chat->id));
        }
    }
}

void draw_side_column(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!ImGui::BeginTabBar("side")) {
        return;
    }
    // Low tabs: the Customer tab's actions run long for supervisors and must stay on screen.
    const auto tab = [](const char* label) {
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                            ImVec2(ImGui::GetStyle().FramePadding.x, 1.0f));
        const bool open = ImGui::BeginTabItem(label);
        ImGui::PopStyleVar();
        return open;
    };
    const bool customer = tab("Customer");
    out.publish("side.customer", "Customer");
    if (customer) {
        if (model.chat) {
            draw_chat_panel(*model.chat, ui, out);
        } else {
            ImGui::TextDisabled("Customer and chat details show here.");
        }
        ImGui::EndTabItem();
    }
    const std::size_t suggested = model.resources ? model.resources->suggestions.size() : 0;
    const std::string label = (suggested > 0 ? "Resources (" + std::to_string(suggested) + ")"
                                             : std::string("Resources")) +
                              "###resources";
    const bool resources = tab(label.c_str());
    out.publish("side.resources", "Resources");
    if (resources) {
        if (model.resources) {
            draw_resources(*model.resources, ui, out);
        }
        ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
}

void draw_outage_banner(const ConsoleViewModel& model, FrameOutput& out) {
    if (!model.resources) {
        return;
    }
    constexpr float kPad = 6.0f;
    const ImVec4 background(0.38f, 0.26f, 0.08f, 1.0f);
    for (const OutageRow& outage : model.resources->outages) {
        if (!outage.current) {
            continue;
        }
        const std::string text =
            "Outage: " + outage.service + " — " + outage.title + " (" + outage_when(outage) + ")";
        const float width = ImGui::GetContentRegionAvail().x;
        const ImVec2 size = ImGui::CalcTextSize(text.c_str(), nullptr, false, width - 2 * kPad);
        const ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(at,
                                                  ImVec2(at.x + width, at.y + size.y + 2 * kPad),
                                                  ImGui::GetColorU32(background), 3.0f);
        ImGui::SetCursorScreenPos(ImVec2(at.x + kPad, at.y + kPad));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width - 2 * kPad);
        ImGui::TextUnformatted(text.c_str());
        ImGui::PopTextWrapPos();
        out.publish("outage.banner/" + std::to_string(outage.id), text);
        ImGui::Dummy(ImVec2(0, kPad));
    }
}

}  // namespace parley::console
