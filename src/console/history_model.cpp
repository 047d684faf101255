#include "console/history_model.h"

#include "console/activity_text.h"
#include "console/api_bodies.h"
#include "console/chat_text.h"
#include "console/event_text.h"
#include "console/format.h"
#include "console/transcript_lines.h"
#include "core/names.h"
#include "core/queries.h"
#include "protocol/rest/chat_bodies.h"

#include <algorithm>

namespace parley::console {

namespace {

// The picker lists this many matches; the search narrows the rest.
constexpr std::size_t kPickRows = 100;

void take_answer(const core::State& state, const ApiResult& result, HistoryCache& cache) {
    if (cache.generation == result.generation) {
        return;
    }
    cache.generation = result.generation;
    cache.history.reset();
    cache.answer_problem.clear();
    cache.rows.clear();
    cache.replayed_at.reset();
    if (result.status != 200) {
        cache.answer_problem = answer_problem(result, "The chat's history");
        return;
    }
    protocol::Result<protocol::ChatHistory> decoded = protocol::decode_chat_history(result.body);
    if (!decoded) {
        cache.answer_problem = "The server's answer could not be read: " + decoded.error().message;
        return;
    }
    cache.history = std::move(decoded).value();
    cache.rows.reserve(cache.history->events.size());
    for (const protocol::HistoryEntry& entry : cache.history->events) {
        cache.rows.push_back({entry.seq, format_date_time_seconds(entry.event.at),
                              actor_text(state, entry.event.actor),
                              event_text(state, entry.event)});
    }
}

void replay_until(const core::State& state, std::size_t selected, HistoryCache& cache) {
    if (cache.replayed_at == selected) {
        return;
    }
    cache.replayed_at = selected;
    cache.replay_problem.clear();
    const std::vector<protocol::HistoryEntry>& events = cache.history->events;
    core::ChatReplay replay(state, cache.history->chat);
    for (std::size_t i = 0; i <= selected && i < events.size(); ++i) {
        if (auto fault = replay.step(events[i].event)) {
            cache.replay_problem = "Event " + std::to_string(i + 1) +
                                   " cannot be replayed, so this is the chat before it: " + *fault;
            break;
        }
    }
    cache.replayed_steps = replay.steps();
    cache.replayed = replay.replayed();
    cache.activity_texts.clear();
    for (const core::Activity& activity : cache.replayed.chat.activity) {
        cache.activity_texts.push_back(activity_text(state, activity));
    }
}

std::string joined(const std::vector<std::string>& parts) {
    std::string text;
    for (const std::string& part : parts) {
        text += (text.empty() ? "" : ", ") + part;
    }
    return text;
}

std::string with_note(std::string text, const std::string& note) {
    return note.empty() ? text : text + ": " + note;
}

ReplayedChatView replayed_view(const core::State& state, const HistoryCache& cache) {
    const core::Chat& chat = cache.replayed.chat;
    ReplayedChatView view;
    view.after = cache.replayed_steps;
    view.status = core::to_string(chat.status);
    const core::Queue* queue = state.find_queue(chat.queue);
    view.queue = queue ? queue->config.name : "#" + std::to_string(chat.queue);
    if (chat.assignee) {
        view.assignee = agent_name(state, *chat.assignee);
    }
    if (chat.offer) {
        view.offer = std::string(agent_name(state, chat.offer->agent)) + ", until " +
                     format_date_time_seconds(chat.offer->deadline);
    }
    if (const auto& transfer = chat.pending_transfer) {
        view.pending_transfer = with_note(std::string(agent_name(state, transfer->from)) + " to " +
                                              std::string(agent_name(state, transfer->to)),
                                          transfer->side_note);
    }
    std::vector<std::string> participants;
    for (const core::AgentId& id : chat.participants) {
        participants.emplace_back(agent_name(state, id));
    }
    view.participants = joined(participants);
    if (const auto& resolution = chat.resolution) {
        std::string text(core::to_string(resolution->outcome));
        if (!resolution->category.empty()) {
            text += " (" + resolution->category + ")";
        }
        if (!resolution->closed_by.empty()) {
            text += " by " + std::string(agent_name(state, resolution->closed_by));
        }
        view.resolution = with_note(text, resolution->notes);
    }
    if (const auto& ticket = cache.replayed.ticket) {
        view.ticket = TicketView{core::to_string(ticket->kind), core::to_string(ticket->status),
                                 ticket->summary, core::to_string(ticket->priority)};
    }
    if (chat.csat) {
        view.csat = with_note(std::to_string(chat.csat->score) + " of 5", chat.csat->comment);
    }
    view.tags = joined(chat.tags);
    view.transcript = transcript_lines(state, chat, cache.activity_texts);
    return view;
}

void pick_chats(const ApiCalls* api, const std::string& search, HistoryView& view,
                HistoryCache& cache) {
    if (const ApiResult* result =
            api ? api->answer_since(kHistoryPicksCall, cache.picks_generation) : nullptr) {
        if (const auto page = body_of<protocol::rest::ChatPage>(result)) {
            cache.picks.clear();
            for (const protocol::rest::ChatRow& row : page->chats) {
                cache.picks.push_back({row.id, row.customer_name,
                                       std::string(core::to_string(row.status)), row.created_at});
            }
            cache.more_picks = page->next_cursor.has_value();
        } else {
            view.problem = answer_problem(*result, "The chats to pick from");
        }
    }
    view.picks_path = history_picks_path(search);
    view.picks = cache.picks;
    view.more_picks = cache.more_picks;
}

std::string customer_of(const core::State& state, const core::ChatId& id,
                        const HistoryCache& cache) {
    if (const core::Chat* chat = state.find_chat(id)) {
        return std::string(customer_name(state, *chat));
    }
    if (cache.history && !cache.history->events.empty()) {
        if (const auto* started =
                std::get_if<core::ChatStarted>(&cache.history->events.front().event.event)) {
            return started->customer.name;
        }
    }
    return id;
}

}  // namespace

std::string history_path(const core::ChatId& chat) {
    return "/api/chats/" + chat + "/history";
}

std::string history_picks_path(const std::string& search) {
    std::string path = "/api/chats?limit=" + std::to_string(kPickRows);
    if (!search.empty()) {
        path += "&customer=" + percent_encoded(search);
    }
    return path;
}

const HistoryView& build_history_view(const Replica& replica, const ApiCalls* api,
                                      const UiState& ui, HistoryCache& cache) {
    HistoryView& view = cache.view;
    view = HistoryView{};
    view.chat = ui.history_chat;
    if (!view.chat) {
        pick_chats(api, ui.history.search, view, cache);
        return view;
    }
    const core::State& state = replica.state();
    const ApiResult* result = api ? api->result(kHistoryCall) : nullptr;
    if (result) {
        take_answer(state, *result, cache);
    }
    const bool answered_this_chat = cache.history && cache.history->chat == *view.chat;
    view.loading =
        !result || result->pending || (!answered_this_chat && cache.answer_problem.empty());
    view.customer = customer_of(state, *view.chat, cache);
    if (!answered_this_chat) {
        if (!view.loading) {
            view.problem = cache.answer_problem;
        }
        return view;
    }
    view.rows = &cache.rows;
    if (cache.rows.empty()) {
        return view;
    }
    view.selected =
        std::min(ui.history.selected.value_or(cache.rows.size() - 1), cache.rows.size() - 1);
    replay_until(state, view.selected, cache);
    view.problem = cache.replay_problem;
    if (cache.replayed_steps > 0) {
        view.replayed = replayed_view(state, cache);
    }
    return view;
}

}  // namespace parley::console
