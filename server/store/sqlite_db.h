// Thin RAII wrappers over the SQLite C API for the store: a connection that caches its prepared
// statements, and a Query that binds, steps and always resets its statement (a statement left
// mid-step would hold a read transaction open and hide later commits from that connection).
// Every failure is thrown as StoreFailure with a code and a sentence; the store's public
// functions decide where it stops. sqlite3.h stays out of this header.
#pragma once

#include "server/store/store.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace parley::server::sqlite {

class Statement {
public:
    explicit Statement(sqlite3_stmt* statement) : statement_(statement) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    sqlite3_stmt* handle() const { return statement_; }

private:
    sqlite3_stmt* statement_;
};

class Connection {
public:
    enum class Mode { create, existing };

    // Opens the file; nothing is read from it until the first statement runs.
    static Connection open(const std::filesystem::path& file, Mode mode);

    // Runs one or more statements that return no rows.
    void exec(std::string_view sql);
    // The statement for this SQL, prepared on first use and kept for the connection's life.
    Statement& cached(std::string_view sql);
    // Rows the last INSERT, UPDATE or DELETE on this connection changed.
    int changes() const;
    // False once SQLite has rolled back an explicit transaction on its own (disk full, I/O).
    bool in_transaction() const;
    // Ends an open transaction without keeping its changes. Never throws: it runs after a
    // failure, and that failure is the one worth reporting.
    void roll_back() noexcept;

    // Throws the StoreError for a failed SQLite call: "conflict", "corrupt" or "io" by the
    // result code, with SQLite's message and what was being done.
    [[noreturn]] void fail(int result, std::string_view doing) const;

    const std::filesystem::path& file() const { return file_; }

private:
    struct Closer {
        void operator()(sqlite3* db) const;
    };

    Connection(std::unique_ptr<sqlite3, Closer> db, std::filesystem::path file)
        : db_(std::move(db)), file_(std::move(file)) {}

    std::unique_ptr<sqlite3, Closer> db_;
    std::filesystem::path file_;
    // Declared after db_ so the statements are finalized before the connection closes.
    std::unordered_map<std::string, Statement> statements_;
};

// One execution of a cached statement: parameters bound from 1, rows read by column from 0.
class Query {
public:
    Query(Connection& connection, std::string_view sql);
    ~Query();
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind_int(int index, std::int64_t value);
    Query& bind_uint(int index, std::uint64_t value);
    Query& bind_text(int index, std::string_view value);
    Query& bind_optional_text(int index, const std::optional<std::string>& value);
    Query& bind_optional_int(int index, const std::optional<std::int64_t>& value);
    // Bytes that need not be UTF-8 (a compressed snapshot); text_at() reads them back.
    Query& bind_blob(int index, std::string_view value);

    // The index of a named parameter (":name"), 0 when the statement has none by that name.
    int parameter(std::string_view name) const;

    // Steps once: true with a row to read, false when the statement has finished.
    bool next_row();
    // Steps to the end, for statements that write.
    void run();

    // Columns of the rows this statement returns.
    int columns() const;
    std::int64_t int_at(int column) const;
    std::uint64_t uint_at(int column) const;
    std::string text_at(int column) const;
    std::optional<std::uint64_t> optional_uint_at(int column) const;
    std::optional<std::int64_t> optional_int_at(int column) const;
    std::optional<std::string> optional_text_at(int column) const;

private:
    void check_bind(int result);
    bool is_null(int column) const;

    Connection& connection_;
    sqlite3_stmt* statement_;
};

}  // namespace parley::server::sqlite
