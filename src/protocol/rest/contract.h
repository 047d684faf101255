// The REST API's operations: method, path, who may call it, and the bodies it takes and
// answers with, by their names in rest_bodies.h. The server checks that it answers exactly
// these routes, the README's headings are checked against them, and openapi.h publishes them
// with every body's JSON Schema.
#pragma once

#include <span>
#include <string_view>

namespace parley::protocol::rest {

struct QueryParameter {
    std::string_view name;
    // "string" or "integer".
    std::string_view type;
    std::string_view description;
};

struct Operation {
    // Unique, as OpenAPI's operationId: what client generators name the call, and what the
    // server binds its handler to.
    std::string_view id;
    // Lower case, as OpenAPI writes it: "get", "post", "put", "delete".
    std::string_view method;
    // "{name}" marks a path parameter.
    std::string_view path;
    std::string_view summary;
    // Who may call it (server/README.md's words: open, staff, admin, customer, integration).
    std::string_view who;
    // The request body's name; "" for none; "file" for a raw upload.
    std::string_view request;
    // The success status and its body's name ("" for a file download or plain text).
    int status = 200;
    std::string_view answer;
    // Besides JSON (or instead, when `answer` is empty): "text/plain", "text/csv", or
    // "application/octet-stream" for a stored file's bytes.
    std::string_view other_media;
    std::span<const QueryParameter> query;
};

std::span<const Operation> operations();

}  // namespace parley::protocol::rest
