// Chats over REST: customers and integrations start them, every party reads and writes
// messages (for clients without a WebSocket), staff search them and everyone who may see a
// chat downloads its transcript. Changes are core commands; reads go through chat_access.h.
//
// [SECTION] Starting a chat
// [SECTION] Reading and writing messages
// [SECTION] The staff chat list
// [SECTION] Transcripts
#include <algorithm>
#include <cctype>
#include <limits>

#include "core/email.h"
#include "core/names.h"
#include "core/queries.h"
#include "core/rules.h"
#include "core/transcript.h"
#include "server/access/uploads.h"
#include "server/auth/tokens.h"
#include "server/readmodel/chat_search.h"
#include "server/rest/chat_access.h"
#include "server/rest/chat_views.h"
#include "server/rest/request_fields.h"
#include "server/rest/routes.h"

namespace parley::server::rest {
namespace {

namespace http = boost::beast::http;
namespace body = protocol::rest;

// [SECTION] Starting a chat

// The queue a new chat asks for: by name (resolved on the strand) or by id.
struct QueueChoice {
    std::optional<std::string> name;
    std::optional<core::QueueId> id;
};

struct NewChat {
    core::Actor actor;
    core::StartChat command;
    QueueChoice queue;
    // The customer id repeats with the request's Idempotency-Key, so a retried start can
    // answer with the chat the first attempt made.
    bool repeatable_customer = false;
};

QueueChoice queue_choice(const std::optional<body::QueueRef>& queue) {
    QueueChoice choice;
    if (queue) {
        if (const auto* name = std::get_if<std::string>(&queue->value)) {
            choice.name = *name;
        } else {
            choice.id = std::get<core::QueueId>(queue->value);
        }
    }
    return choice;
}

void add_topic(core::StartChat& command, const std::optional<std::string>& topic) {
    if (topic && !topic->empty()) {
        if (!command.bot_context) {
            command.bot_context.emplace();
        }
        command.bot_context->attributes["topic"] = *topic;
    }
}

std::optional<NewChat> read_customer_chat(Call& call) {
    const auto start = call.body_as<body::StartCustomerChat>();
    if (!start) {
        return std::nullopt;
    }
    if (start->name.empty()) {
        call.fail(http::status::bad_request, "invalid_value", "The field name must not be empty.");
        return std::nullopt;
    }
    if (!core::is_email_address(start->email)) {
        call.fail(http::status::bad_request, "invalid_value",
                  "The field email must be an email address such as name@example.com.");
        return std::nullopt;
    }
    // Idempotency keys are scoped to their actor; an anonymous visitor's actor is the customer
    // this request creates, so with a key it is derived from the key and the client's address:
    // a retry from the same place is the same customer (and a duplicate), another address's
    // identical key is someone else.
    const std::string_view key = call.request["Idempotency-Key"];
    const std::string customer =
        key.empty()
            ? auth::new_id("cus_")
            : "cus_" +
                  auth::token_hash(call.context.client_ip + "\n" + std::string(key)).substr(0, 32);
    NewChat chat;
    chat.queue = queue_choice(start->queue);
    chat.actor = core::Actor::customer(customer);
    chat.command.customer = {customer, start->name, start->email, start->company.value_or("")};
    chat.command.channel = core::Channel::web;
    chat.command.text = start->question.value_or("");
    add_topic(chat.command, start->topic);
    return chat;
}

// The bot's context as the chat keeps it; nothing when the integration sent none.
std::optional<core::BotContext> bot_context(const body::StartIntegrationChat& start) {
    core::BotContext bot;
    for (const body::BotLine& line : start.bot_transcript) {
        bot.transcript.push_back({line.speaker, line.text, line.at.value_or(0)});
    }
    bot.intent = start.intent.value_or("");
    bot.attributes = start.context;
    for (const auto& [system, id] : start.external_ids) {
        bot.attributes["external_id." + system] = id;
    }
    if (start.customer.external_id) {
        bot.attributes["external_id"] = *start.customer.external_id;
    }
    if (bot.transcript.empty() && bot.intent.empty() && bot.attributes.empty()) {
        return std::nullopt;
    }
    return bot;
}

std::string integration_customer_id(const Call& call) {
    const std::string_view key = call.request["Idempotency-Key"];
    if (key.empty()) {
        return auth::new_id("cus_");
    }
    const std::string seed = call.principal->actor.id + "\n" + std::string(key);
    return "cus_" + auth::token_hash(seed).substr(0, 32);
}

std::optional<NewChat> read_integration_chat(Call& call) {
    const auto start = call.body_as<body::StartIntegrationChat>();
    if (!start) {
        return std::nullopt;
    }
    NewChat chat;
    chat.queue = queue_choice(start->queue);
    chat.actor = call.principal->actor;
    chat.repeatable_customer = !call.request["Idempotency-Key"].empty();
    chat.command.customer = {integration_customer_id(call), start->customer.name,
                             start->customer.contact.value_or(""),
                             start->customer.company.value_or("")};
    chat.command.channel = start->channel.value_or(core::Channel::api);
    chat.command.text = start->question.value_or("");
    chat.command.bot_context = bot_context(*start);
    add_topic(chat.command, start->topic);
    return chat;
}

void answer_started(const CallPtr& call, const core::CustomerId& customer, core::ChatId chat) {
    call->off_strand([call, customer, chat] {
        auto issued = call->services.accounts.issue_customer_token(customer, chat);
        if (const auto* error = std::get_if<AccessError>(&issued)) {
            call->fail(*error);
            return;
        }
        const auto& token = std::get<IssuedToken>(issued);
        call->reply(http::status::created,
                    body::ChatStarted{chat, customer, token.token, token.principal.expires_at});
    });
}

void after_start(const CallPtr& call, const NewChat& chat, const protocol::Ack& ack) {
    if (ack.duplicate && !chat.repeatable_customer) {
        call->fail(http::status::conflict, "already_started",
                   "A chat was already started with this Idempotency-Key; its token is not "
                   "handed out twice. Start a new chat with a new key.");
        return;
    }
    const core::CustomerId customer = chat.command.customer.id;
    read_state(call, [call, customer](const core::State& state) {
        const auto chats = state.index.customer_chats.find(customer);
        if (chats == state.index.customer_chats.end() || chats->second.empty()) {
            call->fail(http::status::conflict, "already_started",
                       "This Idempotency-Key was already used for another request.");
            return;
        }
        answer_started(call, customer, chats->second.back());
    });
}

// Names are resolved on the strand, where the State is; the command is then sent from there.
void submit_start(const CallPtr& call, NewChat chat) {
    read_state(call, [call, chat = std::move(chat)](const core::State& state) mutable {
        if (chat.queue.name) {
            const auto found = std::find_if(
                state.queues.begin(), state.queues.end(),
                [&](const core::Queue& q) { return q.config.name == *chat.queue.name; });
            if (found == state.queues.end()) {
                call->fail(http::status::not_found, "unknown_queue",
                           "There is no queue named " + *chat.queue.name + ".");
                return;
            }
            chat.queue.id = found->id;
        }
        if (chat.queue.id && !state.find_queue(*chat.queue.id)) {
            call->fail(http::status::not_found, "unknown_queue", "There is no such queue.");
            return;
        }
        chat.command.queue = chat.queue.id;
        const core::Actor actor = chat.actor;
        core::StartChat command = chat.command;
        call->command_as(actor, std::move(command),
                         [call, chat = std::move(chat)](const protocol::Ack& ack) {
                             after_start(call, chat, ack);
                         });
    });
}

}  // namespace

// Starts per client address are limited where every command is submitted (CustomerLimits), so
// REST and the WebSocket share one budget.
void start_chat(const CallPtr& call) {
    const bool integration =
        call->principal && call->principal->actor.kind == core::ActorKind::integration;
    auto chat = integration ? read_integration_chat(*call) : read_customer_chat(*call);
    if (chat) {
        submit_start(call, std::move(*chat));
    }
}

// [SECTION] Reading and writing messages

void get_chat(const CallPtr& call) {
    const auto id = chat_param(*call);
    if (!id) {
        return;
    }
    read_reachable_chat(call, *id, [call](const core::State& state, const core::Chat& chat) {
        call->reply(http::status::ok, chat_answer(state, call->principal->actor, chat));
    });
}

void list_messages(const CallPtr& call) {
    const auto id = chat_param(*call);
    std::optional<std::int64_t> after;
    if (!id || !query_integer(*call, "after", 0, std::numeric_limits<std::int64_t>::max(), after)) {
        return;
    }
    const auto after_id = static_cast<core::MessageId>(after.value_or(0));
    read_reachable_chat(
        call, *id, [call, after_id](const core::State& state, const core::Chat& chat) {
            call->reply(http::status::ok,
                        messages_after(state, call->principal->actor, chat, after_id));
        });
}

namespace {

// The uploaded files a message names, all of them this chat's; otherwise a 404 and nothing.
std::optional<std::vector<core::Attachment>> resolve_attachments(
    Call& call, core::ChatId chat, const std::vector<std::string>& ids) {
    std::vector<core::Attachment> out;
    for (const std::string& id : ids) {
        auto stored = chat_upload(call.services.account_store, chat, id);
        if (!stored) {
            call.fail(http::status::not_found, "unknown_attachment",
                      "There is no attachment " + id + " in this chat; upload it first.");
            return std::nullopt;
        }
        out.push_back(std::move(*stored));
    }
    return out;
}

std::optional<core::Command> message_command(Call& call, core::ChatId chat, std::string text,
                                             std::vector<core::Attachment> files,
                                             const std::optional<std::string>& as) {
    const core::ActorKind kind = call.principal->actor.kind;
    if (as && *as != "system" && *as != "customer") {
        call.fail(http::status::bad_request, "invalid_value",
                  "The field as must be \"customer\" or \"system\".");
        return std::nullopt;
    }
    if (as == "system") {
        if (kind != core::ActorKind::integration) {
            call.fail(http::status::forbidden, "not_authorized",
                      "Only integrations write system messages.");
            return std::nullopt;
        }
        if (!files.empty()) {
            call.fail(http::status::bad_request, "invalid_value",
                      "System messages carry no attachments.");
            return std::nullopt;
        }
        return core::PostSystemMessage{chat, std::move(text)};
    }
    if (kind == core::ActorKind::agent) {
        return core::PostAgentMessage{chat, std::move(text), std::move(files)};
    }
    return core::PostCustomerMessage{chat, std::move(text), std::move(files)};
}

}  // namespace

void post_message(const CallPtr& call) {
    const auto id = chat_param(*call);
    if (!id) {
        return;
    }
    if (call->principal->actor.kind == core::ActorKind::customer && call->principal->chat != *id) {
        fail_unknown_chat(*call, *id);
        return;
    }
    const auto message = call->body_as<body::PostMessage>();
    if (!message) {
        return;
    }
    auto files = resolve_attachments(*call, *id, message->attachments);
    if (!files) {
        return;
    }
    auto command =
        message_command(*call, *id, message->text.value_or(""), std::move(*files), message->as);
    if (!command) {
        return;
    }
    read_state(call, [call, id = *id, command = std::move(*command)](const core::State& state) {
        if (!reachable_chat(*call, state, id)) {
            return;
        }
        call->command(command, [call](const protocol::Ack& ack) {
            call->reply(http::status::created, body::Posted{ack.seq, ack.duplicate});
        });
    });
}

// [SECTION] The staff chat list

namespace {

std::optional<readmodel::ChatQuery> read_list_query(Call& call) {
    readmodel::ChatQuery query;
    std::optional<std::int64_t> queue, from, to, limit;
    constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
    if (!query_enum(call, "status", query.filter.status) ||
        !query_enum(call, "channel", query.filter.channel) ||
        !query_integer(call, "queue", 1, kMax, queue) ||
        !query_integer(call, "from", 0, kMax, from) || !query_integer(call, "to", 0, kMax, to) ||
        !query_integer(call, "limit", 1, kMax, limit)) {
        return std::nullopt;
    }
    if (queue) {
        query.filter.queue = static_cast<core::QueueId>(*queue);
    }
    query.filter.from = from;
    query.filter.to = to;
    query.filter.operator_name = call.query("agent").value_or("");
    query.filter.content = call.query("q").value_or("");
    query.filter.customer = call.query("customer").value_or("");
    query.anywhere = call.query("search").value_or("");
    query.limit = static_cast<std::size_t>(std::min<std::int64_t>(limit.value_or(50), 200));
    query.cursor = call.query("cursor");
    if (query.cursor && !core::is_valid_chat_id(*query.cursor)) {
        call.fail(http::status::bad_request, "invalid_value",
                  "The query parameter cursor is not a chat id.");
        return std::nullopt;
    }
    return query;
}

}  // namespace

void list_chats(const CallPtr& call) {
    if (!call->require_staff()) {
        return;
    }
    auto query = read_list_query(*call);
    if (!query) {
        return;
    }
    // Served from the read model once it holds everything committed before this request, so
    // a client lists what it has just written.
    call->read_model(
        [call, query = std::move(*query)](sqlite::Connection& db, const core::State& directory) {
            auto page = readmodel::chat_page(db, directory, call->principal->actor, query);
            if (std::holds_alternative<readmodel::UnknownCursor>(page)) {
                call->fail(http::status::bad_request, "invalid_value",
                           "The query parameter cursor names no chat.");
                return;
            }
            call->reply(http::status::ok, std::get<body::ChatPage>(page));
        });
}

// [SECTION] Transcripts

namespace {

void reply_text_transcript(Call& call, const core::State& state, const core::Chat& chat) {
    const bool staff = call.principal->actor.kind != core::ActorKind::customer;
    HttpResponse response{http::status::ok, call.request.version()};
    response.set(http::field::content_type, "text/plain; charset=utf-8");
    response.set(http::field::content_disposition,
                 "attachment; filename=\"chat-" + chat.id + "-transcript.txt\"");
    response.set(http::field::cache_control, "private, no-store");
    response.set("X-Content-Type-Options", "nosniff");
    response.body() =
        core::transcript_text(state, core::chat_for(state, call.principal->actor, chat), staff);
    response.prepare_payload();
    call.reply(std::move(response));
}

}  // namespace

void chat_transcript(const CallPtr& call) {
    const auto id = chat_param(*call);
    if (!id) {
        return;
    }
    const std::string format = call->query("format").value_or("json");
    if (format != "json" && format != "text") {
        call->fail(http::status::bad_request, "invalid_value",
                   "The query parameter format must be json or text.");
        return;
    }
    read_reachable_chat(
        call, *id,
        [call, text = format == "text"](const core::State& state, const core::Chat& chat) {
            if (text) {
                reply_text_transcript(*call, state, chat);
            } else {
                call->reply(http::status::ok,
                            transcript_answer(state, call->principal->actor, chat));
            }
        });
}

}  // namespace parley::server::rest
