#include "console/view_model_builder.h"

#include "console/activity_text.h"
#include "console/chat_text.h"
#include "console/customer_info.h"
#include "console/dialog_command.h"
#include "console/transcript_lines.h"
#include "core/decide.h"
#include "core/email.h"
#include "core/names.h"

#include <algorithm>

namespace parley::console {

namespace {

std::string_view queue_name(const core::State& state, core::QueueId id) {
    const core::Queue* queue = state.find_queue(id);
    return queue ? std::string_view(queue->config.name) : std::string_view("?");
}

ActionState judge(const core::State& state, const core::Chat& chat, const core::Actor& actor,
                  core::ChatAction action, core::Timestamp now) {
    const core::ActionCheck check = core::check_action(state, chat.id, actor, action, now);
    return {action, check.allowed(), check.refused ? check.refused->message : std::string()};
}

// How long the customer has waited: for an agent while queued, offered or transferred, and
// for an answer while the chat is held.
core::Duration waiting_of(const core::Chat& chat, core::Timestamp now) {
    if (chat.status == core::ChatStatus::pending_transfer && chat.pending_transfer) {
        return now - chat.pending_transfer->requested_at;
    }
    if (chat.status == core::ChatStatus::active) {
        if (!core::needs_reply(chat)) {
            return 0;
        }
        for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
            if (it->author.kind == core::AuthorKind::customer &&
                (it + 1 == chat.messages.rend() ||
                 (it + 1)->author.kind != core::AuthorKind::customer)) {
                return now - it->at;
            }
        }
        return 0;
    }
    return now - chat.queued_since;
}

std::size_t seen_of(const UiState& ui, const core::ChatId& id) {
    const auto found = ui.seen_messages.find(id);
    return found == ui.seen_messages.end() ? 0 : found->second;
}

ChatRow row_for(const core::State& state, const core::Chat& chat, const core::Actor& actor,
                const UiState& ui, core::Timestamp now) {
    ChatRow row;
    row.id = chat.id;
    row.customer = std::string(customer_name(state, chat));
    row.channel = core::to_string(chat.channel);
    row.queue = queue_name(state, chat.queue);
    row.status = chat.status;
    row.waiting = std::max<core::Duration>(0, waiting_of(chat, now));
    row.preview = preview_of(chat);
    row.unread = unread_count(chat, seen_of(ui, chat.id));
    row.customer_typing = chat.customer_typing;
    row.open =
        std::find(ui.open_chats.begin(), ui.open_chats.end(), chat.id) != ui.open_chats.end();
    if (chat.offer && chat.offer->agent == actor.id) {
        row.offer_left = std::max<core::Duration>(0, chat.offer->deadline - now);
    }
    if (chat.pending_transfer) {
        row.transferred_by = agent_name(state, chat.pending_transfer->from);
        row.side_note = chat.pending_transfer->side_note;
        row.take = judge(state, chat, actor, core::ChatAction::accept_transfer, now);
        row.refuse = judge(state, chat, actor, core::ChatAction::decline_transfer, now);
    } else {
        row.take = judge(state, chat, actor, core::ChatAction::accept, now);
        if (row.offer_left) {
            row.refuse = judge(state, chat, actor, core::ChatAction::reject_offer, now);
        }
    }
    return row;
}

ChatList list_for(const core::State& state, const std::vector<core::ChatId>& ids,
                  const ListWindow& window, const core::Actor& actor, const UiState& ui,
                  core::Timestamp now) {
    ChatList list;
    list.ids = &ids;
    list.first = std::min(window.first, ids.size());
    const std::size_t end = std::min(ids.size(), list.first + window.count);
    list.rows.reserve(end - list.first);
    for (std::size_t i = list.first; i < end; ++i) {
        if (const core::Chat* chat = state.find_chat(ids[i])) {
            list.rows.push_back(row_for(state, *chat, actor, ui, now));
        }
    }
    return list;
}

// Replaces `ids` with `now`, counting a change of content.
void take_list(std::vector<core::ChatId>&& now, std::vector<core::ChatId>& ids,
               std::uint64_t& generation) {
    if (now != ids) {
        ids = std::move(now);
        ++generation;
    }
}

const ListIds& list_ids(const Replica& replica, const core::AgentId& agent, ListIds& cache) {
    if (cache.version != replica.version()) {
        const core::State& state = replica.state();
        take_list(core::queue_list(state, agent), cache.queue, cache.queue_generation);
        take_list(core::transferred_list(state, agent), cache.transferred,
                  cache.transferred_generation);
        take_list(core::my_chats(state, agent), cache.mine, cache.mine_generation);
        cache.version = replica.version();
    }
    return cache;
}

const ListWindow& window_of(const UiState& ui, ListTab tab) {
    return ui.list_windows[static_cast<std::size_t>(tab)];
}

const std::vector<std::string>& activity_texts(const Replica& replica, const core::Chat& chat,
                                               ActivityTexts& cache) {
    if (cache.version != replica.version() || cache.chat != chat.id) {
        cache.texts.clear();
        for (const core::Activity& activity : chat.activity) {
            cache.texts.push_back(activity_text(replica.state(), activity));
        }
        cache.version = replica.version();
        cache.chat = chat.id;
    }
    return cache.texts;
}

ChatView chat_view(const core::State& state, const core::Chat& chat, const core::Actor& actor,
                   core::Timestamp now, const std::vector<std::string>& activity) {
    ChatView view;
    view.id = chat.id;
    view.customer = std::string(customer_name(state, chat));
    if (const auto found = state.customers.find(chat.customer); found != state.customers.end()) {
        view.contact = found->second.contact;
        view.company = found->second.company;
    }
    view.channel = core::to_string(chat.channel);
    view.queue = queue_name(state, chat.queue);
    view.status = core::to_string(chat.status);
    view.created_at = chat.created_at;
    view.waited = (chat.accepted_at ? *chat.accepted_at : now) - chat.created_at;
    if (chat.first_response_at) {
        view.first_response = *chat.first_response_at - chat.created_at;
    }
    if (chat.assignee) {
        view.assignee = agent_name(state, *chat.assignee);
    }
    if (chat.pending_transfer) {
        view.transferred_by = agent_name(state, chat.pending_transfer->from);
        view.side_note = chat.pending_transfer->side_note;
    }
    view.customer_typing = chat.customer_typing;
    view.customer_cancelled = chat.customer_cancelled;
    view.supervisor_requested = chat.supervisor_requested;
    if (chat.ticket) {
        if (const core::Ticket* ticket = state.find_ticket(*chat.ticket)) {
            view.ticket = ticket_view(*ticket);
        }
    }
    view.customer_email = core::customer_email(state, chat);
    view.emails = &chat.emails;
    view.profile = customer_profile(state, chat.customer);
    view.customer_tickets = customer_tickets(state, chat.customer);
    for (TicketView& ticket : view.customer_tickets) {
        ticket.linkable = core::may_link_ticket(state, chat.id, ticket.id, actor, now);
    }
    if (chat.bot_context) {
        view.bot_context = &*chat.bot_context;
    }
    if (const auto earlier = state.index.customer_chats.find(chat.customer);
        earlier != state.index.customer_chats.end()) {
        for (const core::ChatId& id : earlier->second) {
            const core::Chat* other = state.find_chat(id);
            if (other && other->id != chat.id) {
                view.earlier_chats.push_back(
                    {other->id, other->created_at, core::to_string(other->status)});
            }
        }
    }
    view.transcript = transcript_lines(state, chat, activity);
    view.message_count = chat.messages.size();
    for (auto it = chat.messages.rbegin(); it != chat.messages.rend(); ++it) {
        if (it->author.kind == core::AuthorKind::customer) {
            view.last_customer_message = it->id;
            break;
        }
    }
    view.actions.reserve(core::kChatActionCount);
    for (std::size_t i = 0; i < core::kChatActionCount; ++i) {
        view.actions.push_back(judge(state, chat, actor, static_cast<core::ChatAction>(i), now));
    }
    const core::TransferCandidates candidates = core::transfer_candidates(state, chat.id);
    for (const core::AgentId& id : candidates.agents) {
        if (id == actor.id) {
            continue;
        }
        const core::Agent* agent = state.find_agent(id);
        if (agent) {
            view.candidate_agents.push_back({id, agent->profile.name, agent->presence,
                                             state.chats_of(id).load(), agent->capacity});
        }
    }
    for (core::QueueId id : candidates.queues) {
        view.candidate_queues.push_back({id, queue_name(state, id)});
    }
    view.supervisor_tools = core::may_supervise(state, actor);
    if (view.supervisor_tools) {
        for (const auto& [id, agent] : state.agents) {
            if (!agent.enabled || chat.assignee == id) {
                continue;
            }
            const core::Decision decision =
                core::evaluate(state, {"probe", actor, now, core::ReassignChat{chat.id, id}});
            view.reassign_candidates.push_back(
                {{id, agent.profile.name, agent.presence, state.chats_of(id).load(),
                  agent.capacity},
                 {core::ChatAction::reassign, decision.accepted(),
                  decision.rejection ? decision.rejection->message : std::string()}});
        }
    }
    return view;
}

Screen screen_for(const Session& session, const ConnectionView& connection) {
    switch (connection.status) {
    case ConnectionStatus::stopped:
    case ConnectionStatus::needs_sign_in:
        return Screen::sign_in;
    case ConnectionStatus::refused:
        return Screen::problem;
    default:
        break;
    }
    return session.actor() && session.replica().synced() ? Screen::desk : Screen::connecting;
}

}  // namespace

int unread_count(const core::Chat& chat, std::size_t seen) {
    int unread = 0;
    for (std::size_t i = seen; i < chat.messages.size(); ++i) {
        if (chat.messages[i].author.kind == core::AuthorKind::customer) {
            ++unread;
        }
    }
    return unread;
}

ConsoleViewModel build_view_model(const Session& session, const ConnectionView& connection,
                                  const UiState& ui, core::Timestamp now, double seconds,
                                  ViewModelCaches& caches) {
    ConsoleViewModel model;
    model.connection = connection;
    model.now = now;
    model.seconds = seconds;
    model.screen = screen_for(session, connection);
    model.top.connection = connection.status;
    model.top.delayed = session.outbox().delayed(seconds);
    model.top.pending = session.outbox().pending().size();
    model.refusal = session.outbox().last_refusal();
    if (model.screen != Screen::desk) {
        return model;
    }
    const core::State& state = session.replica().state();
    const core::Actor& actor = *session.actor();
    model.top.agent_id = actor.id;
    if (const core::Agent* me = state.find_agent(actor.id)) {
        model.top.agent_name = me->profile.name;
        model.top.presence = me->presence;
        model.top.capacity = me->capacity;
    } else {
        model.top.agent_name = actor.id;
    }
    model.agent_name = model.top.agent_name;
    model.top.load = state.chats_of(actor.id).load();
    model.top.supervises = core::may_supervise(state, actor);
    model.top.administers = core::may_administer(state, actor);

    const ListIds& lists = list_ids(session.replica(), actor.id, caches.lists);
    model.queue = list_for(state, lists.queue, window_of(ui, ListTab::queue), actor, ui, now);
    model.queue.generation = lists.queue_generation;
    model.transferred =
        list_for(state, lists.transferred, window_of(ui, ListTab::transferred), actor, ui, now);
    model.transferred.generation = lists.transferred_generation;
    model.mine = list_for(state, lists.mine, window_of(ui, ListTab::mine), actor, ui, now);
    model.mine.generation = lists.mine_generation;
    const core::Decision next =
        core::evaluate(state, {"probe", actor, now, core::AcceptNextChat{}});
    model.accept_next = {core::ChatAction::accept, next.accepted(),
                         next.rejection ? next.rejection->message : std::string()};

    for (const core::ChatId& id : ui.open_chats) {
        if (const core::Chat* chat = state.find_chat(id)) {
            model.tabs.push_back({id, std::string(customer_name(state, *chat)),
                                  unread_count(*chat, seen_of(ui, id))});
        } else if (const core::Chat* archived = caches.archived.find(id)) {
            model.tabs.push_back(
                {id, std::string(customer_name(*caches.archived.state, *archived)), 0});
        } else {
            // Out of the replica (archived, most likely): read from the server again when its
            // tab is chosen, so opening a second one does not lose the first one's tab.
            model.tabs.push_back({id, "Earlier chat", 0});
        }
    }
    if (ui.selected) {
        if (const core::Chat* chat = state.find_chat(*ui.selected)) {
            model.chat = chat_view(state, *chat, actor, now,
                                   activity_texts(session.replica(), *chat, caches.activity));
        } else if (const core::Chat* archived = caches.archived.find(*ui.selected)) {
            model.chat = chat_view(*caches.archived.state, *archived, actor, now,
                                   activity_texts(session.replica(), *archived, caches.activity));
        } else {
            model.archived_chat_problem =
                caches.archived.chat == *ui.selected ? caches.archived.problem : std::string();
            model.chat_from_archive = true;
        }
    }
    if (const auto command = dialog_command(ui.dialog)) {
        const core::Decision decision = core::evaluate(state, {"probe", actor, now, *command});
        model.dialog.allowed = decision.accepted();
        model.dialog.reason = decision.rejection ? decision.rejection->message : std::string();
    }
    model.workspace = ui.workspace;
    if (ui.workspace == Workspace::floor) {
        model.floor = &caches.floor.view(state, session.replica().version(), now);
    }
    for (const auto& [id, canned] : state.canned_responses) {
        model.canned.push_back({canned.title, canned.shortcut, canned.text});
    }
    return model;
}

}  // namespace parley::console
