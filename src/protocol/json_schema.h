// The JSON Schema (2020-12, as OpenAPI 3.1 embeds it) of any described wire type, derived
// from the same kSchema tables that write_text() and read() walk, so the published contract can
// never drift from the bytes. Private to src/protocol.
//
// What it states is what read() enforces: a field that read() requires is "required"; an
// optional or container field is not (and an optional may be null); enums list their names;
// Field::max becomes maxLength (bytes, stated in the description, as JSON Schema counts
// characters) or maxItems; Field::each the maxLength of the items, or of a map's property
// names and values; a tagged type's "type" is a constant; unknown fields are allowed.
#pragma once

#include <string_view>
#include <type_traits>
#include <variant>

#include "protocol/json_fields.h"

namespace parley::protocol::detail {

Json schema_object();
Json schema_of_kind(std::string_view json_type);
Json schema_enum(const std::vector<std::string_view>& names);
Json schema_nullable(Json&& inner);
Json schema_array(Json&& items, bool unique);
Json schema_map(Json&& values);
Json schema_one_of(std::vector<Json>&& alternatives);
// Adds a field to an object schema; `required` lists it as required.
void schema_property(Json& object, std::string_view name, Json&& property, bool required);
enum class Bound { bytes, items, members };
void schema_bound(Json& property, std::size_t max, Bound bound);
// The bytes of each string of a list, or of each key and value of a map (Field::each).
void schema_each_bound(Json& property, std::size_t each);
void schema_tag(Json& object, std::string_view type);

template <class T>
Json json_schema();

// The type inside an optional, or the type itself.
template <class M>
struct Unwrapped {
    using type = M;
};
template <class M>
struct Unwrapped<std::optional<M>> {
    using type = M;
};

template <Described T>
Json fields_schema() {
    Json object = schema_object();
    if constexpr (Tagged<T>) {
        schema_tag(object, kSchema<T>.type);
    }
    std::apply(
        [&](const auto&... f) {
            [[maybe_unused]] auto one = [&](const auto& described) {
                using M =
                    std::remove_cvref_t<decltype(std::declval<const T&>().*(described.member))>;
                Json property = json_schema<M>();
                if (described.max != 0) {
                    using Bounded = typename Unwrapped<M>::type;
                    schema_bound(property, described.max,
                                 std::is_same_v<Bounded, std::string> ? Bound::bytes
                                 : kIsStringMap<Bounded>              ? Bound::members
                                                                      : Bound::items);
                }
                if (described.each != 0) {
                    schema_each_bound(property, described.each);
                }
                const bool optional =
                    kIsOptional<M> || kIsVector<M> || kIsSet<M> || kIsStringMap<M>;
                schema_property(object, described.name, std::move(property), !optional);
            };
            (one(f), ...);
        },
        kSchema<T>.fields);
    return object;
}

template <class... A>
Json variant_schema(std::type_identity<std::variant<A...>>) {
    return schema_one_of({json_schema<A>()...});
}

template <class T>
Json json_schema() {
    if constexpr (std::is_same_v<T, bool>) {
        return schema_of_kind("boolean");
    } else if constexpr (std::is_same_v<T, std::string>) {
        return schema_of_kind("string");
    } else if constexpr (std::is_same_v<T, double>) {
        return schema_of_kind("number");
    } else if constexpr (Custom<T>) {
        return schema_custom(static_cast<const T*>(nullptr));
    } else if constexpr (std::is_integral_v<T>) {
        Json integer = schema_of_kind("integer");
        if constexpr (std::is_unsigned_v<T>) {
            set_member(integer, "minimum", json_of(std::uint64_t{0}));
        }
        return integer;
    } else if constexpr (NamedEnum<T>) {
        const auto& names = core::EnumNames<T>::names;
        return schema_enum(std::vector<std::string_view>(std::begin(names), std::end(names)));
    } else if constexpr (kIsOptional<T>) {
        return schema_nullable(json_schema<typename T::value_type>());
    } else if constexpr (kIsVector<T> || kIsSet<T>) {
        return schema_array(json_schema<typename T::value_type>(), kIsSet<T>);
    } else if constexpr (kIsStringMap<T>) {
        return schema_map(json_schema<typename T::mapped_type>());
    } else if constexpr (kIsVariant<T>) {
        if constexpr (kIsA<T, std::variant>) {
            return variant_schema(std::type_identity<T>{});
        } else {
            return variant_schema(std::type_identity<typename T::Variant>{});
        }
    } else if constexpr (Described<T>) {
        return fields_schema<T>();
    } else {
        static_assert(kAlwaysFalse<T>, "this type has no wire form: give it a kSchema");
    }
}

}  // namespace parley::protocol::detail
