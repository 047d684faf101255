#include "console/views/all_chats_view.h"

#include "console/chat_key.h"
#include "console/format.h"
#include "console/theme.h"
#include "console/views/widgets.h"
#include "core/names.h"

#include <imgui.h>

#include <string>

namespace parley::console {

namespace {

struct Age {
    const char* label;
    core::Duration within;
};

constexpr Age kAges[] = {{"Any time", 0},
                         {"Last 24 hours", core::kDay},
                         {"Last 7 days", 7 * core::kDay},
                         {"Last 30 days", 30 * core::kDay}};

// A combo of "Any …" and every value of an enum; returns true when the choice changed.
template <typename E>
bool enum_filter(const std::string& name, const char* any, std::optional<E>& value,
                 FrameOutput& out) {
    bool changed = false;
    const std::string shown = value ? std::string(core::to_string(*value)) : any;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::BeginCombo(("##" + name).c_str(), shown.c_str())) {
        if (ImGui::Selectable(any, !value)) {
            value.reset();
            changed = true;
        }
        for (std::size_t i = 0; i < core::EnumNames<E>::names.size(); ++i) {
            const E option = static_cast<E>(i);
            const std::string option_name(core::to_string(option));
            if (ImGui::Selectable(option_name.c_str(), value == option)) {
                value = option;
                changed = true;
            }
            out.publish("all_chats." + name + "/" + option_name, option_name);
        }
        ImGui::EndCombo();
    }
    out.publish("all_chats." + name, shown);
    return changed;
}

void draw_filters(UiState& ui, const AllChatsView& view, FrameOutput& out) {
    AllChatsQuery& query = ui.all_chats;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    input_text("##search", query.search);
    out.publish("all_chats.search", "Search customer, operator or content");
    if (query.search.empty()) {
        ImGui::SameLine(ImGui::GetStyle().ItemSpacing.x + ImGui::GetStyle().FramePadding.x * 2);
        ImGui::TextDisabled("Search customer, operator or content");
    }
    ImGui::SameLine(ImGui::GetFontSize() * 19.0f);
    enum_filter("status", "Any status", query.status, out);
    ImGui::SameLine();
    enum_filter("channel", "Any channel", query.channel, out);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    const char* age = kAges[0].label;
    for (const Age& option : kAges) {
        if (option.within == query.within) {
            age = option.label;
        }
    }
    if (ImGui::BeginCombo("##age", age)) {
        for (const Age& option : kAges) {
            if (ImGui::Selectable(option.label, option.within == query.within)) {
                query.within = option.within;
            }
        }
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    const std::size_t count = view.rows ? view.rows->size() : 0;
    std::string shown = std::to_string(count) + (count == 1 ? " chat" : " chats");
    if (view.next_page) {
        shown += ", more as you scroll";
    }
    if (view.loading) {
        shown = "Searching…";
    }
    ImGui::TextDisabled("%s", shown.c_str());
    out.publish("all_chats.count", shown);
    if (!view.problem.empty()) {
        coloured_wrapped(theme::kBad, view.problem.c_str());
        out.publish("all_chats.problem", view.problem);
    }
}

// The first page whenever the filters change (or the replica did, a while after it came).
void ask_first_page(const AllChatsView& view, UiState& ui, FrameOutput& out) {
    if (ui.all_chats_asked.first != view.first_page || view.refresh) {
        out.call(kAllChatsCall, "GET", view.first_page);
        ui.all_chats_asked.first = view.first_page;
    }
}

// The table's last row: the next page is asked for as soon as it comes into sight (or is
// clicked, for the keyboard).
void draw_more_row(const AllChatsView& view, UiState& ui, FrameOutput& out) {
    if (!view.next_page) {
        return;
    }
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const bool asked = ui.all_chats_asked.more == *view.next_page;
    const bool clicked = ImGui::Selectable(asked ? "Loading more chats…" : "Load more chats", false,
                                           ImGuiSelectableFlags_SpanAllColumns);
    out.publish("all_chats.more", asked ? "Loading more chats…" : "Load more chats", !asked);
    if (!asked && (clicked || ImGui::IsItemVisible())) {
        out.call(kAllChatsMoreCall, "GET", *view.next_page);
        ui.all_chats_asked.more = *view.next_page;
    }
}

void read_sort(AllChatsQuery& query) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (specs == nullptr || !specs->SpecsDirty || specs->SpecsCount == 0) {
        return;
    }
    query.sort = static_cast<AllChatsColumn>(specs->Specs[0].ColumnUserID);
    query.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    specs->SpecsDirty = false;
}

void draw_row(const AllChatsRow& row, UiState& ui, FrameOutput& out) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const std::string key = chat_key(row.id);
    const std::string label = row.customer + "##" + key;
    if (ImGui::Selectable(label.c_str(), ui.selected == row.id,
                          ImGuiSelectableFlags_SpanAllColumns)) {
        ui.open_chat(row.id);
        ui.workspace = Workspace::desk;
    }
    out.publish("all_chats.row/" + key, row.customer);
    ImGui::TableNextColumn();
    plain_text(row.operator_name.empty() ? std::string_view("—")
                                         : std::string_view(row.operator_name));
    ImGui::TableNextColumn();
    plain_text(row.channel);
    ImGui::TableNextColumn();
    plain_text(row.status);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_date_time(row.created_at).c_str());
    ImGui::TableNextColumn();
    if (row.last_message_at != 0) {
        ImGui::TextDisabled("%s", format_clock(row.last_message_at).c_str());
        ImGui::SameLine();
        plain_text(std::string_view(row.last_message).substr(0, row.last_message.find('\n')));
    }
}

}  // namespace

void draw_all_chats(const ConsoleViewModel& model, UiState& ui, FrameOutput& out) {
    if (!model.all_chats) {
        return;
    }
    const AllChatsView& view = *model.all_chats;
    ask_first_page(view, ui, out);
    const std::vector<AllChatsRow> none;
    const std::vector<AllChatsRow>& rows = view.rows ? *view.rows : none;
    draw_filters(ui, view, out);
    constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollY |
                                       ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                       ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable("all-chats", 6, kFlags)) {
        return;
    }
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("Customer", ImGuiTableColumnFlags_WidthStretch, 1.2f,
                            static_cast<ImGuiID>(AllChatsColumn::customer));
    ImGui::TableSetupColumn("Operator", ImGuiTableColumnFlags_WidthStretch, 1.0f,
                            static_cast<ImGuiID>(AllChatsColumn::operator_name));
    ImGui::TableSetupColumn("Channel", ImGuiTableColumnFlags_WidthStretch, 0.6f,
                            static_cast<ImGuiID>(AllChatsColumn::channel));
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 0.8f,
                            static_cast<ImGuiID>(AllChatsColumn::status));
    ImGui::TableSetupColumn("Created",
                            ImGuiTableColumnFlags_WidthStretch | ImGuiTableColumnFlags_DefaultSort |
                                ImGuiTableColumnFlags_PreferSortDescending,
                            1.0f, static_cast<ImGuiID>(AllChatsColumn::created));
    ImGui::TableSetupColumn("Last message", ImGuiTableColumnFlags_WidthStretch, 2.4f,
                            static_cast<ImGuiID>(AllChatsColumn::last_message));
    ImGui::TableHeadersRow();
    read_sort(ui.all_chats);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            draw_row(rows[static_cast<std::size_t>(i)], ui, out);
        }
    }
    draw_more_row(view, ui, out);
    ImGui::EndTable();
}

}  // namespace parley::console
