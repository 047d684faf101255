// Non-template half of json_schema.h: the JSON Schema keywords themselves.
#include "protocol/json_schema.h"

namespace parley::protocol::detail {
namespace {

// JSON Schema counts characters; the server counts UTF-8 bytes, never more characters.
void bound_bytes(Json& string, std::size_t max) {
    string["maxLength"] = max;
    string["description"] = "At most " + std::to_string(max) + " bytes of UTF-8.";
}

// The bound sits on the value itself, also when null is allowed beside it.
Json& not_null(Json& property) {
    return property.contains("anyOf") ? property["anyOf"][0] : property;
}

}  // namespace

Json schema_object() {
    return Json{{"type", "object"}, {"properties", Json::object()}};
}

Json schema_of_kind(std::string_view json_type) {
    return Json{{"type", json_type}};
}

Json schema_enum(const std::vector<std::string_view>& names) {
    Json choices = Json::array();
    for (const std::string_view name : names) {
        choices.push_back(name);
    }
    return Json{{"type", "string"}, {"enum", std::move(choices)}};
}

Json schema_nullable(Json&& inner) {
    return Json{{"anyOf", Json::array({std::move(inner), Json{{"type", "null"}}})}};
}

Json schema_array(Json&& items, bool unique) {
    Json array{{"type", "array"}, {"items", std::move(items)}};
    if (unique) {
        array["uniqueItems"] = true;
    }
    return array;
}

Json schema_map(Json&& values) {
    return Json{{"type", "object"}, {"additionalProperties", std::move(values)}};
}

Json schema_one_of(std::vector<Json>&& alternatives) {
    Json choices = Json::array();
    for (Json& alternative : alternatives) {
        choices.push_back(std::move(alternative));
    }
    return Json{{"oneOf", std::move(choices)}};
}

void schema_property(Json& object, std::string_view name, Json&& property, bool required) {
    object["properties"][std::string(name)] = std::move(property);
    if (required) {
        object["required"].push_back(name);
    }
}

void schema_bound(Json& property, std::size_t max, Bound bound) {
    Json& bounded = not_null(property);
    switch (bound) {
    case Bound::bytes:
        bound_bytes(bounded, max);
        break;
    case Bound::items:
        bounded["maxItems"] = max;
        break;
    case Bound::members:
        bounded["maxProperties"] = max;
        break;
    }
}

void schema_each_bound(Json& property, std::size_t each) {
    Json& bounded = not_null(property);
    if (bounded.contains("items")) {
        bound_bytes(bounded["items"], each);
    } else {
        bound_bytes(bounded["additionalProperties"], each);
        bounded["propertyNames"] = Json{{"maxLength", each}};
    }
}

void schema_tag(Json& object, std::string_view type) {
    schema_property(object, "type", Json{{"const", type}}, true);
}

}  // namespace parley::protocol::detail
