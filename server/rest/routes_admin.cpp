// Administration over REST: the floor's queues and agents for staff, staff accounts and API
// keys for admins, canned responses and settings, and POST /api/commands, which takes any core
// command exactly as the WebSocket does (queues, canned responses and settings are managed
// through it). Account work blocks, so it runs on the REST workers, never on the strand.
//
// [SECTION] Reading the organisation
// [SECTION] Staff accounts
// [SECTION] API keys
// [SECTION] Any command
#include <algorithm>
#include <cctype>

#include "core/names.h"
#include "protocol/session.h"
#include "server/access/uploads.h"
#include "server/auth/passwords.h"
#include "server/rest/chat_access.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;

// Checks the caller is an enabled admin, then runs `then` with the State on the strand.
void as_admin(const CallPtr& call, std::function<void(const core::State&)> then) {
    call->with_role(core::Role::admin, [call, then = std::move(then)] { read_state(call, then); });
}

// [SECTION] Reading the organisation

nlohmann::json queue_json(const core::State& state, const core::Queue& queue) {
    const core::QueueConfig& config = queue.config;
    return {{"id", queue.id},
            {"name", config.name},
            {"mode", core::to_string(config.mode)},
            {"enabled", queue.enabled},
            {"general", queue.general},
            {"accepts_transfers", config.accepts_transfers},
            {"reminder_delay", config.reminder_delay},
            {"auto_close_delay", config.auto_close_delay},
            {"offer_timeout", config.offer_timeout},
            {"transfer_timeout", config.transfer_timeout},
            {"target_wait", config.target_wait},
            {"members", queue.members},
            {"waiting", state.queue_index(queue.id).waiting.size()}};
}

nlohmann::json agent_json(const core::State& state, const core::Agent& agent) {
    return {{"id", agent.id},
            {"name", agent.profile.name},
            {"role", core::to_string(agent.profile.role)},
            {"company", agent.profile.company},
            {"presence", core::to_string(agent.presence)},
            {"capacity", agent.capacity},
            {"enabled", agent.enabled},
            {"queues", agent.queues},
            {"load", state.chats_of(agent.id).load()}};
}

void list_queues(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        nlohmann::json queues = nlohmann::json::array();
        for (const core::Queue& queue : state.queues) {
            queues.push_back(queue_json(state, queue));
        }
        call->reply(http::status::ok, {{"queues", queues}});
    });
}

void list_agents(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        nlohmann::json agents = nlohmann::json::array();
        for (const auto& [id, agent] : state.agents) {
            agents.push_back(agent_json(state, agent));
        }
        call->reply(http::status::ok, {{"agents", agents}});
    });
}

void list_canned_responses(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        nlohmann::json responses = nlohmann::json::array();
        for (const auto& [id, response] : state.canned_responses) {
            if (response.owner && *response.owner != call->principal->actor.id) {
                continue;
            }
            responses.push_back({{"id", id},
                                 {"title", response.title},
                                 {"shortcut", response.shortcut},
                                 {"text", response.text},
                                 {"personal", response.owner.has_value()}});
        }
        call->reply(http::status::ok, {{"canned_responses", responses}});
    });
}

void get_settings(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        const core::Settings& settings = state.settings;
        call->reply(http::status::ok,
                    {{"settings",
                      {{"company_filter", settings.company_filter},
                       {"retention", settings.retention},
                       {"max_message_length", settings.max_message_length},
                       {"max_attachment_bytes", settings.max_attachment_bytes},
                       {"allowed_attachment_types", settings.allowed_attachment_types},
                       {"customer_messages_per_chat", core::customer_messages_per_chat(settings)},
                       {"customer_bytes_per_chat", core::customer_bytes_per_chat(settings)}}}});
    });
}

// [SECTION] Staff accounts

struct NewAgent {
    core::CreateAgent command;
    std::vector<core::QueueId> queues;
    std::string password;
    // Each step's command id derives from it, so a retried request repeats every step.
    std::string command_id;
};

// Login names: short, and nothing a URL or a log line would need to escape.
bool valid_agent_id(const std::string& id) {
    return !id.empty() && id.size() <= 64 && std::all_of(id.begin(), id.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-';
    });
}

std::optional<std::vector<core::QueueId>> read_queue_ids(BodyReader& reader) {
    const nlohmann::json* queues = reader.any("queues", Need::optional);
    std::vector<core::QueueId> out;
    if (!queues) {
        return out;
    }
    if (!queues->is_array() || queues->size() > 100 ||
        !std::all_of(queues->begin(), queues->end(),
                     [](const nlohmann::json& q) { return q.is_number_unsigned(); })) {
        reader.problem("wrong_type", "The field queues must be a list of queue ids.");
        return std::nullopt;
    }
    for (const nlohmann::json& queue : *queues) {
        out.push_back(queue.get<core::QueueId>());
    }
    return out;
}

void check_password(BodyReader& reader, const std::optional<std::string>& password) {
    if (password) {
        if (const auto problem = auth::password_problem(*password)) {
            reader.problem("weak_password", *problem);
        }
    }
}

std::optional<NewAgent> read_new_agent(Call& call, const nlohmann::json& body) {
    BodyReader reader(call, body);
    const auto id = reader.text("id", Need::required, 64);
    const auto name = reader.text("name", Need::required);
    const auto role_name = reader.text("role", Need::optional);
    const auto company = reader.text("company", Need::optional);
    const auto capacity = reader.integer("capacity", Need::optional);
    const auto password = reader.text("password", Need::required, 1024);
    auto queues = read_queue_ids(reader);
    const auto role = role_name ? core::parse<core::Role>(*role_name) : core::Role::agent;
    if (id && !valid_agent_id(*id)) {
        reader.problem("invalid_value",
                       "The field id may hold letters, digits, '.', '_' and "
                       "'-' only.");
    }
    if (!role) {
        reader.problem("invalid_value", "The field role must be agent, supervisor or admin.");
    }
    if (capacity && (*capacity < 0 || *capacity > 100)) {
        reader.problem("invalid_value", "The field capacity must be from 0 to 100.");
    }
    check_password(reader, password);
    if (!reader.ok()) {
        return std::nullopt;
    }
    NewAgent agent;
    agent.command = {
        *id, {*name, *role, company.value_or("")}, static_cast<int>(capacity.value_or(3))};
    agent.queues = std::move(*queues);
    agent.password = *password;
    agent.command_id = command_id_for(call.request);
    return agent;
}

nlohmann::json new_agent_json(const NewAgent& agent) {
    return {{"id", agent.command.agent},
            {"name", agent.command.profile.name},
            {"role", core::to_string(agent.command.profile.role)},
            {"company", agent.command.profile.company},
            {"capacity", agent.command.capacity},
            {"queues", agent.queues}};
}

// A retry of a finished request must not reset the password again: that would end the new
// agent's sessions.
void finish_new_agent(const CallPtr& call, const NewAgent& agent, bool repeated) {
    call->with_password_workers([call, agent, repeated] {
        const core::AgentId& id = agent.command.agent;
        if (!repeated || !call->services.account_store.credential(id)) {
            if (auto error = call->services.accounts.set_password(id, agent.password)) {
                call->fail(*error);
                return;
            }
        }
        call->services.accounts.set_staff(id, true);
        call->reply(http::status::created, new_agent_json(agent));
    });
}

void add_memberships(const CallPtr& call, const NewAgent& agent, std::size_t next, bool repeated) {
    if (next == agent.queues.size()) {
        finish_new_agent(call, agent, repeated);
        return;
    }
    const core::QueueId queue = agent.queues[next];
    call->submit(agent.command_id + "/queue-" + std::to_string(queue), call->principal->actor,
                 core::AddQueueMember{queue, agent.command.agent},
                 [call, agent, next, repeated](const protocol::Ack&) {
                     add_memberships(call, agent, next + 1, repeated);
                 });
}

void create_agent(const CallPtr& call) {
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    auto agent = read_new_agent(*call, *body);
    if (!agent) {
        return;
    }
    // Queues are checked before the account exists, so a typo leaves nothing half made.
    as_admin(call, [call, agent = std::move(*agent)](const core::State& state) {
        for (const core::QueueId queue : agent.queues) {
            if (!state.find_queue(queue)) {
                call->fail(http::status::not_found, "unknown_queue",
                           "There is no queue " + std::to_string(queue) + ".");
                return;
            }
        }
        call->submit(agent.command_id + "/agent", call->principal->actor, agent.command,
                     [call, agent](const protocol::Ack& ack) {
                         add_memberships(call, agent, 0, ack.duplicate);
                     });
    });
}

void reset_password(const CallPtr& call) {
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    const auto password = reader.text("password", Need::required, 1024);
    check_password(reader, password);
    if (!reader.ok()) {
        return;
    }
    const core::AgentId agent = call->params["agent"];
    as_admin(call, [call, agent, password = *password](const core::State& state) {
        if (!state.find_agent(agent)) {
            call->fail(http::status::not_found, "unknown_agent", "There is no such agent.");
            return;
        }
        call->with_password_workers([call, agent, password] {
            if (auto error = call->services.accounts.set_password(agent, password)) {
                call->fail(*error);
                return;
            }
            call->services.connections.end_actor(core::Actor::agent(agent), "password reset");
            call->reply(http::status::ok, {{"agent", agent}, {"password_reset", true}});
        });
    });
}

// [SECTION] API keys

void list_api_keys(const CallPtr& call) {
    as_admin(call, [call](const core::State&) {
        call->off_strand([call] {
            nlohmann::json keys = nlohmann::json::array();
            for (const StoredApiKey& key : call->services.accounts.api_keys()) {
                keys.push_back({{"id", key.id},
                                {"name", key.name},
                                {"created_by", key.created_by},
                                {"created_at", key.created_at},
                                {"revoked", key.revoked}});
            }
            call->reply(http::status::ok, {{"api_keys", keys}});
        });
    });
}

void create_api_key(const CallPtr& call) {
    const auto body = call->json_body();
    if (!body) {
        return;
    }
    BodyReader reader(*call, *body);
    const auto name = reader.text("name", Need::required);
    if (!reader.ok()) {
        return;
    }
    as_admin(call, [call, name = *name](const core::State&) {
        call->off_strand([call, name] {
            auto made = call->services.accounts.create_api_key(name, call->principal->actor.id);
            if (const auto* error = std::get_if<AccessError>(&made)) {
                call->fail(*error);
                return;
            }
            const auto& secret = std::get<ApiKeySecret>(made);
            call->reply(http::status::created, {{"id", secret.key.id},
                                                {"name", secret.key.name},
                                                {"created_by", secret.key.created_by},
                                                {"created_at", secret.key.created_at},
                                                {"key", secret.credential}});
        });
    });
}

void revoke_api_key(const CallPtr& call) {
    const std::string id = call->params["id"];
    as_admin(call, [call, id](const core::State&) {
        call->off_strand([call, id] {
            if (auto error = call->services.accounts.revoke_api_key(id)) {
                call->fail(*error);
                return;
            }
            call->services.connections.end_actor(core::Actor::integration(id), "API key revoked");
            call->reply(http::status::ok, {{"id", id}, {"revoked", true}});
        });
    });
}

// [SECTION] Any command

void run_command(const CallPtr& call) {
    auto decoded = protocol::decode_client_message(call->request.body());
    if (!decoded) {
        const auto code = protocol::error_code_name(decoded.error().code);
        call->fail(
            code == "too_large" ? http::status::payload_too_large : http::status::bad_request, code,
            decoded.error().message);
        return;
    }
    auto* command = std::get_if<protocol::ClientCommand>(&decoded.value());
    if (!command) {
        call->fail(http::status::bad_request, "unknown_type", "Send a command, not a ping.");
        return;
    }
    if (command->id.empty() || command->id.size() > 128) {
        call->fail(http::status::bad_request, "invalid_value",
                   "A command_id of 1 to 128 characters is required.");
        return;
    }
    if (auto refused = resolve_message_uploads(call->services.account_store, command->command)) {
        call->fail(http::status::not_found, "unknown_attachment", *refused);
        return;
    }
    call->submit(command->id, call->principal->actor, std::move(command->command),
                 [call](const protocol::Ack& ack) {
                     call->reply(http::status::ok, {{"command_id", ack.command_id},
                                                    {"seq", ack.seq},
                                                    {"duplicate", ack.duplicate}});
                 });
}

constexpr Route kAdminRoutes[] = {
    {http::verb::get, "/api/queues", list_queues, false},
    {http::verb::get, "/api/agents", list_agents, false},
    {http::verb::get, "/api/canned-responses", list_canned_responses, false},
    {http::verb::get, "/api/settings", get_settings, false},
    {http::verb::post, "/api/admin/agents", create_agent, false},
    {http::verb::put, "/api/admin/agents/{agent}/password", reset_password, false},
    {http::verb::get, "/api/admin/api-keys", list_api_keys, false},
    {http::verb::post, "/api/admin/api-keys", create_api_key, false},
    {http::verb::delete_, "/api/admin/api-keys/{id}", revoke_api_key, false},
    {http::verb::post, "/api/commands", run_command, false},
};

}  // namespace

std::span<const Route> admin_routes() {
    return kAdminRoutes;
}

}  // namespace parley::server::rest
