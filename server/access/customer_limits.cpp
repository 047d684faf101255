#include "server/access/customer_limits.h"

#include <algorithm>
#include <cctype>
#include <variant>

namespace parley::server {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::size_t kMaxKeys = 100'000;

// "Ann@Example.com " and "ann@example.com" reach the same mailbox.
std::string recipient_key(const std::string& address) {
    std::string key;
    for (const char c : address) {
        if (!std::isspace(static_cast<unsigned char>(c))) {
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return key;
}

}  // namespace

CustomerLimits::Budget::Budget(unsigned per_period, std::int64_t period_seconds)
    : seconds_per_refill((period_seconds + per_period - 1) / per_period),
      limiter(per_period, static_cast<double>(per_period) / static_cast<double>(period_seconds),
              kMaxKeys) {}

CustomerLimits::CustomerLimits(const ServerConfig& config)
    : chat_starts_(config.chat_starts_per_address, kMinute),
      transcripts_by_address_(config.transcripts_per_address, kHour),
      transcripts_by_recipient_(config.transcripts_per_recipient, kDay) {}

std::optional<LimitRefusal> CustomerLimits::check(const core::Actor& actor,
                                                  const core::Command& command,
                                                  const std::string& client_ip,
                                                  std::int64_t now_ms) {
    if (std::holds_alternative<core::StartChat>(command) &&
        actor.kind != core::ActorKind::integration) {
        if (!chat_starts_.limiter.allow(client_ip, now_ms)) {
            return LimitRefusal{
                "Too many chats were started from this address; wait a moment "
                "and start it again.",
                chat_starts_.seconds_per_refill};
        }
    }
    if (const auto* transcript = std::get_if<core::RequestTranscript>(&command);
        transcript && !transcript->address.empty()) {
        if (!transcripts_by_address_.limiter.allow(client_ip, now_ms)) {
            return LimitRefusal{
                "Too many transcript emails were asked for from this address; "
                "try again later.",
                transcripts_by_address_.seconds_per_refill};
        }
        if (!transcripts_by_recipient_.limiter.allow(recipient_key(transcript->address), now_ms)) {
            return LimitRefusal{
                "Too many transcript emails were asked for to this address "
                "today; try again tomorrow.",
                transcripts_by_recipient_.seconds_per_refill};
        }
    }
    return std::nullopt;
}

}  // namespace parley::server
