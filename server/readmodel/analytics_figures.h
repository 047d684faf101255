// Analytics from the read model: core::analytics' rows for chats created in [from, to), from
// the per-day figures for whole days and from the chats' own figures for the part days at the
// ends, so 90 days read a few hundred rows, not every chat.
#pragma once

#include <vector>

#include "core/analytics.h"
#include "server/store/sqlite_db.h"

namespace parley::server::readmodel {

std::vector<core::AnalyticsRow> analytics(sqlite::Connection& db, const core::State& directory,
                                          core::GroupBy by, core::Timestamp from,
                                          core::Timestamp to);

}  // namespace parley::server::readmodel
