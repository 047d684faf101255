// The read model's tables: created, checked, written.
#include "server/readmodel/read_model_tables.h"

#include <set>
#include <string>
#include <string_view>

#include "core/names.h"

namespace parley::server::readmodel {
namespace {

using sqlite::Connection;
using sqlite::Query;

// Raised whenever what the tables hold or how it is indexed changes: they are then rebuilt.
constexpr std::int64_t kVersion = 3;

// Binds the figures to the parameters from `first` on, each times `sign`; returns the next
// free parameter.
int bind_figures(Query& query, int first, const core::Metrics& figures, std::int64_t sign = 1) {
    core::Metrics values = figures;
    core::each_figure(
        [&](std::string_view, auto& value) {
            query.bind_int(first++, sign * static_cast<std::int64_t>(value));
        },
        values);
    return first;
}

// The columns every write of a chat row sets, in the order bind_row binds them.
const std::vector<std::string>& row_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out = {
            "status",           "channel",          "queue",         "customer",
            "customer_name",    "assignee",         "last_assignee", "sight",
            "created_at",       "closed_at",        "last_at",       "last_text",
            "last_author_kind", "last_author_name", "message_count", "day"};
        out.insert(out.end(), figure_names().begin(), figure_names().end());
        return out;
    }();
    return names;
}

const std::string& create_sql() {
    static const std::string sql =
        "CREATE TABLE chat_rows ("
        " position INTEGER PRIMARY KEY, chat TEXT NOT NULL UNIQUE,"
        " status TEXT NOT NULL, channel TEXT NOT NULL, queue INTEGER NOT NULL,"
        " customer TEXT NOT NULL, customer_name TEXT NOT NULL,"
        " assignee TEXT, last_assignee TEXT, sight TEXT NOT NULL,"
        " created_at INTEGER NOT NULL, closed_at INTEGER,"
        " last_at INTEGER, last_text TEXT NOT NULL, last_author_kind TEXT NOT NULL,"
        " last_author_name TEXT NOT NULL, message_count INTEGER NOT NULL, day TEXT NOT NULL, " +
        column_list(figure_names(), "{} INTEGER NOT NULL") +
        ");"
        "CREATE INDEX chat_rows_by_status ON chat_rows (status, position);"
        "CREATE INDEX chat_rows_by_channel ON chat_rows (channel, position);"
        "CREATE INDEX chat_rows_by_queue ON chat_rows (queue, position);"
        "CREATE INDEX chat_rows_by_operator ON chat_rows (last_assignee, position);"
        "CREATE INDEX chat_rows_by_customer ON chat_rows (customer, position);"
        "CREATE INDEX chat_rows_by_created ON chat_rows (created_at);"
        "CREATE INDEX chat_rows_open ON chat_rows (created_at) WHERE closed_at IS NULL;"
        "CREATE TABLE day_figures ("
        " day TEXT NOT NULL, queue INTEGER NOT NULL, agent TEXT NOT NULL, channel TEXT NOT NULL, " +
        column_list(figure_names(), "{} INTEGER NOT NULL") +
        ", PRIMARY KEY (day, queue, agent, channel)) WITHOUT ROWID;"
        // Contentless: the text is in the log; the index only has to find it.
        "CREATE VIRTUAL TABLE customer_text USING fts5("
        " text, content='', tokenize='unicode61 remove_diacritics 0');"
        "CREATE VIRTUAL TABLE message_text USING fts5("
        " text, content='', tokenize='unicode61 remove_diacritics 0');"
        "CREATE TABLE read_model (version INTEGER NOT NULL, through INTEGER NOT NULL);";
    return sql;
}

constexpr std::string_view kDrop =
    "DROP TABLE IF EXISTS chat_rows; DROP TABLE IF EXISTS day_figures;"
    "DROP TABLE IF EXISTS customer_text; DROP TABLE IF EXISTS message_text;"
    "DROP TABLE IF EXISTS read_model;";

std::optional<std::int64_t> stored_version(Connection& db) {
    Query exists(db, "SELECT count(*) FROM sqlite_master WHERE name = 'read_model'");
    if (!exists.next_row() || exists.int_at(0) == 0) {
        return std::nullopt;
    }
    Query version(db, "SELECT version FROM read_model");
    return version.next_row() ? std::optional(version.int_at(0)) : std::nullopt;
}

// Adds `sign` times the figures to their day's group.
void add_figures(Connection& db, const ChatProjection& chat, std::int64_t sign) {
    static const std::string sql = "INSERT INTO day_figures (day, queue, agent, channel, " +
                                   column_list(figure_names(), "{}") +
                                   ") VALUES (?1, ?2, ?3, ?4, " +
                                   column_list(figure_names(), "?{n}", 5) +
                                   ") ON CONFLICT (day, queue, agent, channel) DO UPDATE SET " +
                                   column_list(figure_names(), "{} = {} + excluded.{}");
    Query insert(db, sql);
    insert.bind_text(1, chat.day)
        .bind_uint(2, chat.queue)
        .bind_text(3, chat.last_assignee.value_or(""))
        .bind_text(4, core::to_string(chat.channel));
    bind_figures(insert, 5, chat.metrics, sign);
    insert.run();
    if (sign < 0) {
        Query(db,
              "DELETE FROM day_figures WHERE day = ?1 AND queue = ?2 AND agent = ?3 AND "
              "channel = ?4 AND chats = 0")
            .bind_text(1, chat.day)
            .bind_uint(2, chat.queue)
            .bind_text(3, chat.last_assignee.value_or(""))
            .bind_text(4, core::to_string(chat.channel))
            .run();
    }
}

// The row as stored before this change, with just what its figures are grouped by.
std::optional<ChatProjection> stored_figures(Connection& db, const core::ChatId& chat) {
    static const std::string sql = "SELECT day, queue, last_assignee, channel, closed_at, " +
                                   column_list(figure_names(), "{}") +
                                   " FROM chat_rows WHERE chat = ?1";
    Query query(db, sql);
    query.bind_text(1, chat);
    if (!query.next_row()) {
        return std::nullopt;
    }
    ChatProjection old;
    old.day = query.text_at(0);
    old.queue = static_cast<core::QueueId>(query.uint_at(1));
    old.last_assignee = query.optional_text_at(2);
    old.channel = core::parse<core::Channel>(query.text_at(3)).value_or(core::Channel::web);
    old.closed_at = query.optional_int_at(4);
    old.metrics = figures_at(query, 5);
    return old;
}

// Binds row_names() to the parameters from ?3 on (?1 is the chat, ?2 its position).
void bind_row(Query& query, const ChatProjection& chat) {
    query.bind_text(3, core::to_string(chat.status))
        .bind_text(4, core::to_string(chat.channel))
        .bind_uint(5, chat.queue)
        .bind_text(6, chat.customer)
        .bind_text(7, chat.customer_name)
        .bind_optional_text(8, chat.assignee)
        .bind_optional_text(9, chat.last_assignee)
        .bind_text(10, chat.sight)
        .bind_int(11, chat.created_at)
        .bind_optional_int(12, chat.closed_at)
        .bind_optional_int(13, chat.last_at)
        .bind_text(14, chat.last_text)
        .bind_text(15, core::to_string(chat.last_author_kind))
        .bind_text(16, chat.last_author_name)
        .bind_uint(17, chat.message_count)
        .bind_text(18, chat.day);
    bind_figures(query, 19, chat.metrics);
}

void insert_chat(Connection& db, const ChatChange& change) {
    static const std::string sql = "INSERT INTO chat_rows (chat, position, " +
                                   column_list(row_names(), "{}") + ") VALUES (?1, ?2, " +
                                   column_list(row_names(), "?{n}", 3) + ")";
    Query insert(db, sql);
    insert.bind_text(1, change.chat.chat).bind_uint(2, *change.position);
    bind_row(insert, change.chat);
    insert.run();
    Query(db, "INSERT INTO customer_text (rowid, text) VALUES (?1, ?2)")
        .bind_uint(1, *change.position)
        .bind_text(2, change.customer_text)
        .run();
}

// Whether the row was there to change; with `open_only`, only while it is not closed yet (the
// common case, a message in an open chat: one statement and no figures to move).
// The UPDATE of a chat already listed sets only the columns that can change: one naming a
// column that never does (customer, channel, creation) would rewrite that column's index entry
// on every message for nothing, which cost commands a millisecond of p50 on two cores. The
// parameters keep bind_row's numbers.
std::string update_sql() {
    static const std::set<std::string, std::less<>> fixed = {"channel", "customer", "created_at",
                                                             "day"};
    std::string sql = "UPDATE chat_rows SET ";
    const std::vector<std::string>& names = row_names();
    bool first = true;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (fixed.contains(names[i])) {
            continue;
        }
        sql += (first ? "" : ", ") + names[i] + " = ?" + std::to_string(i + 3);
        first = false;
    }
    return sql + " WHERE chat = ?1";
}

bool update_chat(Connection& db, const ChatProjection& chat, bool open_only) {
    static const std::string set = update_sql();
    static const std::string open = set + " AND closed_at IS NULL";
    Query update(db, open_only ? open : set);
    update.bind_text(1, chat.chat);
    bind_row(update, chat);
    update.run();
    return db.changes() == 1;
}

void write_message(Connection& db, const PostedText& posted) {
    Query position(db, "SELECT position FROM chat_rows WHERE chat = ?1");
    position.bind_text(1, posted.chat);
    if (!position.next_row()) {
        return;
    }
    const std::uint64_t key = (position.uint_at(0) << kOrdinalBits) | posted.text.ordinal;
    Query(db, "INSERT INTO message_text (rowid, text) VALUES (?1, ?2)")
        .bind_uint(1, key)
        .bind_text(2, posted.text.folded)
        .run();
}

}  // namespace

std::string column_list(const std::vector<std::string>& names, std::string_view format, int first) {
    std::string out;
    for (const std::string& name : names) {
        std::string column(format);
        for (auto at = column.find("{}"); at != std::string::npos; at = column.find("{}")) {
            column.replace(at, 2, name);
        }
        if (const auto at = column.find("{n}"); at != std::string::npos) {
            column.replace(at, 3, std::to_string(first++));
        }
        out += (out.empty() ? "" : ", ") + column;
    }
    return out;
}

const std::vector<std::string>& figure_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        core::Metrics none;
        core::each_figure([&](std::string_view name, auto&) { out.emplace_back(name); }, none);
        return out;
    }();
    return names;
}

core::Metrics figures_at(const Query& row, int first) {
    core::Metrics figures;
    core::each_figure(
        [&](std::string_view, auto& value) {
            value = static_cast<std::remove_reference_t<decltype(value)>>(row.int_at(first++));
        },
        figures);
    return figures;
}

void prepare_file(Connection& db) {
    db.exec("PRAGMA busy_timeout = 5000");
    {
        Query mode(db, "PRAGMA journal_mode = WAL");
        if (!mode.next_row() || mode.text_at(0) != "wal") {
            throw StoreFailure(
                {"io", "Could not switch " + db.file().string() +
                           " to write-ahead logging; it needs a local file system."});
        }
    }
    db.exec("PRAGMA synchronous = NORMAL");
}

void prepare_reader(Connection& db) {
    db.exec("PRAGMA busy_timeout = 5000");
    db.exec("PRAGMA query_only = ON");
}

std::uint64_t prepare_tables(Connection& db) {
    if (stored_version(db) == kVersion) {
        return projected_through(db);
    }
    db.exec("BEGIN IMMEDIATE");
    try {
        db.exec(kDrop);
        db.exec(create_sql());
        Query(db, "INSERT INTO read_model (version, through) VALUES (?1, 0)")
            .bind_int(1, kVersion)
            .run();
        db.exec("COMMIT");
    } catch (const StoreFailure&) {
        db.roll_back();
        throw;
    }
    return 0;
}

// An open chat's figures are read from its row; once closed they join its day's group.
void write_batch(Connection& db, const ProjectionBatch& batch) {
    for (const ChatChange& change : batch.chats) {
        const bool closed = change.chat.closed_at.has_value();
        if (!closed && update_chat(db, change.chat, true)) {
            continue;
        }
        if (auto old = stored_figures(db, change.chat.chat)) {
            if (old->closed_at) {
                add_figures(db, *old, -1);
            }
            update_chat(db, change.chat, false);
        } else if (change.position) {
            insert_chat(db, change);
        } else {
            continue;
        }
        if (closed) {
            add_figures(db, change.chat, 1);
        }
    }
    for (const PostedText& posted : batch.messages) {
        write_message(db, posted);
    }
    for (const core::ChatId& chat : batch.archived) {
        Query(db, "UPDATE chat_rows SET status = ?1 WHERE chat = ?2")
            .bind_text(1, core::to_string(core::ChatStatus::archived))
            .bind_text(2, chat)
            .run();
    }
    Query(db, "UPDATE read_model SET through = ?1").bind_uint(1, batch.through).run();
}

std::uint64_t projected_through(Connection& db) {
    Query query(db, "SELECT through FROM read_model");
    return query.next_row() ? query.uint_at(0) : 0;
}

}  // namespace parley::server::readmodel
