// The All chats table's rows: every chat the agent may see, searched across customer, operator
// and content (the core's search_chats), filtered by status, channel and age, and sorted by
// any column. Kept between frames and rebuilt only when the replica or the query changes, so
// 100,000 chats cost nothing per frame. No ImGui.
#pragma once

#include "console/replica.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace parley::console {

enum class AllChatsColumn { customer, operator_name, channel, status, created, last_message };

struct AllChatsQuery {
    std::string search;
    std::optional<core::ChatStatus> status;
    std::optional<core::Channel> channel;
    // Created within this long before now; 0 for any time.
    core::Duration within = 0;
    AllChatsColumn sort = AllChatsColumn::created;
    bool ascending = false;
    bool operator==(const AllChatsQuery&) const = default;
};

// Text refers into the replica; valid until its next change (the rows are rebuilt then).
struct AllChatsRow {
    core::ChatId id{};
    std::string_view customer;
    std::string_view operator_name;
    std::string_view channel;
    std::string_view status;
    core::Timestamp created_at = 0;
    core::Timestamp last_message_at = 0;
    std::string_view last_message;
};

class AllChats {
public:
    const std::vector<AllChatsRow>& rows(const Replica& replica, const AllChatsQuery& query,
                                         core::Timestamp now);

private:
    std::vector<AllChatsRow> rows_;
    std::optional<std::uint64_t> version_;
    AllChatsQuery query_;
};

}  // namespace parley::console
