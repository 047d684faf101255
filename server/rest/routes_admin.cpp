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

#include "protocol/rest/organisation_bodies.h"
#include "protocol/rest/report_bodies.h"
#include "protocol/rest/session_bodies.h"
#include "protocol/session.h"
#include "server/access/uploads.h"
#include "server/auth/passwords.h"
#include "server/rest/chat_access.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;
namespace body = protocol::rest;

// Checks the caller is an enabled admin, then runs `then` with the State on the strand.
void as_admin(const CallPtr& call, std::function<void(const core::State&)> then) {
    call->with_role(core::Role::admin, [call, then = std::move(then)] { read_state(call, then); });
}

// [SECTION] Reading the organisation

body::QueueRow queue_row(const core::State& state, const core::Queue& queue) {
    const core::QueueConfig& config = queue.config;
    return {queue.id,
            config.name,
            config.mode,
            queue.enabled,
            queue.general,
            config.accepts_transfers,
            config.reminder_delay,
            config.auto_close_delay,
            config.offer_timeout,
            config.transfer_timeout,
            config.target_wait,
            queue.members,
            state.queue_index(queue.id).waiting.size()};
}

body::AgentRow agent_row(const core::State& state, const core::Agent& agent) {
    return {agent.id,
            agent.profile.name,
            agent.profile.role,
            agent.profile.company,
            agent.presence,
            agent.capacity,
            agent.enabled,
            agent.queues,
            state.chats_of(agent.id).load()};
}

}  // namespace

void list_queues(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        body::QueueList list;
        for (const core::Queue& queue : state.queues) {
            list.queues.push_back(queue_row(state, queue));
        }
        call->reply(http::status::ok, list);
    });
}

void list_agents(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        body::AgentList list;
        for (const auto& [id, agent] : state.agents) {
            list.agents.push_back(agent_row(state, agent));
        }
        call->reply(http::status::ok, list);
    });
}

void list_canned_responses(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        body::CannedResponseList list;
        for (const auto& [id, response] : state.canned_responses) {
            if (response.owner && *response.owner != call->principal->actor.id) {
                continue;
            }
            list.canned_responses.push_back(
                {id, response.title, response.shortcut, response.text, response.owner.has_value()});
        }
        call->reply(http::status::ok, list);
    });
}

void get_settings(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    read_state(call, [call](const core::State& state) {
        // The limits in force, defaults included, so a reader need not know the defaults.
        body::SettingsAnswer answer{state.settings};
        answer.settings.customer_messages_per_chat =
            core::customer_messages_per_chat(state.settings);
        answer.settings.customer_bytes_per_chat = core::customer_bytes_per_chat(state.settings);
        call->reply(http::status::ok, answer);
    });
}

// [SECTION] Staff accounts

namespace {

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

std::optional<NewAgent> read_new_agent(Call& call) {
    auto account = call.body_as<body::CreateStaffAccount>();
    if (!account) {
        return std::nullopt;
    }
    const auto refuse = [&call](std::string_view code, std::string_view message) {
        call.fail(http::status::bad_request, code, message);
        return std::nullopt;
    };
    if (!valid_agent_id(account->id)) {
        return refuse("invalid_value",
                      "The field id may hold letters, digits, '.', '_' and '-' only.");
    }
    const int capacity = account->capacity.value_or(3);
    if (capacity < 0 || capacity > 100) {
        return refuse("invalid_value", "The field capacity must be from 0 to 100.");
    }
    if (const auto problem = auth::password_problem(account->password)) {
        return refuse("weak_password", *problem);
    }
    NewAgent agent;
    agent.command = {
        account->id,
        {account->name, account->role.value_or(core::Role::agent), account->company.value_or("")},
        capacity};
    agent.queues = std::move(account->queues);
    agent.password = std::move(account->password);
    agent.command_id = command_id_for(call.request);
    return agent;
}

body::StaffAccountCreated created_account(const NewAgent& agent) {
    return {agent.command.agent,           agent.command.profile.name, agent.command.profile.role,
            agent.command.profile.company, agent.command.capacity,     agent.queues};
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
        call->reply(http::status::created, created_account(agent));
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

}  // namespace

void create_agent(const CallPtr& call) {
    auto agent = read_new_agent(*call);
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
    auto reset = call->body_as<body::ResetPassword>();
    if (!reset) {
        return;
    }
    if (const auto problem = auth::password_problem(reset->password)) {
        call->fail(http::status::bad_request, "weak_password", *problem);
        return;
    }
    const core::AgentId agent = call->params["agent"];
    as_admin(call, [call, agent, password = reset->password](const core::State& state) {
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
            call->reply(http::status::ok, body::PasswordReset{agent});
        });
    });
}

// [SECTION] API keys

void list_api_keys(const CallPtr& call) {
    as_admin(call, [call](const core::State&) {
        call->off_strand([call] {
            body::ApiKeyList list;
            for (const StoredApiKey& key : call->services.accounts.api_keys()) {
                list.api_keys.push_back(
                    {key.id, key.name, key.created_by, key.created_at, key.revoked});
            }
            call->reply(http::status::ok, list);
        });
    });
}

void create_api_key(const CallPtr& call) {
    const auto request = call->body_as<body::CreateApiKey>();
    if (!request) {
        return;
    }
    as_admin(call, [call, name = request->name](const core::State&) {
        call->off_strand([call, name] {
            auto made = call->services.accounts.create_api_key(name, call->principal->actor.id);
            if (const auto* error = std::get_if<AccessError>(&made)) {
                call->fail(*error);
                return;
            }
            const auto& secret = std::get<ApiKeySecret>(made);
            call->reply(http::status::created,
                        body::ApiKeyCreated{secret.key.id, secret.key.name, secret.key.created_by,
                                            secret.key.created_at, secret.credential});
        });
    });
}

void revoke_api_key(const CallPtr& call) {
    const std::string id = call->params["key"];
    as_admin(call, [call, id](const core::State&) {
        call->off_strand([call, id] {
            if (auto error = call->services.accounts.revoke_api_key(id)) {
                call->fail(*error);
                return;
            }
            call->services.connections.end_actor(core::Actor::integration(id), "API key revoked");
            call->reply(http::status::ok, body::ApiKeyRevoked{id});
        });
    });
}

// [SECTION] Any command

void run_command(const CallPtr& call) {
    auto decoded = protocol::decode_client_message(call->request.body());
    if (!decoded) {
        call->refuse_body(decoded.error());
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
                     call->reply(http::status::ok,
                                 body::CommandAnswer{ack.command_id, ack.seq, ack.duplicate});
                 });
}

}  // namespace parley::server::rest
