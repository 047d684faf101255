// The All chats table: the server's chat list (GET /api/chats, served from its read model) a
// page at a time, so a supervisor pages through a year of chats the console never holds. The
// view asks for the first page whenever the filters change (search as you type) and for the
// next one when the table is scrolled to its end; a chat the replica holds is drawn from the
// replica, so a live chat's status and last message move as they change, and the first page is
// asked for again a few seconds after the replica changed, so new chats come in. The loaded
// rows are sorted by any column. No ImGui.
#pragma once

#include "console/api_calls.h"
#include "console/replica.h"
#include "protocol/rest/chat_bodies.h"

#include <cstdint>
#include <optional>
#include <string>
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

// Which pages the view has asked for (widget state, kept in UiState).
struct AllChatsAsked {
    std::string first;
    std::string more;
};

struct AllChatsRow {
    core::ChatId id{};
    std::string customer;
    std::string operator_name;
    std::string channel;
    std::string status;
    core::Timestamp created_at = 0;
    core::Timestamp last_message_at = 0;
    std::string last_message;
};

inline constexpr const char* kAllChatsCall = "all_chats";
inline constexpr const char* kAllChatsMoreCall = "all_chats.more";

struct AllChatsView {
    const std::vector<AllChatsRow>* rows = nullptr;
    // The first page's path for the filters as they are, and the next page's, if there is one.
    std::string first_page;
    std::optional<std::string> next_page;
    // Ask for the first page again: the replica changed since it came.
    bool refresh = false;
    bool loading = false;
    // Why the last page did not come.
    std::string problem;
};

// GET /api/chats for the filters, `from` rounded down to the minute so the path stays the same
// while the agent looks.
std::string all_chats_path(const AllChatsQuery& query, core::Timestamp now);

class AllChats {
public:
    const AllChatsView& view(const Replica& replica, const ApiCalls* api,
                             const AllChatsQuery& query, const AllChatsAsked& asked,
                             core::Timestamp now);

private:
    void take_first(const ApiResult& result, const std::string& path, core::Timestamp now);
    void take_more(const ApiResult& result, const std::string& path);

    AllChatsView view_;
    std::vector<AllChatsRow> rows_;
    // The server's rows, newest first, and which first page they continue.
    std::vector<protocol::rest::ChatRow> loaded_;
    std::string listed_;
    std::optional<std::string> next_cursor_;
    std::string problem_;
    core::Timestamp answered_at_ = 0;
    std::uint64_t first_generation_ = 0;
    std::uint64_t more_generation_ = 0;
    // What the rows were built from.
    std::optional<std::uint64_t> built_version_;
    AllChatsQuery built_query_;
    bool stale_rows_ = true;
    std::optional<std::uint64_t> answered_version_;
};

}  // namespace parley::console
