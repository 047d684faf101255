// Who may see what: the rule the server applies to every fan-out and REST read, so it lives
// here and nowhere else. Customers see only their own chats and never internal notes, side
// notes, resolution notes or staff business; staff see chats as sees_chat() says; the system
// and integrations see everything. Standard library only.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "core/actor.h"
#include "core/events.h"
#include "core/state.h"

namespace parley::core {

bool may_see_chat(const State& state, const Actor& actor, const Chat& chat);

// may_see_chat for a chat known only by what is kept of it once it may have left the State:
// its customer, status and queue, and whether each_agent_in_sight() names the actor.
bool may_see_chat_as(const State& state, const Actor& actor, const CustomerId& customer,
                     ChatStatus status, QueueId queue, bool names_actor);
// Whether each_agent_in_sight() names `agent` for this chat.
bool names_in_sight(const Chat& chat, const AgentId& agent);
// Every agent a chat names such that they see it whatever their queues: who holds it, is
// offered it or is asked to take it over, who joined it, answered it first or held it last.
template <class Visit>
void each_agent_in_sight(const Chat& chat, Visit&& visit) {
    if (chat.assignee)
        visit(*chat.assignee);
    if (chat.offer)
        visit(chat.offer->agent);
    if (chat.pending_transfer)
        visit(chat.pending_transfer->to);
    for (const AgentId& participant : chat.participants)
        visit(participant);
    if (chat.first_responder)
        visit(*chat.first_responder);
    if (chat.last_assignee)
        visit(*chat.last_assignee);
}

// A ticket is visible exactly when one of its chats (the one it was raised from or a linked
// one) is; customers never see tickets, integrations and the system see all.
bool may_see_ticket(const State& state, const Actor& actor, const Ticket& ticket);

// Supervisors, admins and the system manage the floor (capacity, membership, reassign) and see
// its figures: the floor, analytics and every chat's history.
bool may_supervise(const State& state, const Actor& actor);
// Admin accounts and the system administer queues, agents and settings.
bool may_administer(const State& state, const Actor& actor);

// Whether an agent sees the same chats after a change as before it, chats aside: the same
// role, queues and enabled flag (null: no such agent). When not, their copy needs a fresh
// sync rather than the event.
bool same_sight(const Agent* before, const Agent* after);

// The chat an event is about, if any (tickets through their chat).
std::optional<ChatId> chat_of(const State& state, const Event& event);

// The event as `actor` may receive it, or nothing. For customers, staff-only fields (side
// notes, resolution category and notes, reasons) are blanked, staff are named by display name,
// offers are left out, and the command id is shown only when the customer sent the command.
// Call with the State the event was applied to.
std::optional<EventEnvelope> view_for(const State& state, const Actor& actor,
                                      const EventEnvelope& event);

// view_for across the event's own change: staff who could see the chat before the event also
// get the event that took it out of their sight (moved to another queue, ...), so their
// replica does not keep a stale chat. `saw_chat_before`: may_see_chat held for the actor
// before the event was applied; `state` is the State after it.
std::optional<EventEnvelope> view_for(const State& state, const Actor& actor,
                                      const EventEnvelope& event, bool saw_chat_before);

// True when the event brings a chat into a staff member's sight that they could not see
// before (offered, transferred or moved into one of their queues): they need the whole chat,
// not just the event. `state` is the State after the event.
bool brings_chat_into_view(const State& state, const Actor& actor, const EventEnvelope& event,
                           bool saw_chat_before);

// What a customer sees of the people on the other side: a staff member by display name, never
// by account id (ids are sign-in names); integrations and the system by nothing. The customer's
// own id stays, so their copy still knows which words are theirs.
std::string shown_to_customer(const State& state, const Actor& customer, const std::string& id);
Author author_shown_to_customer(const State& state, const Actor& customer, const Author& author);

// The hand-overs a customer is told of, the kinds whose events view_for lets through to them:
// assigned, transfer requested and declined, moved to another queue, released.
bool told_to_customer(ActivityKind kind);

// The chat as `actor` may see it: customers lose internal notes, offers and staff-only fields,
// and see staff by display name, never by account id.
Chat chat_for(const State& state, const Actor& actor, const Chat& chat);

// How many ended chats a staff member's replica starts with: the newest they may see. The others
// (still live within the retention, and every archived one) are read from the server page by
// page, so a sign-in costs the open chats and a page, not the retention's worth of history.
inline constexpr std::size_t kSyncedEndedChats = 200;

// The State an actor's replica starts from: only the chats they may see (tickets of the others
// are emptied), and for staff of the ended ones only the newest `ended_chats`. A customer's
// holds their own chats and record and the names of the queues, nothing else of the
// organisation (no staff accounts, settings, tickets, canned responses or counters). Nobody but
// the system gets the processed command ids. Its queue indexes count only the chats in it, so a
// customer's queue position comes from the server, not the replica.
State visible_state(const State& state, const Actor& actor,
                    std::size_t ended_chats = kSyncedEndedChats);

}  // namespace parley::core
