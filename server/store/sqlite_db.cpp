// SQLite wrappers: result codes become StoreFailure, handles are closed and statements reset
// however a function is left.
#include "server/store/sqlite_db.h"

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace parley::server::sqlite {
namespace {

std::string_view code_for(int result) {
    switch (result & 0xff) {
    case SQLITE_CONSTRAINT:
        return "conflict";
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return "corrupt";
    default:
        return "io";
    }
}

std::string message_of(sqlite3* db, int result) {
    return db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result);
}

}  // namespace

Statement::~Statement() {
    sqlite3_finalize(statement_);
}

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)) {}

void Connection::Closer::operator()(sqlite3* db) const {
    sqlite3_close_v2(db);
}

Connection Connection::open(const std::filesystem::path& file, Mode mode) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::create) {
        flags |= SQLITE_OPEN_CREATE;
    }
    sqlite3* raw = nullptr;
    const int result = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
    // A handle comes back even on failure and must be closed either way.
    Connection connection(std::unique_ptr<sqlite3, Closer>(raw), file);
    if (result != SQLITE_OK) {
        throw StoreFailure({"io", "Could not open the store file " + file.string() + ": " +
                                      message_of(raw, result) +
                                      ". Check that its folder exists and is writable."});
    }
    sqlite3_extended_result_codes(raw, 1);
    return connection;
}

void Connection::exec(std::string_view sql) {
    const int result = sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, nullptr);
    if (result != SQLITE_OK) {
        fail(result, "run \"" + std::string(sql) + "\"");
    }
}

int Connection::changes() const {
    return sqlite3_changes(db_.get());
}

Statement& Connection::cached(std::string_view sql) {
    const std::string key(sql);
    if (const auto found = statements_.find(key); found != statements_.end()) {
        return found->second;
    }
    sqlite3_stmt* raw = nullptr;
    const int result = sqlite3_prepare_v3(db_.get(), key.c_str(), static_cast<int>(key.size()),
                                          SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (result != SQLITE_OK) {
        sqlite3_finalize(raw);
        fail(result, "prepare \"" + key + "\"");
    }
    return statements_.emplace(key, Statement(raw)).first->second;
}

bool Connection::in_transaction() const {
    return sqlite3_get_autocommit(db_.get()) == 0;
}

void Connection::roll_back() noexcept {
    if (in_transaction()) {
        sqlite3_exec(db_.get(), "ROLLBACK", nullptr, nullptr, nullptr);
    }
}

void Connection::fail(int result, std::string_view doing) const {
    const std::string detail = message_of(db_.get(), result);
    const std::string_view code = code_for(result);
    if (code == "corrupt") {
        throw StoreFailure({std::string(code), "The store file " + file_.string() +
                                                   " is damaged or is not a SQLite database (" +
                                                   detail + ", while trying to " +
                                                   std::string(doing) + ")."});
    }
    throw StoreFailure({std::string(code), "Could not " + std::string(doing) + " in " +
                                               file_.string() + ": " + detail + "."});
}

Query::Query(Connection& connection, std::string_view sql)
    : connection_(connection), statement_(connection.cached(sql).handle()) {}

Query::~Query() {
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
}

void Query::check_bind(int result) {
    if (result != SQLITE_OK) {
        connection_.fail(result,
                         "bind a parameter of \"" + std::string(sqlite3_sql(statement_)) + "\"");
    }
}

Query& Query::bind_int(int index, std::int64_t value) {
    check_bind(sqlite3_bind_int64(statement_, index, value));
    return *this;
}

Query& Query::bind_uint(int index, std::uint64_t value) {
    // SQLite integers are signed 64-bit; sequence numbers and ids never come near the limit,
    // and wrapping one silently would corrupt the log.
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        throw StoreFailure({"io", "The number " + std::to_string(value) +
                                      " is too large for the store (at most 2^63 - 1)."});
    }
    return bind_int(index, static_cast<std::int64_t>(value));
}

Query& Query::bind_text(int index, std::string_view value) {
    check_bind(sqlite3_bind_text64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8));
    return *this;
}

Query& Query::bind_blob(int index, std::string_view value) {
    check_bind(
        sqlite3_bind_blob64(statement_, index, value.data(), value.size(), SQLITE_TRANSIENT));
    return *this;
}

Query& Query::bind_optional_text(int index, const std::optional<std::string>& value) {
    if (value) {
        return bind_text(index, *value);
    }
    check_bind(sqlite3_bind_null(statement_, index));
    return *this;
}

Query& Query::bind_optional_int(int index, const std::optional<std::int64_t>& value) {
    if (value) {
        return bind_int(index, *value);
    }
    check_bind(sqlite3_bind_null(statement_, index));
    return *this;
}

int Query::parameter(std::string_view name) const {
    return sqlite3_bind_parameter_index(statement_, std::string(name).c_str());
}

bool Query::next_row() {
    const int result = sqlite3_step(statement_);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        return false;
    }
    connection_.fail(result, "run \"" + std::string(sqlite3_sql(statement_)) + "\"");
}

void Query::run() {
    while (next_row()) {
    }
}

bool Query::is_null(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

int Query::columns() const {
    return sqlite3_column_count(statement_);
}

std::int64_t Query::int_at(int column) const {
    return sqlite3_column_int64(statement_, column);
}

std::uint64_t Query::uint_at(int column) const {
    return static_cast<std::uint64_t>(int_at(column));
}

std::string Query::text_at(int column) const {
    const auto* text = sqlite3_column_text(statement_, column);
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement_, column));
    return text != nullptr ? std::string(reinterpret_cast<const char*>(text), size) : std::string();
}

std::optional<std::uint64_t> Query::optional_uint_at(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return uint_at(column);
}

std::optional<std::int64_t> Query::optional_int_at(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return int_at(column);
}

std::optional<std::string> Query::optional_text_at(int column) const {
    if (is_null(column)) {
        return std::nullopt;
    }
    return text_at(column);
}

}  // namespace parley::server::sqlite
