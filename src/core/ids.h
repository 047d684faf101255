// Identifier and time types shared by the whole domain core.
// Standard library only; no I/O, clock or randomness: time is always an input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace parley::core {

// Milliseconds since the Unix epoch, always taken from a command's `at`, never from a clock.
using Timestamp = std::int64_t;
// A span of time in milliseconds.
using Duration = std::int64_t;

// Ids the core assigns from counters in State (dense, starting at 1, never reused).
using MessageId = std::uint64_t;
using NoteId = std::uint64_t;
using TicketId = std::uint64_t;
using QueueId = std::uint64_t;
using CannedResponseId = std::uint64_t;

// Ids chosen outside the core: login names, customer tokens, client-generated command ids,
// and chat ids (customers and browsers see them, so the server draws 128 random bits rather
// than counting; the core only requires them to be new and non-empty).
using ChatId = std::string;
using AgentId = std::string;
using CustomerId = std::string;
using CommandId = std::string;

inline constexpr Duration kSecond = 1000;
inline constexpr Duration kMinute = 60 * kSecond;
inline constexpr Duration kHour = 60 * kMinute;
inline constexpr Duration kDay = 24 * kHour;

// Where the entity with a dense id (1, 2, ...) sits in its vector; size_t is 32 bits in wasm.
constexpr std::size_t position_of(std::uint64_t id) {
    return static_cast<std::size_t>(id - 1);
}

// The General queue exists in every State from the start; chats without a queue land there.
inline constexpr QueueId kGeneralQueueId = 1;

}  // namespace parley::core
