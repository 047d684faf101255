// The one generic JSON mapping behind every codec: each wire type is described once, as a
// kSchema listing its fields (enums use the core's name tables), and write_text()/read() walk that
// description in both directions. read() checks every JSON type before touching a value, so
// bad input becomes a ProtocolError naming the field, never an exception. Private to
// src/protocol; depends on nlohmann/json, core/names.h and the standard library only.
//
// Wire rules it enforces: counts, ids and times as integers (a fraction only where a type
// holds a double: REST analytics averages, the automation snapshot; commands, events and
// snapshots have none, so native and wasm write the same bytes), enums as their snake_case
// names, sets as arrays, an empty std::optional is left out, a left-out optional or container
// reads as empty, unknown fields are ignored, a field's bound (Field::max) is enforced.
//
// [SECTION] Parsing and errors
// [SECTION] Descriptions
// [SECTION] Writing
// [SECTION] Reading
#pragma once

#include <algorithm>
#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/names.h"
#include "protocol/result.h"

namespace parley::protocol::detail {

// [SECTION] Parsing and errors

using Json = nlohmann::json;
using Problem = std::optional<ProtocolError>;

// Upper bound on one decoded message, checked before parsing.
inline constexpr std::size_t kMaxMessageBytes = 1 << 20;
// Snapshots carry the whole floor, so they get a larger bound.
inline constexpr std::size_t kMaxSnapshotBytes = 64 << 20;

// Where a value sits inside a message ("accept_chat.chat", "snapshot.chats[3].tags[0]"),
// kept as a chain on the stack and turned into text only when an error needs it.
struct Path {
    const Path* parent = nullptr;
    std::string_view key;  // a field name; empty for an array element
    std::size_t index = 0;

    Path member(std::string_view name) const { return Path{this, name, 0}; }
    Path element(std::size_t at) const { return Path{this, {}, at}; }
    std::string render() const;
};

ProtocolError error_at(ProtocolErrorCode code, const Path& path, std::string_view what);

// Input text quoted for an error sentence, cut short so an error stays readable.
std::string excerpt(std::string_view text);

// Bytes of a JSON value. Invalid UTF-8 in a string is replaced rather than thrown about,
// so encoding never fails; the output is deterministic (objects keep sorted keys).
std::string dump(const Json& json);

// Parses one message: size bound, well-formed JSON, an object at the top.
Result<Json> parse_object(std::string_view text, std::size_t max_bytes);

// The "type" field of a message object at `path`.
Result<std::string> read_type(const Json& object, const Path& path);

// [SECTION] Descriptions

template <class S, class M>
struct Field {
    std::string_view name;
    M S::*member;
    // When not 0: the most bytes a string may have, or the most elements a list or map may
    // have. REST bodies bound what a stranger may send this way, and the published contract
    // states the same figures.
    std::size_t max = 0;
    // When not 0: the most bytes of each string of a list or set, and of each key and each
    // value of a map of strings.
    std::size_t each = 0;
};

template <class S, class M>
constexpr Field<S, M> field(std::string_view name, M S::*member, std::size_t max = 0,
                            std::size_t each = 0) {
    return Field<S, M>{name, member, max, each};
}

// A type's wire description: its fields, and for an alternative of a variant sent as a
// message, its "type" name.
template <class... F>
struct Schema {
    std::string_view type;
    std::tuple<F...> fields;
};

template <class... F>
constexpr Schema<F...> fields(F... f) {
    return Schema<F...>{{}, std::tuple{f...}};
}

template <class... F>
constexpr Schema<F...> tagged(std::string_view type, F... f) {
    return Schema<F...>{type, std::tuple{f...}};
}

// A type whose wire form is its base's fields and then its own: `extend(kSchema<Base>, ...)`.
template <class... B, class... F>
constexpr auto extend(const Schema<B...>& base, F... more) {
    return Schema<B..., F...>{base.type, std::tuple_cat(base.fields, std::tuple{more...})};
}

struct NoSchema {};

// Specialise per wire type: `template <> inline constexpr auto kSchema<core::AcceptChat> =
// tagged("accept_chat", field("chat", &core::AcceptChat::chat));`.
template <class T>
inline constexpr NoSchema kSchema{};

template <class T>
concept Described = !std::is_same_v<std::remove_cvref_t<decltype(kSchema<T>)>, NoSchema>;

template <class T>
concept Tagged = Described<T> && !kSchema<T>.type.empty();

// Enum names come from the core's own table, so a name is written down once.
template <class T>
concept NamedEnum = std::is_enum_v<T> && requires {
    core::EnumNames<T>::names;
};

// True when T is an instance of the class template Of (std::optional<int> of std::optional).
template <class T, template <class...> class Of>
inline constexpr bool kIsA = false;
template <template <class...> class Of, class... A>
inline constexpr bool kIsA<Of<A...>, Of> = true;

template <class T>
inline constexpr bool kIsOptional = kIsA<T, std::optional>;
template <class T>
inline constexpr bool kIsVector = kIsA<T, std::vector>;
template <class T>
inline constexpr bool kIsSet = kIsA<T, std::set>;
// A std::variant, or a class deriving from one that names it `Variant` (core::Command).
template <class T>
inline constexpr bool kIsVariant = kIsA<T, std::variant> || requires {
    requires std::is_base_of_v<typename T::Variant, T>;
};
template <class T>
concept StringMap = kIsA<T, std::map> && std::is_same_v<typename T::key_type, std::string>;
template <class T>
inline constexpr bool kIsStringMap = StringMap<T>;

template <class T>
inline constexpr bool kAlwaysFalse = false;

// A type with a wire form of its own rather than fields (a queue named by name or id): it
// provides write_custom, read_custom and schema_custom, found by argument-dependent lookup.
template <class T>
concept Custom = requires(const T& value, T& out, const Json& json, const Path& path) {
    { write_custom(value) } -> std::same_as<Json>;
    { read_custom(json, out, path) } -> std::same_as<Problem>;
};

template <NamedEnum E>
std::string enum_choices() {
    std::string choices;
    for (const std::string_view name : core::EnumNames<E>::names) {
        choices += choices.empty() ? "" : ", ";
        choices += name;
    }
    return choices;
}

// True when no two alternatives of a variant share a wire type name.
template <class... T>
constexpr bool unique_types(std::type_identity<std::variant<T...>>) {
    constexpr std::array<std::string_view, sizeof...(T)> names{kSchema<T>.type...};
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = i + 1; j < names.size(); ++j) {
            if (names[i] == names[j]) {
                return false;
            }
        }
    }
    return true;
}

// True when none of T's fields is called `name` (a flattened envelope needs that).
template <Described T>
constexpr bool lacks_field(std::string_view name) {
    return std::apply([&](const auto&... f) { return ((f.name != name) && ...); },
                      kSchema<T>.fields);
}

// [SECTION] Writing
// Values of a document tree, for the few writers that build one (the published schema, a
// custom type's wire form). Out of line so nlohmann's code is not inlined into every caller.

Json json_of(bool value);
Json json_of(std::int64_t value);
Json json_of(std::uint64_t value);
Json json_of(double value);
Json json_of(const std::string& value);
void set_member(Json& object, std::string_view name, Json&& value);

// [SECTION] Writing text
// Every message is written straight into a string: a document tree cost several times its
// text in small allocations (a snapshot's tree was most of the server's peak memory, and each
// event built one). The bytes are what dump() writes for the same value: members in sorted
// order, escaped as dump() escapes.

// `value` quoted and escaped as dump() writes it; text that is not valid UTF-8 goes through
// dump() itself, which replaces what it cannot read.
void append_quoted(std::string& out, std::string_view value);
void append_number(std::string& out, std::int64_t value);
void append_number(std::string& out, std::uint64_t value);
void append_number(std::string& out, double value);
// What dump() writes for a value that has no text form of its own here (a fraction, a custom
// type's tree).
void append_dumped(std::string& out, const Json& json);

template <class T>
void write_text(std::string& out, const T& value);

// One member of an object: its name and how to write it (nothing for an empty optional).
template <class T>
struct TextMember {
    std::string_view name;
    void (*write)(std::string& out, const T& value, bool& first);
};

// The comma before every element of an array but the first.
inline void begin_element(std::string& out, bool& first) {
    if (!first) {
        out += ',';
    }
    first = false;
}

inline void begin_member(std::string& out, std::string_view name, bool& first) {
    begin_element(out, first);
    append_quoted(out, name);
    out += ':';
}

template <Described T, std::size_t I>
void write_member_text(std::string& out, const T& value, bool& first) {
    const auto& f = std::get<I>(kSchema<T>.fields);
    const auto& member = value.*(f.member);
    using M = std::remove_cvref_t<decltype(member)>;
    if constexpr (kIsOptional<M>) {
        if (!member) {
            return;
        }
    }
    begin_member(out, f.name, first);
    write_text(out, member);
}

template <Tagged T>
void write_type_text(std::string& out, const T&, bool& first) {
    begin_member(out, "type", first);
    append_quoted(out, kSchema<T>.type);
}

// T's members, "type" among them for a tagged type, in the order dump() sorts them.
template <Described T>
const auto& members_in_order() {
    constexpr std::size_t kFields =
        std::tuple_size_v<std::remove_cvref_t<decltype(kSchema<T>.fields)>>;
    constexpr std::size_t kMembers = kFields + (Tagged<T> ? 1 : 0);
    static const std::array<TextMember<T>, kMembers> members =
        []<std::size_t... I>(std::index_sequence<I...>) {
        std::array<TextMember<T>, kMembers> all{
            TextMember<T>{std::get<I>(kSchema<T>.fields).name, &write_member_text<T, I>}...};
        if constexpr (Tagged<T>) {
            all.back() = TextMember<T>{"type", &write_type_text<T>};
        }
        std::sort(all.begin(), all.end(),
                  [](const auto& a, const auto& b) { return a.name < b.name; });
        return all;
    }
    (std::make_index_sequence<kFields>{});
    return members;
}

template <class T>
void write_text(std::string& out, const T& value) {
    if constexpr (std::is_same_v<T, bool>) {
        out += value ? "true" : "false";
    } else if constexpr (std::is_same_v<T, std::string>) {
        append_quoted(out, value);
    } else if constexpr (std::is_same_v<T, double>) {
        append_number(out, value);
    } else if constexpr (Custom<T>) {
        append_dumped(out, write_custom(value));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
        append_number(out, static_cast<std::int64_t>(value));
    } else if constexpr (std::is_integral_v<T>) {
        append_number(out, static_cast<std::uint64_t>(value));
    } else if constexpr (NamedEnum<T>) {
        append_quoted(out, core::to_string(value));
    } else if constexpr (kIsOptional<T>) {
        if (value) {
            write_text(out, *value);
        } else {
            out += "null";
        }
    } else if constexpr (kIsVector<T> || kIsSet<T>) {
        out += '[';
        bool first = true;
        for (const auto& element : value) {
            begin_element(out, first);
            write_text(out, element);
        }
        out += ']';
    } else if constexpr (kIsStringMap<T>) {
        out += '{';
        bool first = true;
        for (const auto& [key, element] : value) {
            begin_member(out, key, first);
            write_text(out, element);
        }
        out += '}';
    } else if constexpr (kIsVariant<T>) {
        std::visit([&](const auto& alternative) { write_text(out, alternative); }, value);
    } else if constexpr (Described<T>) {
        out += '{';
        bool first = true;
        for (const TextMember<T>& member : members_in_order<T>()) {
            member.write(out, value, first);
        }
        out += '}';
    } else {
        static_assert(kAlwaysFalse<T>, "this type has no wire form: give it a kSchema");
    }
}

// Two values as one object, their members merged in sorted order: a command or an event
// flattened beside its envelope.
template <Described A, Described B>
void write_merged_text(std::string& out, const A& a, const B& b) {
    const auto& of_a = members_in_order<A>();
    const auto& of_b = members_in_order<B>();
    out += '{';
    bool first = true;
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < of_a.size() || j < of_b.size()) {
        if (j == of_b.size() || (i < of_a.size() && of_a[i].name < of_b[j].name)) {
            of_a[i++].write(out, a, first);
        } else {
            of_b[j++].write(out, b, first);
        }
    }
    out += '}';
}

template <class T>
std::string text_of(const T& value) {
    std::string out;
    write_text(out, value);
    return out;
}

// [SECTION] Reading

template <class T>
Problem read(const Json& json, T& out, const Path& path);

Problem wrong_type(const Json& json, const Path& path, std::string_view expected);

// The member `name` of an object, or null when it has none.
const Json* member_of(const Json& object, std::string_view name);
Problem read_bool(const Json& json, bool& out, const Path& path);
Problem read_string(const Json& json, std::string& out, const Path& path);
// A whole number within [min, max].
Problem read_signed(const Json& json, std::int64_t min, std::int64_t max, std::int64_t& out,
                    const Path& path);
Problem read_unsigned(const Json& json, std::uint64_t max, std::uint64_t& out, const Path& path);
Problem read_double(const Json& json, double& out, const Path& path);
// A string longer than `max_bytes`, or a list or map of more than `max_items`.
Problem too_long(const Path& path, std::size_t max, bool bytes);
// A map with a key longer than `max` bytes (the key itself is not repeated back).
Problem key_too_long(const Path& path, std::size_t max);
// The string at `path`, for an enum's name; null with `problem` set when it is not one.
const std::string* read_name(const Json& json, const Path& path, Problem& problem);
// The elements of an array (`problem` set when it is not one).
std::size_t array_size(const Json& json, const Path& path, Problem& problem);
const Json& element_of(const Json& array, std::size_t at);

// The types a field's bound (Field::max) applies to: bytes of a string, elements of a list,
// set or map, also inside an optional.
template <class M>
inline constexpr bool kBounded =
    std::is_same_v<M, std::string> || kIsVector<M> || kIsSet<M> || kIsStringMap<M>;
template <class M>
requires kIsOptional<M>
inline constexpr bool kBounded<M> = kBounded<typename M::value_type>;

template <class M>
Problem check_bound(const M& value, std::size_t max, const Path& path) {
    if constexpr (std::is_same_v<M, std::string>) {
        return value.size() > max ? too_long(path, max, true) : std::nullopt;
    } else if constexpr (kIsOptional<M>) {
        return value ? check_bound(*value, max, path) : std::nullopt;
    } else if constexpr (kIsVector<M> || kIsSet<M> || kIsStringMap<M>) {
        return value.size() > max ? too_long(path, max, false) : std::nullopt;
    } else {
        static_assert(kAlwaysFalse<M>, "only strings, lists and maps have a bound");
    }
}

// The types whose elements have a bound (Field::each): lists and sets of strings, maps of
// strings to strings, also inside an optional.
template <class M>
constexpr bool each_bounded() {
    if constexpr (kIsOptional<M>) {
        return each_bounded<typename M::value_type>();
    } else if constexpr (kIsVector<M> || kIsSet<M>) {
        return std::is_same_v<typename M::value_type, std::string>;
    } else if constexpr (kIsStringMap<M>) {
        return std::is_same_v<typename M::mapped_type, std::string>;
    } else {
        return false;
    }
}

template <class M>
Problem check_each(const M& value, std::size_t each, const Path& path) {
    if constexpr (kIsOptional<M>) {
        return value ? check_each(*value, each, path) : std::nullopt;
    } else if constexpr (kIsStringMap<M>) {
        for (const auto& [key, element] : value) {
            if (key.size() > each) {
                return key_too_long(path, each);
            }
            if (element.size() > each) {
                return too_long(path.member(key), each, true);
            }
        }
        return std::nullopt;
    } else {
        std::size_t at = 0;
        for (const std::string& element : value) {
            if (element.size() > each) {
                return too_long(path.element(at), each, true);
            }
            ++at;
        }
        return std::nullopt;
    }
}

template <class M>
Problem check_bounds(const M& value, std::size_t max, std::size_t each, const Path& path) {
    Problem problem;
    if constexpr (kBounded<M>) {
        if (max != 0) {
            problem = check_bound(value, max, path);
        }
    }
    if constexpr (each_bounded<M>()) {
        if (!problem && each != 0) {
            problem = check_each(value, each, path);
        }
    }
    return problem;
}

template <Described T>
Problem read_fields(const Json& object, T& out, const Path& path) {
    Problem problem;
    std::apply(
        [&](const auto&... f) {
            [[maybe_unused]] auto read_one = [&](auto& member, const auto& described) {
                if (problem) {
                    return;
                }
                using M = std::remove_cvref_t<decltype(member)>;
                const Path at = path.member(described.name);
                const Json* found = member_of(object, described.name);
                if (found == nullptr) {
                    if constexpr (kIsOptional<M> || kIsVector<M> || kIsSet<M> || kIsStringMap<M>) {
                        member = M{};
                    } else {
                        problem = error_at(ProtocolErrorCode::missing_field, at, "is missing");
                    }
                    return;
                }
                problem = read(*found, member, at);
                if (!problem) {
                    problem = check_bounds(member, described.max, described.each, at);
                }
            };
            (read_one(out.*(f.member), f), ...);
        },
        kSchema<T>.fields);
    return problem;
}

template <class Integer>
Problem read_integer(const Json& json, Integer& out, const Path& path) {
    if constexpr (std::is_signed_v<Integer>) {
        std::int64_t value = 0;
        Problem problem = read_signed(json, std::numeric_limits<Integer>::min(),
                                      std::numeric_limits<Integer>::max(), value, path);
        out = static_cast<Integer>(value);
        return problem;
    } else {
        std::uint64_t value = 0;
        Problem problem = read_unsigned(json, std::numeric_limits<Integer>::max(), value, path);
        out = static_cast<Integer>(value);
        return problem;
    }
}

// Reads the alternative of `out` whose kType is `type`; false when none is.
template <class... T>
bool read_alternative(const Json& object, std::string_view type, std::variant<T...>& out,
                      const Path& path, Problem& problem) {
    auto try_one = [&]<class A>(std::type_identity<A>) {
        if (kSchema<A>.type != type) {
            return false;
        }
        A alternative{};
        problem = read_fields(object, alternative, path);
        if (!problem) {
            out = std::move(alternative);
        }
        return true;
    };
    return (try_one(std::type_identity<T>{}) || ...);
}

template <class T>
Problem read(const Json& json, T& out, const Path& path) {
    if constexpr (std::is_same_v<T, bool>) {
        return read_bool(json, out, path);
    } else if constexpr (std::is_same_v<T, double>) {
        return read_double(json, out, path);
    } else if constexpr (Custom<T>) {
        return read_custom(json, out, path);
    } else if constexpr (std::is_integral_v<T>) {
        return read_integer(json, out, path);
    } else if constexpr (std::is_same_v<T, std::string>) {
        return read_string(json, out, path);
    } else if constexpr (NamedEnum<T>) {
        Problem problem;
        const std::string* name = read_name(json, path, problem);
        if (name == nullptr) {
            return problem;
        }
        const std::optional<T> value = core::parse<T>(*name);
        if (!value) {
            return error_at(ProtocolErrorCode::invalid_value, path,
                            "must be one of " + enum_choices<T>() + ", not " + excerpt(*name));
        }
        out = *value;
        return std::nullopt;
    } else if constexpr (kIsOptional<T>) {
        if (json.is_null()) {
            out.reset();
            return std::nullopt;
        }
        typename T::value_type inner{};
        Problem problem = read(json, inner, path);
        if (!problem) {
            out = std::move(inner);
        }
        return problem;
    } else if constexpr (kIsVector<T>) {
        Problem problem;
        const std::size_t size = array_size(json, path, problem);
        out.clear();
        out.resize(size);
        for (std::size_t i = 0; i < size && !problem; ++i) {
            problem = read(element_of(json, i), out[i], path.element(i));
        }
        return problem;
    } else if constexpr (kIsSet<T>) {
        Problem problem;
        const std::size_t size = array_size(json, path, problem);
        out.clear();
        for (std::size_t i = 0; i < size && !problem; ++i) {
            typename T::value_type element{};
            problem = read(element_of(json, i), element, path.element(i));
            if (!problem) {
                out.insert(std::move(element));
            }
        }
        return problem;
    } else if constexpr (kIsStringMap<T>) {
        if (!json.is_object()) {
            return wrong_type(json, path, "an object");
        }
        out.clear();
        for (const auto& [key, element] : json.items()) {
            if (Problem problem = read(element, out[key], path.member(key))) {
                return problem;
            }
        }
        return std::nullopt;
    } else if constexpr (kIsVariant<T>) {
        if (!json.is_object()) {
            return wrong_type(json, path, "an object");
        }
        const Result<std::string> type = read_type(json, path);
        if (!type) {
            return type.error();
        }
        Problem problem;
        if (!read_alternative(json, type.value(), out, path, problem)) {
            return error_at(ProtocolErrorCode::invalid_value, path,
                            "has an unknown type " + excerpt(type.value()));
        }
        return problem;
    } else if constexpr (Described<T>) {
        if (!json.is_object()) {
            return wrong_type(json, path, "an object");
        }
        return read_fields(json, out, path);
    } else {
        static_assert(kAlwaysFalse<T>, "this type has no wire form: give it a kSchema");
    }
}

// Decodes a message that is exactly one tagged type T (a rejection, a snapshot, ...).
template <Tagged T>
Result<T> decode_tagged(std::string_view text, std::size_t max_bytes) {
    Result<Json> parsed = parse_object(text, max_bytes);
    if (!parsed) {
        return parsed.error();
    }
    const Path root{nullptr, kSchema<T>.type};
    const Result<std::string> type = read_type(parsed.value(), root);
    if (!type) {
        return type.error();
    }
    if (type.value() != kSchema<T>.type) {
        return ProtocolError{ProtocolErrorCode::unknown_type,
                             "Expected a message of type '" + std::string(kSchema<T>.type) +
                                 "', not " + excerpt(type.value()) + "."};
    }
    T value{};
    if (Problem problem = read_fields(parsed.value(), value, root)) {
        return *problem;
    }
    return value;
}

}  // namespace parley::protocol::detail
