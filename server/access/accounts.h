// Who is speaking: staff log in with a password and get a session token (cookie for the
// browser console, bearer for the native one); a customer who starts a chat gets a token
// scoped to that chat; integrations use API keys an admin made. Only hashes of tokens and
// secrets are stored. Callbacks run on the store's commit thread; the caller moves back to
// its own executor. Thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/actor.h"
#include "core/ids.h"
#include "core/model.h"
#include "server/auth/login_throttle.h"
#include "server/auth/passwords.h"
#include "server/metrics/metrics.h"
#include "server/store/store.h"

namespace parley::server {

using Clock = std::function<core::Timestamp()>;

// A refusal with the HTTP status it maps to, a stable code and a sentence.
struct AccessError {
    AccessError() = default;
    AccessError(int status_in, std::string code_in, std::string message_in,
                std::optional<std::int64_t> retry_after_seconds_in = std::nullopt)
        : status(status_in),
          code(std::move(code_in)),
          message(std::move(message_in)),
          retry_after_seconds(retry_after_seconds_in) {}

    int status = 401;
    std::string code;
    std::string message;
    // When trying again later helps (a throttled sign-in): how many seconds later.
    std::optional<std::int64_t> retry_after_seconds;
};

struct Principal {
    core::Actor actor;
    // The session's token hash (empty for API keys): logout and revocation close by it.
    std::string token_hash;
    // Customers: the one chat the token opens.
    std::optional<core::ChatId> chat;
    core::Timestamp expires_at = 0;
};

struct IssuedToken {
    std::string token;
    Principal principal;
};

struct ApiKeySecret {
    StoredApiKey key;
    // "<id>.<secret>", shown once.
    std::string credential;
};

struct AccountsOptions {
    core::Duration staff_session = 12 * core::kHour;
    core::Duration customer_session = 7 * core::kDay;
    auth::PasswordCost password_cost = auth::kInteractiveCost;
    auth::LoginLimits login_limits;
    // Counts every password check, so an attack shows in the metrics (optional).
    metrics::Counter* password_checks = nullptr;
};

template <class T>
using AccessResult = std::variant<T, AccessError>;

class Accounts {
public:
    Accounts(AccountStore& store, Clock clock, AccountsOptions options);

    // What the accounts know of staff from the State: who exists and is enabled.
    void set_staff(const core::AgentId& agent, bool enabled);
    void forget_staff(const core::AgentId& agent);

    // Blocking (argon2id and a commit): call it off the latency-sensitive paths.
    AccessResult<IssuedToken> login(const std::string& agent, const std::string& password,
                                    const std::string& ip);
    std::optional<AccessError> logout(const std::string& token_hash);
    AccessResult<Principal> authenticate(const std::string& credential);
    AccessResult<IssuedToken> issue_customer_token(const core::CustomerId& customer,
                                                   core::ChatId chat);

    // Sets a password (new account, admin reset, own change) and ends the agent's sessions.
    std::optional<AccessError> set_password(const core::AgentId& agent,
                                            const std::string& password);
    // Checks the current password before a change.
    bool password_matches(const core::AgentId& agent, const std::string& password);
    // Ends every session of the agent (password change); blocks until durable.
    void end_sessions_of(const core::AgentId& agent);
    // The same without waiting (deactivation, from the authority's strand): the agent is
    // already refused because set_staff marked them disabled.
    void end_sessions_of_later(const core::AgentId& agent);

    AccessResult<ApiKeySecret> create_api_key(const std::string& name,
                                              const core::AgentId& created_by);
    std::optional<AccessError> revoke_api_key(const std::string& id);
    std::vector<StoredApiKey> api_keys();

    void delete_expired_sessions();

    // What an unknown account's password is checked against: hashed at the configured cost,
    // so a wrong name takes as long as a wrong password.
    const std::string& decoy_hash() const { return decoy_hash_; }

private:
    bool check_password(std::string_view hash, std::string_view password);
    std::optional<StoreError> wait(const std::function<void(CommitDone)>& write);
    AccessResult<IssuedToken> issue(SessionKind kind, const std::string& subject,
                                    std::optional<core::ChatId> chat, core::Duration ttl);
    bool staff_enabled(const core::AgentId& agent);

    AccountStore& store_;
    Clock clock_;
    AccountsOptions options_;
    std::string decoy_hash_;
    auth::LoginThrottle throttle_;
    std::mutex mutex_;
    std::unordered_map<core::AgentId, bool> staff_;
};

}  // namespace parley::server
