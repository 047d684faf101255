// Every REST body's encode and decode, instantiated once here so that no caller compiles the
// schema templates (or nlohmann/json) itself.
#include "protocol/rest/rest_codec.h"

#include "protocol/history_codec.h"
#include "protocol/rest/rest_bodies.h"
#include "protocol/rest/rest_schema.h"

namespace parley::protocol::rest {

template <class T>
std::string encode(const T& body) {
    return detail::text_of(body);
}

template <class T>
Result<T> decode(std::string_view text) {
    Result<detail::Json> parsed = detail::parse_object(text, detail::kMaxMessageBytes);
    if (!parsed) {
        return parsed.error();
    }
    T body{};
    if (detail::Problem problem = detail::read_fields(parsed.value(), body, detail::Path{})) {
        return *problem;
    }
    return body;
}

detail::Json write_custom(const QueueRef& queue) {
    if (const auto* id = std::get_if<core::QueueId>(&queue.value)) {
        return detail::json_of(static_cast<std::uint64_t>(*id));
    }
    return detail::json_of(std::get<std::string>(queue.value));
}

detail::Problem read_custom(const detail::Json& json, QueueRef& out, const detail::Path& path) {
    if (json.is_string()) {
        std::string name;
        detail::Problem problem = detail::read_string(json, name, path);
        if (!problem && name.size() > limits::kNameBytes) {
            problem = detail::too_long(path, limits::kNameBytes, true);
        }
        out.value = std::move(name);
        return problem;
    }
    if (json.is_number_integer()) {
        std::uint64_t id = 0;
        // A negative id names no queue: it reads as 0, which the core answers unknown_queue.
        const detail::Problem problem =
            detail::read_unsigned(json, std::numeric_limits<core::QueueId>::max(), id, path);
        out.value = core::QueueId{problem ? 0 : id};
        return std::nullopt;
    }
    return detail::wrong_type(json, path, "a queue name or id");
}

detail::Json schema_custom(const QueueRef*) {
    return detail::Json{
        {"oneOf", {{{"type", "string"}, {"maxLength", limits::kNameBytes}}, {{"type", "integer"}}}},
        {"description", "A queue's name or id."}};
}

detail::Json write_custom(const EmbeddedJson& document) {
    detail::Json json = detail::Json::parse(document.text, nullptr, false);
    return json.is_discarded() ? detail::Json(nullptr) : json;
}

detail::Problem read_custom(const detail::Json& json, EmbeddedJson& out, const detail::Path&) {
    out.text = detail::dump(json);
    return std::nullopt;
}

detail::Json schema_custom(const EmbeddedJson*) {
    return detail::Json{{"description", "A JSON document, as it was sent."}};
}

AnalyticsReport analytics_report(const std::vector<core::AnalyticsRow>& rows, core::GroupBy by,
                                 core::Timestamp from, core::Timestamp to) {
    AnalyticsReport report{by, from, to, {}};
    for (const core::AnalyticsRow& row : rows) {
        const core::Metrics& m = row.metrics;
        report.rows.push_back({row.group, m.chats, m.closed, m.abandoned, m.abandonment_rate(),
                               m.messages, m.messages_per_chat(), m.average_first_response(),
                               m.first_responses, m.average_response(), m.responses,
                               m.average_resolution(), m.resolutions, m.average_wait(), m.waits,
                               m.average_csat(), m.csat_count});
    }
    return report;
}

#define PARLEY_REST_CODEC(T)                       \
    template std::string encode<T>(const T& body); \
    template Result<T> decode<T>(std::string_view text);
PARLEY_REST_BODIES(PARLEY_REST_CODEC)
#undef PARLEY_REST_CODEC

}  // namespace parley::protocol::rest
