// Chat list pages from the read model's tables.
#include "server/readmodel/chat_search.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <limits>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/knowledge.h"
#include "core/names.h"
#include "core/visibility.h"
#include "server/readmodel/chat_projection.h"
#include "server/readmodel/read_model_tables.h"

namespace parley::server::readmodel {
namespace {

using sqlite::Connection;
using sqlite::Query;

constexpr auto kNoCursor = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

constexpr std::string_view kColumns =
    "chat, status, channel, queue, customer, customer_name, assignee, last_assignee, sight, "
    "created_at, closed_at, last_at, last_text, last_author_kind, last_author_name, "
    "message_count, position";

// The column conditions of the filter, each bound by name, and the SQL that tests them.
struct Conditions {
    std::string sql;
    // The operator filter's agent id, or a JSON list of them.
    std::optional<std::string> operators;
};

Conditions conditions(const core::State& directory, const ChatQuery& query) {
    const core::ChatFilter& filter = query.filter;
    Conditions out;
    if (query.customer_id) {
        out.sql += " AND customer = :customer_id";
    }
    if (filter.status) {
        out.sql += " AND status = :status";
    }
    if (filter.channel) {
        out.sql += " AND channel = :channel";
    }
    if (filter.queue) {
        out.sql += " AND queue = :queue";
    }
    if (filter.from) {
        out.sql += " AND created_at >= :from";
    }
    if (filter.to) {
        out.sql += " AND created_at < :to";
    }
    if (!filter.operator_name.empty()) {
        nlohmann::json ids = nlohmann::json::array();
        for (const auto& [id, agent] : directory.agents) {
            if (core::operator_matches(directory, id, filter.operator_name)) {
                ids.push_back(id);
            }
        }
        // One agent (the usual answer to a name) walks the (last_assignee, position) index
        // newest first and stops at the page's end; a list of them is merged and sorted.
        if (ids.size() == 1) {
            out.operators = ids.front().get<std::string>();
            out.sql += " AND last_assignee = :operators";
        } else {
            out.operators = ids.dump();
            out.sql += " AND last_assignee IN (SELECT value FROM json_each(:operators))";
        }
    }
    return out;
}

void bind(Query& query, std::string_view name, const std::function<void(int)>& set) {
    if (const int index = query.parameter(name); index > 0) {
        set(index);
    }
}

void bind_conditions(Query& query, const ChatQuery& chats, const Conditions& conditions) {
    const core::ChatFilter& filter = chats.filter;
    if (chats.customer_id) {
        bind(query, ":customer_id", [&](int i) { query.bind_text(i, *chats.customer_id); });
    }
    if (filter.status) {
        bind(query, ":status", [&](int i) { query.bind_text(i, core::to_string(*filter.status)); });
    }
    if (filter.channel) {
        bind(query, ":channel",
             [&](int i) { query.bind_text(i, core::to_string(*filter.channel)); });
    }
    if (filter.queue) {
        bind(query, ":queue", [&](int i) { query.bind_uint(i, *filter.queue); });
    }
    if (filter.from) {
        bind(query, ":from", [&](int i) { query.bind_int(i, *filter.from); });
    }
    if (filter.to) {
        bind(query, ":to", [&](int i) { query.bind_int(i, *filter.to); });
    }
    if (conditions.operators) {
        bind(query, ":operators", [&](int i) { query.bind_text(i, *conditions.operators); });
    }
}

ChatProjection read_row(const Query& row) {
    ChatProjection chat;
    chat.chat = row.text_at(0);
    chat.status = core::parse<core::ChatStatus>(row.text_at(1)).value_or(core::ChatStatus::closed);
    chat.channel = core::parse<core::Channel>(row.text_at(2)).value_or(core::Channel::web);
    chat.queue = static_cast<core::QueueId>(row.uint_at(3));
    chat.customer = row.text_at(4);
    chat.customer_name = row.text_at(5);
    chat.assignee = row.optional_text_at(6);
    chat.last_assignee = row.optional_text_at(7);
    chat.sight = row.text_at(8);
    chat.created_at = row.int_at(9);
    chat.closed_at = row.optional_int_at(10);
    chat.last_at = row.optional_int_at(11);
    chat.last_text = row.text_at(12);
    chat.last_author_kind =
        core::parse<core::AuthorKind>(row.text_at(13)).value_or(core::AuthorKind::system);
    chat.last_author_name = row.text_at(14);
    chat.message_count = row.uint_at(15);
    return chat;
}

bool visible(const core::State& directory, const core::Actor& reader, const ChatProjection& chat) {
    const bool named = reader.kind == core::ActorKind::agent &&
                       chat.sight.find(" " + reader.id + " ") != std::string::npos;
    return core::may_see_chat_as(directory, reader, chat.customer, chat.status, chat.queue, named);
}

// Collects the page from candidate rows, newest first; true once it is full.
struct Page {
    std::size_t limit;
    const core::State& directory;
    protocol::rest::ChatPage page;

    bool add(const ChatProjection& chat) {
        if (page.chats.size() == limit) {
            page.next_cursor = page.chats.back().id;
            return true;
        }
        page.chats.push_back(list_row(chat, directory));
        return false;
    }
};

// The chat at `position` onto the page if it passes the filter's other conditions and the
// reader may see it; true once the page is full.
bool offer(Connection& db, const core::State& directory, const core::Actor& reader,
           const ChatQuery& query, const Conditions& conditions, std::uint64_t position,
           Page& page) {
    Query row(db, "SELECT " + std::string(kColumns) + " FROM chat_rows WHERE position = :position" +
                      conditions.sql);
    bind(row, ":position", [&](int i) { row.bind_uint(i, position); });
    bind_conditions(row, query, conditions);
    if (!row.next_row()) {
        return false;
    }
    const ChatProjection found = read_row(row);
    return visible(directory, reader, found) && page.add(found);
}

// Candidates from a text index, newest first: each distinct chat position, checked against the
// other filters by one lookup.
void from_index(Connection& db, const core::State& directory, const core::Actor& reader,
                const ChatQuery& query, const Conditions& conditions, std::uint64_t before,
                Page& page) {
    const bool by_content = !query.filter.content.empty();
    const std::optional<std::string> words =
        fts_query(by_content ? query.filter.content : query.filter.customer);
    const std::optional<std::string> customer_words = by_content && !query.filter.customer.empty()
                                                          ? fts_query(query.filter.customer)
                                                          : std::nullopt;
    if (!words || (by_content && !query.filter.customer.empty() && !customer_words)) {
        return;
    }
    const int shift = by_content ? kOrdinalBits : 0;
    Query candidates(db, by_content ? "SELECT rowid FROM message_text WHERE message_text MATCH ?1 "
                                      "AND rowid < ?2 ORDER BY rowid DESC"
                                    : "SELECT rowid FROM customer_text WHERE customer_text MATCH "
                                      "?1 AND rowid < ?2 ORDER BY rowid DESC");
    candidates.bind_text(1, *words).bind_uint(2, before == kNoCursor ? kNoCursor : before << shift);
    std::uint64_t last = 0;
    while (candidates.next_row()) {
        const std::uint64_t position = candidates.uint_at(0) >> shift;
        if (position == last) {
            continue;
        }
        last = position;
        if (customer_words) {
            Query customer(
                db, "SELECT 1 FROM customer_text WHERE customer_text MATCH ?1 AND rowid = ?2");
            customer.bind_text(1, *customer_words).bind_uint(2, position);
            if (!customer.next_row()) {
                continue;
            }
        }
        if (offer(db, directory, reader, query, conditions, position, page)) {
            return;
        }
    }
}

// One source of candidate positions, newest first, each once.
struct Stream {
    std::unique_ptr<Query> query;
    // A text index's key holds the position in its high bits.
    int shift = 0;
    std::optional<std::uint64_t> current;

    void advance() {
        const std::optional<std::uint64_t> last = current;
        current.reset();
        while (query->next_row()) {
            const std::uint64_t position = query->uint_at(0) >> shift;
            if (position != last) {
                current = position;
                return;
            }
        }
    }
};

// Candidates whose customer, operator or messages match, merged newest first from the two text
// indexes and the operator index, so a page stops reading each as soon as it is full.
void from_anywhere(Connection& db, const core::State& directory, const core::Actor& reader,
                   const ChatQuery& query, const Conditions& conditions, std::uint64_t before,
                   Page& page) {
    const std::optional<std::string> words = fts_query(query.anywhere);
    nlohmann::json operators = nlohmann::json::array();
    for (const auto& [id, agent] : directory.agents) {
        if (core::operator_matches(directory, id, query.anywhere)) {
            operators.push_back(id);
        }
    }
    std::vector<Stream> streams;
    const auto open = [&](const char* sql, int shift, const std::string& first) {
        Stream stream{std::make_unique<Query>(db, sql), shift, std::nullopt};
        stream.query->bind_text(1, first).bind_uint(
            2, before == kNoCursor ? kNoCursor : before << shift);
        stream.advance();
        streams.push_back(std::move(stream));
    };
    if (words) {
        open(
            "SELECT rowid FROM customer_text WHERE customer_text MATCH ?1 AND rowid < ?2 "
            "ORDER BY rowid DESC",
            0, *words);
        open(
            "SELECT rowid FROM message_text WHERE message_text MATCH ?1 AND rowid < ?2 "
            "ORDER BY rowid DESC",
            kOrdinalBits, *words);
    }
    if (!operators.empty()) {
        open(
            "SELECT position FROM chat_rows WHERE last_assignee IN (SELECT value FROM "
            "json_each(?1)) AND position < ?2 ORDER BY position DESC",
            0, operators.dump());
    }
    for (;;) {
        std::optional<std::uint64_t> newest;
        for (const Stream& stream : streams) {
            if (stream.current && (!newest || *stream.current > *newest)) {
                newest = stream.current;
            }
        }
        if (!newest) {
            return;
        }
        for (Stream& stream : streams) {
            if (stream.current == newest) {
                stream.advance();
            }
        }
        if (offer(db, directory, reader, query, conditions, *newest, page)) {
            return;
        }
    }
}

void from_rows(Connection& db, const core::State& directory, const core::Actor& reader,
               const ChatQuery& query, const Conditions& conditions, std::uint64_t before,
               Page& page) {
    Query rows(db, "SELECT " + std::string(kColumns) + " FROM chat_rows WHERE position < :before" +
                       conditions.sql + " ORDER BY position DESC");
    bind(rows, ":before", [&](int i) { rows.bind_uint(i, before); });
    bind_conditions(rows, query, conditions);
    while (rows.next_row()) {
        const ChatProjection found = read_row(rows);
        if (visible(directory, reader, found) && page.add(found)) {
            return;
        }
    }
}

}  // namespace

std::optional<std::string> fts_query(const std::string& typed) {
    const std::string folded = core::fold_for_search(typed);
    std::string query;
    std::string word;
    const auto finish_word = [&] {
        // A word without a letter or digit tokenizes to nothing: it would match everything.
        const bool has_token = std::any_of(word.begin(), word.end(), [](char c) {
            const auto byte = static_cast<unsigned char>(c);
            return byte >= 0x80 || std::isalnum(byte);
        });
        if (has_token) {
            std::string quoted;
            for (const char c : word) {
                quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
            }
            query += (query.empty() ? "\"" : " \"") + quoted + "\"*";
        }
        word.clear();
    };
    for (const char c : folded) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            finish_word();
        } else {
            word += c;
        }
    }
    finish_word();
    return query.empty() ? std::nullopt : std::optional(query);
}

bool may_read_chat(Connection& db, const core::State& directory, const core::Actor& reader,
                   const core::ChatId& chat) {
    Query row(db, "SELECT " + std::string(kColumns) + " FROM chat_rows WHERE chat = ?1");
    row.bind_text(1, chat);
    return row.next_row() && visible(directory, reader, read_row(row));
}

std::variant<protocol::rest::ChatPage, UnknownCursor> chat_page(Connection& db,
                                                                const core::State& directory,
                                                                const core::Actor& reader,
                                                                const ChatQuery& query) {
    std::uint64_t before = kNoCursor;
    if (query.cursor) {
        Query cursor(db, "SELECT position FROM chat_rows WHERE chat = ?1");
        cursor.bind_text(1, *query.cursor);
        if (!cursor.next_row()) {
            return UnknownCursor{};
        }
        before = cursor.uint_at(0);
    }
    const Conditions where = conditions(directory, query);
    Page page{query.limit, directory, {}};
    if (!query.anywhere.empty()) {
        from_anywhere(db, directory, reader, query, where, before, page);
    } else if (!query.filter.content.empty() || !query.filter.customer.empty()) {
        from_index(db, directory, reader, query, where, before, page);
    } else {
        from_rows(db, directory, reader, query, where, before, page);
    }
    return std::move(page.page);
}

}  // namespace parley::server::readmodel
