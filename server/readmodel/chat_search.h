// The staff chat list and search over the read model: newest first, filtered as core::ChatFilter
// says, a page at a time, with only the chats the reader may see (core::may_see_chat_as). Text
// filters use the FTS5 indexes: every word typed must begin a word of a message (content) or
// of the customer's name, contact or id (customer), folded as the knowledge search folds.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>

#include "core/actor.h"
#include "core/queries.h"
#include "protocol/rest/chat_bodies.h"
#include "server/store/sqlite_db.h"

namespace parley::server::readmodel {

struct ChatQuery {
    core::ChatFilter filter;
    std::size_t limit = 50;
    // The last chat of the previous page.
    std::optional<core::ChatId> cursor;
    // Words found in the customer (name, contact, id), the operator's name or the messages,
    // any of the three; with the filter's other conditions.
    std::string anywhere = {};
    // Exactly this customer's chats (their record), whatever their name.
    std::optional<core::CustomerId> customer_id = {};
};

// The cursor names no chat the read model knows.
struct UnknownCursor {};

std::variant<protocol::rest::ChatPage, UnknownCursor> chat_page(sqlite::Connection& db,
                                                                const core::State& directory,
                                                                const core::Actor& reader,
                                                                const ChatQuery& query);

// Whether the chat exists and `reader` may see it (core::may_see_chat_as).
bool may_read_chat(sqlite::Connection& db, const core::State& directory, const core::Actor& reader,
                   const core::ChatId& chat);

// The FTS5 query for words typed into a search field: each word a quoted prefix, all of them
// required; nothing when no word is left once folded.
std::optional<std::string> fts_query(const std::string& typed);

}  // namespace parley::server::readmodel
