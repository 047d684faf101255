// The read model's tables, in its own SQLite file beside the log: chat rows with their list
// columns and figures, per-day figures of the closed chats for analytics, and FTS5 indexes over
// customers and message text. Derived data: a file whose tables are missing or of another version
// has them dropped and rebuilt from the log, so a change here needs no migration.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/readmodel/projection_batch.h"
#include "server/store/sqlite_db.h"

namespace parley::server::readmodel {

// Write-ahead logging, and commits that do not wait for the disk (the log can replay them).
void prepare_file(sqlite::Connection& db);
void prepare_reader(sqlite::Connection& db);

// The event the tables are complete through; 0 when they were (re)created empty.
std::uint64_t prepare_tables(sqlite::Connection& db);

// Writes one batch and moves `through` on; runs inside the group commit.
void write_batch(sqlite::Connection& db, const ProjectionBatch& batch);

std::uint64_t projected_through(sqlite::Connection& db);

// A comma-separated list written from `names`: `format` with "{}" for the name and "{n}" for a
// parameter number counting from `first` ("{} = ?{n}").
std::string column_list(const std::vector<std::string>& names, std::string_view format,
                        int first = 1);
// The figure columns, named and ordered as core::each_figure visits core::Metrics.
const std::vector<std::string>& figure_names();
// The figures in `row`'s columns from `first` on, in that order.
core::Metrics figures_at(const sqlite::Query& row, int first);

// A message's key in the text index: the chat's position in the high bits and the message's
// place in the chat in the low 24, so the index's own order is newest chat first.
inline constexpr int kOrdinalBits = 24;

// Day boundaries in milliseconds (UTC).
inline constexpr std::int64_t kDayMillis = 24LL * 60 * 60 * 1000;

}  // namespace parley::server::readmodel
