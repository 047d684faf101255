// Sessions, customer tokens and API keys over the AccountStore.
#include "server/access/accounts.h"

#include <future>

#include "server/auth/tokens.h"

namespace parley::server {
namespace {

AccessError wrong_credentials() {
    return {401, "wrong_credentials", "The name or password is wrong."};
}

AccessError not_signed_in() {
    return {401, "not_signed_in", "Sign in first: the session is missing, ended or expired."};
}

AccessError store_failed(const StoreError& error) {
    return {503, "store_unavailable",
            "The server could not save this (" + error.code + "); try again in a moment."};
}

}  // namespace

Accounts::Accounts(AccountStore& store, Clock clock, AccountsOptions options)
    : store_(store),
      clock_(std::move(clock)),
      options_(options),
      decoy_hash_(auth::hash_password("decoy password", options.password_cost)),
      throttle_(options.login_limits) {}

bool Accounts::check_password(std::string_view hash, std::string_view password) {
    if (options_.password_checks != nullptr) {
        options_.password_checks->inc();
    }
    return auth::verify_password(hash, password);
}

void Accounts::set_staff(const core::AgentId& agent, bool enabled) {
    const std::lock_guard lock(mutex_);
    staff_[agent] = enabled;
}

void Accounts::forget_staff(const core::AgentId& agent) {
    const std::lock_guard lock(mutex_);
    staff_.erase(agent);
}

bool Accounts::staff_enabled(const core::AgentId& agent) {
    const std::lock_guard lock(mutex_);
    const auto found = staff_.find(agent);
    return found != staff_.end() && found->second;
}

std::optional<StoreError> Accounts::wait(const std::function<void(CommitDone)>& write) {
    std::promise<std::optional<StoreError>> committed;
    auto result = committed.get_future();
    write([&committed](std::optional<StoreError> error) { committed.set_value(std::move(error)); });
    return result.get();
}

AccessResult<IssuedToken> Accounts::login(const std::string& agent, const std::string& password,
                                          const std::string& ip) {
    const core::Timestamp now = clock_();
    if (const auto wait_ms = throttle_.admit(ip, agent, now)) {
        const std::int64_t seconds = (*wait_ms + 999) / 1000;
        return AccessError{
            429, "too_many_attempts",
            "Too many failed sign-ins; try again in " + std::to_string(seconds) + " seconds.",
            seconds};
    }
    const std::optional<Credential> credential = store_.credential(agent);
    // An unknown name is checked against the decoy, the same work as a wrong password.
    const bool matches =
        check_password(credential ? credential->password_hash : decoy_hash_, password);
    if (!credential || !matches) {
        throttle_.record_failure(ip, agent, now);
        return wrong_credentials();
    }
    if (!staff_enabled(agent)) {
        return AccessError{403, "account_disabled",
                           "This account is disabled; ask an administrator to enable it."};
    }
    throttle_.record_success(ip, agent);
    if (auth::needs_rehash(credential->password_hash, options_.password_cost)) {
        Credential renewed{agent, auth::hash_password(password, options_.password_cost), now};
        store_.put_credential(std::move(renewed), [](std::optional<StoreError>) {});
    }
    return issue(SessionKind::staff, agent, std::nullopt, options_.staff_session);
}

AccessResult<IssuedToken> Accounts::issue(SessionKind kind, const std::string& subject,
                                          std::optional<core::ChatId> chat, core::Duration ttl) {
    const core::Timestamp now = clock_();
    IssuedToken issued;
    issued.token = auth::new_token();
    StoredSession session{auth::token_hash(issued.token), kind, subject, chat, now, now + ttl};
    issued.principal.actor =
        kind == SessionKind::staff ? core::Actor::agent(subject) : core::Actor::customer(subject);
    issued.principal.token_hash = session.token_hash;
    issued.principal.chat = chat;
    issued.principal.expires_at = session.expires_at;
    if (auto error = wait([&](CommitDone done) { store_.put_session(session, std::move(done)); })) {
        return store_failed(*error);
    }
    return issued;
}

std::optional<AccessError> Accounts::logout(const std::string& token_hash) {
    if (auto error =
            wait([&](CommitDone done) { store_.delete_session(token_hash, std::move(done)); })) {
        return store_failed(*error);
    }
    return std::nullopt;
}

AccessResult<Principal> Accounts::authenticate(const std::string& credential) {
    if (credential.starts_with("key_")) {
        const std::size_t dot = credential.find('.');
        if (dot == std::string::npos) {
            return not_signed_in();
        }
        const std::optional<StoredApiKey> key = store_.api_key(credential.substr(0, dot));
        if (!key || key->revoked ||
            !auth::constant_time_equal(key->secret_hash,
                                       auth::token_hash(credential.substr(dot + 1)))) {
            return AccessError{401, "invalid_api_key", "The API key is unknown or revoked."};
        }
        return Principal{core::Actor::integration(key->id), {}, std::nullopt, 0};
    }
    if (!auth::looks_like_token(credential)) {
        return not_signed_in();
    }
    const std::string hash = auth::token_hash(credential);
    const std::optional<StoredSession> session = store_.session(hash);
    if (!session || session->expires_at <= clock_()) {
        return not_signed_in();
    }
    if (session->kind == SessionKind::staff) {
        if (!staff_enabled(session->subject)) {
            return not_signed_in();
        }
        return Principal{core::Actor::agent(session->subject), hash, std::nullopt,
                         session->expires_at};
    }
    return Principal{core::Actor::customer(session->subject), hash, session->chat,
                     session->expires_at};
}

AccessResult<IssuedToken> Accounts::issue_customer_token(const core::CustomerId& customer,
                                                         core::ChatId chat) {
    return issue(SessionKind::customer, customer, chat, options_.customer_session);
}

std::optional<AccessError> Accounts::set_password(const core::AgentId& agent,
                                                  const std::string& password) {
    if (const auto problem = auth::password_problem(password)) {
        return AccessError{400, "weak_password", *problem};
    }
    Credential credential{agent, auth::hash_password(password, options_.password_cost), clock_()};
    if (auto error =
            wait([&](CommitDone done) { store_.put_credential(credential, std::move(done)); })) {
        return store_failed(*error);
    }
    end_sessions_of(agent);
    return std::nullopt;
}

bool Accounts::password_matches(const core::AgentId& agent, const std::string& password) {
    const std::optional<Credential> credential = store_.credential(agent);
    return credential && check_password(credential->password_hash, password);
}

void Accounts::end_sessions_of(const core::AgentId& agent) {
    wait([&](CommitDone done) {
        store_.delete_sessions_of(SessionKind::staff, agent, std::move(done));
    });
}

void Accounts::end_sessions_of_later(const core::AgentId& agent) {
    store_.delete_sessions_of(SessionKind::staff, agent, [](std::optional<StoreError>) {});
}

AccessResult<ApiKeySecret> Accounts::create_api_key(const std::string& name,
                                                    const core::AgentId& created_by) {
    if (name.empty() || name.size() > 100) {
        return AccessError{400, "invalid_name", "Give the API key a name of 1 to 100 characters."};
    }
    const std::string secret = auth::new_token();
    ApiKeySecret made;
    made.key = StoredApiKey{auth::new_id("key_"), name,     auth::token_hash(secret),
                            created_by,           clock_(), false};
    made.credential = made.key.id + "." + secret;
    if (auto error =
            wait([&](CommitDone done) { store_.put_api_key(made.key, std::move(done)); })) {
        return store_failed(*error);
    }
    return made;
}

std::optional<AccessError> Accounts::revoke_api_key(const std::string& id) {
    std::optional<StoredApiKey> key = store_.api_key(id);
    if (!key) {
        return AccessError{404, "unknown_api_key", "There is no API key " + id + "."};
    }
    key->revoked = true;
    if (auto error = wait([&](CommitDone done) { store_.put_api_key(*key, std::move(done)); })) {
        return store_failed(*error);
    }
    return std::nullopt;
}

std::vector<StoredApiKey> Accounts::api_keys() {
    return store_.api_keys();
}

void Accounts::delete_expired_sessions() {
    store_.delete_expired_sessions(clock_(), [](std::optional<StoreError>) {});
}

}  // namespace parley::server
