// Builds the OpenAPI document. Top-level bodies are components referenced by name; the types
// inside them are written out in place (JSON Schema has no trouble with repetition, and no
// wire type contains itself).
#include "protocol/rest/openapi.h"

#include "protocol/command_schema.h"
#include "protocol/event_schema.h"
#include "protocol/handshake_schema.h"
#include "protocol/history_codec.h"
#include "protocol/json_schema.h"
#include "protocol/rest/contract.h"
#include "protocol/rest/rest_bodies.h"
#include "protocol/rest/rest_schema.h"

namespace parley::protocol::detail {

// What a client sends beside a command's own fields (the server fills in actor and time).
struct ClientEnvelope {
    core::CommandId command_id;
};

template <>
inline constexpr auto kSchema<ClientEnvelope> = fields(field("command_id",
                                                             &ClientEnvelope::command_id, 128));

template <>
inline constexpr auto kSchema<HistoryEntry> = fields(field("seq", &HistoryEntry::seq),
                                                     field("event", &HistoryEntry::event));
template <>
inline constexpr auto kSchema<ChatHistory> = fields(field("chat", &ChatHistory::chat),
                                                    field("events", &ChatHistory::events));

}  // namespace parley::protocol::detail

namespace parley::protocol::rest {
namespace {

using detail::Json;

Json reference(std::string_view name) {
    return Json{{"$ref", "#/components/schemas/" + std::string(name)}};
}

// An alternative of a variant sent flattened with an envelope (a client's command, an event):
// the alternative's schema with the envelope's fields beside its own.
template <class Envelope, class... A>
void add_flattened(Json& schemas, std::string_view prefix, std::type_identity<std::variant<A...>>) {
    const Json envelope = detail::json_schema<Envelope>();
    auto one = [&]<class T>(std::type_identity<T>) {
        Json schema = detail::json_schema<T>();
        for (const auto& [name, property] : envelope["properties"].items()) {
            schema["properties"][name] = property;
        }
        for (const auto& name : envelope.value("required", Json::array())) {
            schema["required"].push_back(name);
        }
        schemas[std::string(prefix) + std::string(detail::kSchema<T>.type)] = std::move(schema);
    };
    (one(std::type_identity<A>{}), ...);
}

template <class... A>
Json one_of_prefixed(std::string_view prefix, std::type_identity<std::variant<A...>>) {
    Json choices = Json::array();
    (choices.push_back(reference(std::string(prefix) + std::string(detail::kSchema<A>.type))), ...);
    return Json{{"oneOf", std::move(choices)}};
}

Json component_schemas() {
    Json schemas = Json::object();
#define PARLEY_REST_COMPONENT(T) \
    schemas[std::string(detail::kBodyName<T>)] = detail::json_schema<T>();
    PARLEY_REST_BODIES(PARLEY_REST_COMPONENT)
#undef PARLEY_REST_COMPONENT
    schemas["StartChat"] =
        Json{{"oneOf", {reference("StartCustomerChat"), reference("StartIntegrationChat")}},
             {"description",
              "StartCustomerChat without a credential; StartIntegrationChat "
              "with an integration's API key."}};
    schemas["ChatHistory"] = detail::json_schema<ChatHistory>();

    // The WebSocket messages (src/protocol/README.md).
    add_flattened<detail::ClientEnvelope>(schemas, "command.",
                                          std::type_identity<core::Command::Variant>{});
    add_flattened<core::EventEnvelope>(schemas, "event.",
                                       std::type_identity<core::Event::Variant>{});
    schemas["ClientCommand"] =
        one_of_prefixed("command.", std::type_identity<core::Command::Variant>{});
    schemas["Event"] = one_of_prefixed("event.", std::type_identity<core::Event::Variant>{});
    schemas["hello"] = detail::json_schema<Hello>();
    schemas["welcome"] = detail::json_schema<Welcome>();
    schemas["error"] = detail::json_schema<WireError>();
    return schemas;
}

Json parameters_of(const Operation& operation) {
    Json parameters = Json::array();
    std::string_view path = operation.path;
    for (std::size_t open = path.find('{'); open != std::string_view::npos;
         open = path.find('{', open + 1)) {
        const std::size_t close = path.find('}', open);
        parameters.push_back({{"name", path.substr(open + 1, close - open - 1)},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
    }
    for (const QueryParameter& query : operation.query) {
        parameters.push_back({{"name", query.name},
                              {"in", "query"},
                              {"required", false},
                              {"description", query.description},
                              {"schema", {{"type", query.type}}}});
    }
    return parameters;
}

Json request_of(const Operation& operation) {
    if (operation.request == "file") {
        return {{"required", true},
                {"description",
                 "The file's bytes; Content-Type is its type and X-File-Name its name "
                 "(percent-encoded when not ASCII)."},
                {"content", {{"*/*", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
    }
    return {{"required", true},
            {"content", {{"application/json", {{"schema", reference(operation.request)}}}}}};
}

Json answers_of(const Operation& operation) {
    Json content = Json::object();
    if (!operation.answer.empty()) {
        content["application/json"] = {{"schema", reference(operation.answer)}};
    }
    if (!operation.other_media.empty()) {
        const bool json = operation.other_media.ends_with("json");
        content[std::string(operation.other_media)] = {
            {"schema",
             json ? Json{{"type", "object"}} : Json{{"type", "string"}, {"format", "binary"}}}};
    }
    const Json error = {
        {"description", "A refusal: a stable code and a sentence (server/README.md, Conventions)."},
        {"content", {{"application/json", {{"schema", reference("ErrorAnswer")}}}}}};
    return {{std::to_string(operation.status),
             {{"description", operation.summary}, {"content", std::move(content)}}},
            {"default", error}};
}

Json paths() {
    Json paths = Json::object();
    for (const Operation& operation : operations()) {
        Json described = {{"summary", operation.summary},
                          {"description", "Who: " + std::string(operation.who) + "."},
                          {"operationId", operation.id},
                          {"responses", answers_of(operation)}};
        if (Json parameters = parameters_of(operation); !parameters.empty()) {
            described["parameters"] = std::move(parameters);
        }
        if (!operation.request.empty()) {
            described["requestBody"] = request_of(operation);
        }
        if (operation.who == "open") {
            described["security"] = Json::array({Json::object()});
        }
        paths[std::string(operation.path)][std::string(operation.method)] = std::move(described);
    }
    return paths;
}

}  // namespace

std::string openapi_document(std::string_view server_version) {
    const Json document = {
        {"openapi", "3.1.0"},
        {"info",
         {{"title", "Parley REST API"},
          {"version", server_version},
          {"description",
           "The REST API of a Parley server; the same server's WebSocket messages are the "
           "components named command.*, event.*, hello, welcome and error. Conventions "
           "(errors, idempotency, limits): server/README.md."}}},
        {"paths", paths()},
        {"webhooks",
         {{"ticket_event",
           {{"post",
             {{"summary", "A ticket event, POSTed to the service desk's webhook"},
              {"description",
               "Signed with the webhook's secret (X-Parley-Signature); the event's name is "
               "also in X-Parley-Event. Retried until a 2xx answer."},
              {"requestBody",
               {{"required", true},
                {"content", {{"application/json", {{"schema", reference("TicketWebhook")}}}}}}},
              {"responses", {{"2XX", {{"description", "Received."}}}}}}}}}}},
        {"components",
         {{"schemas", component_schemas()},
          {"securitySchemes",
           {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}},
            {"session_cookie",
             {{"type", "apiKey"}, {"in", "cookie"}, {"name", "parley_session"}}}}}}},
        {"security",
         Json::array({{{"bearer", Json::array()}}, {{"session_cookie", Json::array()}}})}};
    return detail::dump(document);
}

}  // namespace parley::protocol::rest
