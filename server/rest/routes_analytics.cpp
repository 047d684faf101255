// Analytics over REST for supervisors and admins: the core's figures for chats created in a
// range, grouped by queue, agent, channel or day, as JSON or as a CSV download. Summed by the
// read model from each chat's core::chat_metrics, off the authority's strand.
#include <limits>

#include "core/analytics.h"
#include "core/calendar.h"
#include "protocol/analytics_codec.h"
#include "protocol/rest/report_bodies.h"
#include "server/readmodel/analytics_figures.h"
#include "server/rest/chat_access.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

constexpr core::Duration kDay = 24 * 60 * 60 * 1000;
// A year and a day: any calendar year fits, and one request stays cheap.
constexpr core::Duration kLongestRange = 367 * kDay;

void reply_report(Call& call, const std::vector<core::AnalyticsRow>& rows, core::GroupBy group,
                  core::Timestamp begin, core::Timestamp end, const std::string& format) {
    HttpResponse response{http::status::ok, call.request.version()};
    response.set(http::field::cache_control, "private, no-store");
    if (format == "csv") {
        response.set(http::field::content_type, "text/csv; charset=utf-8");
        response.set(http::field::content_disposition,
                     "attachment; filename=\"parley-analytics-by-" +
                         std::string(core::to_string(group)) + "-" + core::day_of(begin) + "-" +
                         core::day_of(end - 1) + ".csv\"");
        response.set("X-Content-Type-Options", "nosniff");
        response.body() = protocol::analytics_csv(rows, group);
    } else {
        response.set(http::field::content_type, "application/json");
        response.body() =
            protocol::rest::encode(protocol::rest::analytics_report(rows, group, begin, end));
    }
    response.prepare_payload();
    call.reply(std::move(response));
}

}  // namespace

void analytics_report(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    std::optional<core::GroupBy> by;
    std::optional<std::int64_t> from, to;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    if (!query_enum(*call, "by", by) || !query_integer(*call, "from", 0, kMax, from) ||
        !query_integer(*call, "to", 0, kMax, to)) {
        return;
    }
    const std::string format = call->query("format").value_or("json");
    if (format != "json" && format != "csv") {
        call->fail(http::status::bad_request, "invalid_value",
                   "The query parameter format must be json or csv.");
        return;
    }
    const core::Timestamp end = to.value_or(call->services.clock() + 1);
    const core::Timestamp begin = from.value_or(std::max<core::Timestamp>(0, end - 7 * kDay));
    if (begin >= end || end - begin > kLongestRange) {
        call->fail(http::status::bad_request, "invalid_value",
                   "The range must have from before to, and span at most 367 days.");
        return;
    }
    const core::GroupBy group = by.value_or(core::GroupBy::day);
    call->read_model(
        [call, group, begin, end, format](sqlite::Connection& db, const core::State& directory) {
            if (call->require_role(directory, core::Role::supervisor)) {
                reply_report(*call, readmodel::analytics(db, directory, group, begin, end), group,
                             begin, end, format);
            }
        });
}

}  // namespace parley::server::rest
