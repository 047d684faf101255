#include "console/all_chats.h"

#include "core/names.h"
#include "core/queries.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace parley::console {

namespace {

AllChatsRow row_for(const core::State& state, const core::Chat& chat) {
    AllChatsRow row;
    row.id = chat.id;
    const auto customer = state.customers.find(chat.customer);
    row.customer = customer != state.customers.end() ? std::string_view(customer->second.name)
                                                     : std::string_view(chat.customer);
    if (chat.last_assignee) {
        const core::Agent* agent = state.find_agent(*chat.last_assignee);
        row.operator_name =
            agent ? std::string_view(agent->profile.name) : std::string_view(*chat.last_assignee);
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

// The ids matching the query: its search text in the customer, the operator or the content.
std::vector<core::ChatId> matching(const core::State& state, const AllChatsQuery& query,
                                   core::Timestamp now) {
    core::ChatFilter filter;
    filter.status = query.status;
    filter.channel = query.channel;
    if (query.within > 0) {
        filter.from = now - query.within;
    }
    if (query.search.empty()) {
        return core::search_chats(state, filter);
    }
    std::vector<core::ChatId> found;
    std::set<core::ChatId> seen;
    for (const auto field : {&core::ChatFilter::customer, &core::ChatFilter::operator_name,
                             &core::ChatFilter::content}) {
        core::ChatFilter one = filter;
        one.*field = query.search;
        for (const core::ChatId& id : core::search_chats(state, one)) {
            if (seen.insert(id).second) {
                found.push_back(id);
            }
        }
    }
    return found;
}

void sort_rows(std::vector<AllChatsRow>& rows, AllChatsColumn column, bool ascending) {
    const auto key = [column](const AllChatsRow& row) {
        switch (column) {
        case AllChatsColumn::customer:
            return std::tuple(row.customer, core::Timestamp{0});
        case AllChatsColumn::operator_name:
            return std::tuple(row.operator_name, core::Timestamp{0});
        case AllChatsColumn::channel:
            return std::tuple(row.channel, core::Timestamp{0});
        case AllChatsColumn::status:
            return std::tuple(row.status, core::Timestamp{0});
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

const std::vector<AllChatsRow>& AllChats::rows(const Replica& replica, const AllChatsQuery& query,
                                               core::Timestamp now) {
    if (version_ == replica.version() && query_ == query) {
        return rows_;
    }
    const core::State& state = replica.state();
    rows_.clear();
    for (const core::ChatId& id : matching(state, query, now)) {
        if (const core::Chat* chat = state.find_chat(id); chat && !chat->customer.empty()) {
            rows_.push_back(row_for(state, *chat));
        }
    }
    sort_rows(rows_, query.sort, query.ascending);
    version_ = replica.version();
    query_ = query;
    return rows_;
}

}  // namespace parley::console
