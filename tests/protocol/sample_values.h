// Test helper: fills any type the protocol describes with non-default values, walking the
// same kSchema the codec uses, so a round-trip test covers every field of every command,
// event and entity without listing them again; and checks that each kSchema lists every
// member of its type, so a field the codec forgot cannot hide.
#pragma once

#include <cstddef>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "protocol/json_fields.h"

namespace parley::protocol::testing {

// Stands for any member when counting an aggregate's members by brace-initialising it.
struct AnyMember {
    template <class T>
    requires(!std::is_same_v<std::remove_cvref_t<T>, AnyMember>) operator T() const;
};

template <class T, class... Members>
constexpr std::size_t member_count() {
    if constexpr (requires { T{std::declval<Members>()..., AnyMember{}}; }) {
        return member_count<T, Members..., AnyMember>();
    } else {
        return sizeof...(Members);
    }
}

// True when T's kSchema lists as many fields as T has members: a field the core adds fails
// the tests here until the protocol describes it.
template <class T>
constexpr bool describes_every_member() {
    return member_count<T>() == std::tuple_size_v<decltype(detail::kSchema<T>.fields)>;
}

// Strings carry non-ASCII text so UTF-8 survives the trip too.
template <class T>
void fill(T& value, int seed) {
    using namespace detail;
    if constexpr (std::is_same_v<T, bool>) {
        value = true;
    } else if constexpr (std::is_integral_v<T>) {
        value = static_cast<T>(100 + seed);
    } else if constexpr (std::is_same_v<T, std::string>) {
        value = "value " + std::to_string(seed) + " — Привет";
    } else if constexpr (NamedEnum<T>) {
        const std::size_t count = core::EnumNames<T>::names.size();
        value = static_cast<T>(count - 1 - static_cast<std::size_t>(seed) % count);
    } else if constexpr (kIsOptional<T>) {
        fill(value.emplace(), seed);
    } else if constexpr (kIsVector<T>) {
        value.resize(2);
        fill(value[0], seed);
        fill(value[1], seed + 1);
    } else if constexpr (kIsSet<T>) {
        for (int i = 0; i < 2; ++i) {
            typename T::value_type element{};
            fill(element, seed + i);
            value.insert(std::move(element));
        }
    } else if constexpr (kIsStringMap<T>) {
        for (int i = 0; i < 2; ++i) {
            std::string key;
            fill(key, seed + i);
            fill(value[key], seed + i);
        }
    } else if constexpr (Described<T>) {
        static_assert(describes_every_member<T>(), "kSchema<T> leaves out a member of T");
        int next = seed;
        std::apply([&](const auto&... f) { (fill(value.*(f.member), ++next), ...); },
                   kSchema<T>.fields);
    } else {
        static_assert(kAlwaysFalse<T>, "no sample for this type");
    }
}

// A filled value of alternative I of Payload (core::Command or core::Event).
template <class Payload, std::size_t I>
Payload sample_alternative(int seed) {
    std::variant_alternative_t<I, typename Payload::Variant> value{};
    fill(value, seed);
    return Payload{std::move(value)};
}

// Calls check(value) with a filled value of every alternative of Payload, in order.
template <class Payload, class Check>
void for_each_alternative(Check&& check) {
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (check(sample_alternative<Payload, I>(static_cast<int>(I))), ...);
    }
    (std::make_index_sequence<std::variant_size_v<typename Payload::Variant>>{});
}

}  // namespace parley::protocol::testing
