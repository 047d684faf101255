#include "console/views/admin_knowledge.h"

#include "console/admin_model.h"
#include "console/api_calls.h"
#include "console/format.h"
#include "console/knowledge_requests.h"
#include "console/views/admin_form.h"
#include "console/views/widgets.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace parley::console {

namespace {

// The list is asked for when the screen first shows and again after each save or delete.
void keep_articles_listed(const ConsoleViewModel& model, KnowledgeAdminState& state,
                          FrameOutput& out) {
    const CallOutcome saved = outcome_of(model.api->result(kSaveArticle));
    const CallOutcome deleted = outcome_of(model.api->result(kDeleteArticle));
    const std::uint64_t answers = saved.generation + deleted.generation;
    if (!state.listed || answers != state.article_answers) {
        state.listed = true;
        state.article_answers = answers;
        out.call(kArticleList, "GET", "/api/knowledge/articles");
    }
}

std::string queue_names(const AdminView& admin, const std::vector<core::QueueId>& queues) {
    if (queues.empty()) {
        return "Every queue";
    }
    std::string names;
    for (const AdminQueueRow& row : admin.queues) {
        if (std::find(queues.begin(), queues.end(), row.queue->id) != queues.end()) {
            names += (names.empty() ? "" : ", ") + row.queue->config.name;
        }
    }
    return names;
}

void draw_article_list(const ConsoleViewModel& model, KnowledgeAdminState& state,
                       FrameOutput& out) {
    if (!begin_list_table("admin-knowledge", 3)) {
        return;
    }
    ImGui::TableSetupColumn("Title", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 5.0f);
    ImGui::TableSetupColumn("Queues", ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 9.0f);
    ImGui::TableHeadersRow();
    for (const ArticleRow& article : articles_of(model.api->result(kArticleList))) {
        const std::string key = std::to_string(article.id);
        ImGui::PushID(key.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        const bool selected = state.article.open && state.article.id == article.id;
        if (ImGui::Selectable(article.title.c_str(), selected)) {
            state.article = form_for(article);
        }
        out.publish("admin.article/" + key, article.title);
        ImGui::TableNextColumn();
        if (article.published) {
            ImGui::TextUnformatted("Published");
        } else {
            ImGui::TextDisabled("Draft");
        }
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(queue_names(*model.admin, article.queues).c_str());
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void draw_delete(ArticleForm& form, FrameOutput& out) {
    if (!form.id) {
        return;
    }
    ImGui::SameLine();
    if (!form.confirm_delete) {
        form.confirm_delete = published_button("Delete…", "admin.article.delete", out);
        return;
    }
    ImGui::TextUnformatted("Delete this article for good?");
    ImGui::SameLine();
    if (published_button("Delete", "admin.article.delete.confirm", out)) {
        out.call(kDeleteArticle, "DELETE", article_path(form.id));
        form = ArticleForm{};
        return;
    }
    ImGui::SameLine();
    if (published_button("Keep", "admin.article.delete.cancel", out)) {
        form.confirm_delete = false;
    }
}

void draw_article_form(const ConsoleViewModel& model, KnowledgeAdminState& state,
                       FrameOutput& out) {
    ArticleForm& form = state.article;
    form_heading(form.id ? "Edit article" : "New article");
    form_text("Title", form.title, "admin.article.title", out);
    form_label("Body");
    input_multiline("##admin.article.body", form.body,
                    ImVec2(-1, ImGui::GetTextLineHeight() * 10.0f));
    out.publish("admin.article.body", "Body");
    form_text("Tags", form.tags, "admin.article.tags", out);
    form_label("");
    ImGui::TextDisabled("Separated by commas.");
    form_text("Public link", form.link, "admin.article.link", out);
    form_label("Queues");
    ImGui::TextDisabled("None chosen: every queue's agents may use it.");
    form_queue_choices(*model.admin, form.queues, "admin.article.queue/", out);
    form_checkbox("Published", form.published, "admin.article.published", out);
    form_label("");
    ImGui::TextDisabled("Drafts are seen by admins only.");
    ImGui::Spacing();
    form_label("");
    if (published_button(form.id ? "Save changes" : "Create article", "admin.article.save", out)) {
        out.call(kSaveArticle, form.id ? "PUT" : "POST",
                 form.id ? article_path(form.id) : "/api/knowledge/articles", article_body(form));
        form = ArticleForm{};
        return;
    }
    ImGui::SameLine();
    if (published_button("Close", "admin.article.cancel", out)) {
        form = ArticleForm{};
        return;
    }
    draw_delete(form, out);
}

}  // namespace

void form_queue_choices(const AdminView& admin, std::set<core::QueueId>& chosen,
                        const std::string& item_prefix, FrameOutput& out) {
    for (const AdminQueueRow& row : admin.queues) {
        const core::QueueId id = row.queue->id;
        bool on = chosen.contains(id);
        form_label("");
        if (ImGui::Checkbox(row.queue->config.name.c_str(), &on)) {
            if (on) {
                chosen.insert(id);
            } else {
                chosen.erase(id);
            }
        }
        out.publish(item_prefix + std::to_string(id), row.queue->config.name);
    }
}

void draw_admin_knowledge(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.admin || !model.api) {
        return;
    }
    KnowledgeAdminState& state = ui.knowledge;
    keep_articles_listed(model, state, out);
    list_and_form(
        "admin-knowledge",
        [&] {
            if (published_button("New article", "admin.article.new", out)) {
                state.article = ArticleForm{};
                state.article.open = true;
            }
            answer_line(outcome_of(model.api->result(kSaveArticle)), "Article saved.");
            ImGui::Spacing();
            draw_article_list(model, state, out);
        },
        [&] { draw_article_form(model, state, out); }, state.article.open,
        "Choose an article to edit it, or write a new one.");
}

}  // namespace parley::console
