// How much a REST body may carry, field by field: the decoder refuses more (400
// invalid_value naming the field) and the published contract states the same figures. Generous
// bounds against absurd input; the core holds the real rules (a message's length, an article's
// tags) and explains them in its own refusals.
#pragma once

#include <cstddef>

namespace parley::protocol::rest::limits {

// Texts people type (names, titles): enough for any real one, small enough to show in a list.
inline constexpr std::size_t kNameBytes = 200;
// Email addresses and contacts (RFC 5321's path limit).
inline constexpr std::size_t kAddressBytes = 254;
// Free texts the core bounds itself (messages, questions): only a guard against absurd sizes.
inline constexpr std::size_t kTextBytes = 64 * 1024;
inline constexpr std::size_t kPasswordBytes = 1024;
inline constexpr std::size_t kAgentIdBytes = 64;
inline constexpr std::size_t kApiKeyNameBytes = 100;
inline constexpr std::size_t kUrlBytes = 2000;
inline constexpr std::size_t kSecretBytes = 200;
// Lines of a bot's conversation handed over with a chat.
inline constexpr std::size_t kBotLines = 500;
inline constexpr std::size_t kContextEntries = 100;
// Each value of a chat's context (an order summary, a page's address): the keys are names.
inline constexpr std::size_t kContextBytes = 4 * 1024;
inline constexpr std::size_t kExternalIds = 20;
inline constexpr std::size_t kMessageAttachments = 10;
inline constexpr std::size_t kAgentQueues = 100;
inline constexpr std::size_t kArticleQueues = 100;
inline constexpr std::size_t kCustomerAssets = 1000;

}  // namespace parley::protocol::rest::limits
