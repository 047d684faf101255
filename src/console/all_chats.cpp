#include "console/all_chats.h"

#include "console/api_bodies.h"
#include "core/names.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

namespace parley::console {

namespace {

constexpr int kPageSize = 100;

AllChatsRow live_row(const core::State& state, const core::Chat& chat) {
    AllChatsRow row;
    row.id = chat.id;
    const auto customer = state.customers.find(chat.customer);
    row.customer = customer != state.customers.end() ? customer->second.name : chat.customer;
    if (chat.last_assignee) {
        const core::Agent* agent = state.find_agent(*chat.last_assignee);
        row.operator_name = agent ? agent->profile.name : *chat.last_assignee;
    }
    row.channel = core::to_string(chat.channel);
    row.status = core::to_string(chat.status);
    row.created_at = chat.created_at;
    if (!chat.messages.empty()) {
        row.last_message_at = chat.messages.back().at;
        row.last_message = chat.messages.back().text;
    }
    return row;
}

AllChatsRow listed_row(const protocol::rest::ChatRow& listed) {
    AllChatsRow row;
    row.id = listed.id;
    row.customer = listed.customer_name;
    row.operator_name = listed.operator_name.value_or("");
    row.channel = core::to_string(listed.channel);
    row.status = core::to_string(listed.status);
    row.created_at = listed.created_at;
    if (listed.last_message) {
        row.last_message_at = listed.last_message->at;
        row.last_message = listed.last_message->text;
    }
    return row;
}

void sort_rows(std::vector<AllChatsRow>& rows, AllChatsColumn column, bool ascending) {
    const auto key = [column](const AllChatsRow& row) {
        switch (column) {
        case AllChatsColumn::customer:
            return std::tuple(std::string_view(row.customer), core::Timestamp{0});
        case AllChatsColumn::operator_name:
            return std::tuple(std::string_view(row.operator_name), core::Timestamp{0});
        case AllChatsColumn::channel:
            return std::tuple(std::string_view(row.channel), core::Timestamp{0});
        case AllChatsColumn::status:
            return std::tuple(std::string_view(row.status), core::Timestamp{0});
        case AllChatsColumn::created:
            return std::tuple(std::string_view(), row.created_at);
        case AllChatsColumn::last_message:
            return std::tuple(std::string_view(), row.last_message_at);
        }
        return std::tuple(std::string_view(), core::Timestamp{0});
    };
    std::stable_sort(rows.begin(), rows.end(), [&](const AllChatsRow& a, const AllChatsRow& b) {
        return ascending ? key(a) < key(b) : key(b) < key(a);
    });
}

}  // namespace

std::string all_chats_path(const AllChatsQuery& query, core::Timestamp now) {
    std::string path = "/api/chats?limit=" + std::to_string(kPageSize);
    if (!query.search.empty()) {
        path += "&search=" + percent_encoded(query.search);
    }
    if (query.status) {
        path += "&status=" + std::string(core::to_string(*query.status));
    }
    if (query.channel) {
        path += "&channel=" + std::string(core::to_string(*query.channel));
    }
    if (query.within > 0) {
        path += "&from=" + std::to_string((now - query.within) / core::kMinute * core::kMinute);
    }
    return path;
}

// A first page for other filters replaces the rows; the same filters asked again (new chats may
// have come) keep the pages loaded after it, from where the new first page ends.
void AllChats::take_first(const ApiResult& result, const std::string& path, core::Timestamp now) {
    const auto page = body_of<protocol::rest::ChatPage>(&result);
    if (!page) {
        problem_ = answer_problem(result, "The chat list");
        return;
    }
    problem_.clear();
    answered_at_ = now;
    stale_rows_ = true;
    std::vector<protocol::rest::ChatRow> rows = page->chats;
    std::optional<std::string> cursor = page->next_cursor;
    if (path == listed_ && !rows.empty() && cursor) {
        const core::ChatId& last = rows.back().id;
        const auto kept = std::find_if(loaded_.begin(), loaded_.end(),
                                       [&](const auto& row) { return row.id == last; });
        if (kept != loaded_.end() && kept + 1 != loaded_.end()) {
            rows.insert(rows.end(), kept + 1, loaded_.end());
            cursor = next_cursor_;
        }
    }
    loaded_ = std::move(rows);
    next_cursor_ = std::move(cursor);
    listed_ = path;
}

void AllChats::take_more(const ApiResult& result, const std::string& path) {
    if (listed_.empty() || !path.starts_with(listed_ + "&cursor=")) {
        return;
    }
    const auto page = body_of<protocol::rest::ChatPage>(&result);
    if (!page) {
        problem_ = answer_problem(result, "The chat list");
        return;
    }
    std::set<core::ChatId> known;
    for (const auto& row : loaded_) {
        known.insert(row.id);
    }
    for (const auto& row : page->chats) {
        if (!known.contains(row.id)) {
            loaded_.push_back(row);
        }
    }
    next_cursor_ = page->next_cursor;
    stale_rows_ = true;
}

const AllChatsView& AllChats::view(const Replica& replica, const ApiCalls* api,
                                   const AllChatsQuery& query, const AllChatsAsked& asked,
                                   core::Timestamp now) {
    if (const ApiResult* first =
            api ? api->answer_since(kAllChatsCall, first_generation_) : nullptr) {
        take_first(*first, asked.first, now);
        answered_version_ = replica.version();
    }
    if (const ApiResult* more =
            api ? api->answer_since(kAllChatsMoreCall, more_generation_) : nullptr) {
        take_more(*more, asked.more);
    }
    if (stale_rows_ || built_version_ != replica.version() || !(built_query_ == query)) {
        const core::State& state = replica.state();
        rows_.clear();
        rows_.reserve(loaded_.size());
        for (const auto& listed : loaded_) {
            const core::Chat* chat = state.find_chat(listed.id);
            rows_.push_back(chat && !chat->customer.empty() ? live_row(state, *chat)
                                                            : listed_row(listed));
        }
        sort_rows(rows_, query.sort, query.ascending);
        built_version_ = replica.version();
        built_query_ = query;
        stale_rows_ = false;
    }
    view_ = AllChatsView{};
    view_.rows = &rows_;
    view_.first_page = all_chats_path(query, now);
    const bool current = listed_ == view_.first_page;
    if (current && next_cursor_) {
        view_.next_page = listed_ + "&cursor=" + *next_cursor_;
    }
    const ApiResult* first = api ? api->result(kAllChatsCall) : nullptr;
    const bool waiting = first && first->pending;
    // A refresh of the rows shown is not "searching": the rows stay as they are meanwhile.
    view_.loading = !current && (waiting || problem_.empty());
    view_.refresh = current && !waiting && answered_version_ != replica.version() &&
                    now - answered_at_ >= kRereadAfter;
    view_.problem = problem_;
    return view_;
}

}  // namespace parley::console
