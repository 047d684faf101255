// One REST request in flight: the request, who sent it, the path's parameters, and the ways
// to answer. Handlers take a Call by shared pointer because many answer later, from the
// authority's strand, after a command is durable.
#pragma once

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "protocol/rest/rest_codec.h"
#include "server/access/accounts.h"
#include "server/rest/api.h"

namespace parley::server::rest {

struct Call : std::enable_shared_from_this<Call> {
    using Workers = boost::asio::thread_pool::executor_type;

    Call(Services& services_in, HttpRequest request_in, RequestContext context_in,
         Respond respond_in, Workers workers_in)
        : services(services_in),
          request(std::move(request_in)),
          context(std::move(context_in)),
          respond(std::move(respond_in)),
          workers(workers_in) {}

    Services& services;
    HttpRequest request;
    RequestContext context;
    // Set when the request carried a valid credential (cookie, bearer token or API key).
    std::optional<Principal> principal;
    // Named segments of the route ("{chat}" → params["chat"]).
    std::map<std::string, std::string> params;
    Respond respond;
    Workers workers;
    // Set by the first answer: a handler that fails after answering must not answer twice.
    std::atomic_flag answered;

    // Answers with a body of the REST contract (src/protocol/rest), encoded by its codec.
    template <class Body>
    void reply(boost::beast::http::status status, const Body& body) {
        reply_encoded(status, protocol::rest::encode(body));
    }
    void reply_encoded(boost::beast::http::status status, std::string json);
    void reply(ApiResponse response);
    void fail(boost::beast::http::status status, std::string_view code, std::string_view message);
    void fail(const AccessError& error);
    void fail(const protocol::Rejected& rejected);

    // The body as a request body of the REST contract, or the decoder's 400 (413 when too
    // large) naming the field, and nothing.
    template <class Body>
    std::optional<Body> body_as() {
        auto decoded = protocol::rest::decode<Body>(request.body());
        if (!decoded) {
            refuse_body(decoded.error());
            return std::nullopt;
        }
        return std::move(decoded).value();
    }
    void refuse_body(const protocol::ProtocolError& error);
    // The query parameter, if present (percent-decoded).
    std::optional<std::string> query(std::string_view name) const;

    // Each answers 401/403 itself and returns false when the caller may not go on.
    bool require_signed_in();
    bool require_staff();
    // Staff of this role or above, looked up in the State on the authority's strand.
    void with_role(core::Role at_least, std::function<void()> then);
    // The same check against `state` (the authority's, or the read model's directory).
    bool require_role(const core::State& state, core::Role at_least);

    // Runs a command as the caller (or `actor`) and answers with `on_ack` once durable, or
    // with the rejection. Refused first when the caller's address is past a customer limit.
    void command(core::Command command, std::function<void(const protocol::Ack&)> on_ack);
    void command_as(core::Actor actor, core::Command command,
                    std::function<void(const protocol::Ack&)> on_ack);
    // The same under an explicit command id: the client's own (POST /api/commands), or one
    // per step of a request that runs several commands.
    void submit(core::CommandId id, core::Actor actor, core::Command command,
                std::function<void(const protocol::Ack&)> on_ack);

    // Runs `work` on the REST workers: account and file operations block (argon2id, a
    // commit, a disk read) and must never run on the authority's strand.
    void off_strand(std::function<void()> work);
    // Runs `read` on the read model's threads, guarded, once it holds everything committed
    // before now: a client reads what it has just written.
    void read_model(std::function<void(sqlite::Connection&, const core::State& directory)> read);
    // Runs `work` on the password workers: anything that hashes or checks a password.
    void with_password_workers(std::function<void()> work);
    // Runs `work`, answering 500 if it throws: on the strand or a worker an escaping
    // exception would take the whole server down, not just this request.
    void guarded(const std::function<void()>& work);
};

using CallPtr = std::shared_ptr<Call>;
using Handler = void (*)(const CallPtr&);

// The command id for a REST command: the client's Idempotency-Key header when present (so a
// retried request changes nothing), otherwise a fresh random one.
std::string command_id_for(const HttpRequest& request);

}  // namespace parley::server::rest
