// What every decide_*.cpp shares: the Context that collects a command's events and hands out
// new ids, refusals, and the checks of who may do what. Internal to the core.
// Standard library only.
#pragma once

#include <string>
#include <string_view>

#include "core/decide.h"
#include "core/roles.h"
#include "core/visibility.h"

namespace parley::core {

class Context {
public:
    Context(const State& state, const CommandEnvelope& command);

    const State& state() const { return state_; }
    const Actor& actor() const { return command_.actor; }
    Timestamp at() const { return command_.at; }

    // Records an event caused by the command's actor / by the system (routing, timers).
    void emit(Event event);
    void emit_as_system(Event event);
    // Tells the customer something in the transcript, as the system.
    void notify_customer(ChatId chat, std::string text);

    MessageId take_message_id() { return next_message_++; }
    NoteId take_note_id() { return next_note_++; }
    TicketId take_ticket_id() { return next_ticket_++; }
    QueueId take_queue_id() { return next_queue_++; }
    CannedResponseId take_canned_response_id() { return next_canned_++; }

    Decision finish();

private:
    const State& state_;
    const CommandEnvelope& command_;
    // The actor-scoped key every event of the command carries (command_key).
    CommandId key_;
    std::vector<EventEnvelope> events_;
    MessageId next_message_;
    NoteId next_note_;
    TicketId next_ticket_;
    QueueId next_queue_;
    CannedResponseId next_canned_;
};

Decision refuse(std::string_view code, std::string message);

// [SECTION] Who is acting

// The chat's own customer, or an integration relaying for them.
bool speaks_for_customer(const Actor& actor, const Chat& chat);
// The assignee, or a supervisor who joined.
bool writes_as_staff(const Agent& agent, const Chat& chat);
// Staff who may read the chat: supervisors and admins, the assignee, the agent it is offered
// or transferred to, joined supervisors, the agents who answered or last held it, and members
// of its queue while it waits there. A colleague's conversation is not every queue member's
// business (and fanning every message out to a whole queue would not scale).
bool sees_chat(const Agent& agent, const Chat& chat);
// The rule behind sees_chat, for a chat known by its status and queue and whether
// each_agent_in_sight() names the agent.
bool sees_chat_as(const Agent& agent, ChatStatus status, QueueId queue, bool named);

// [SECTION] Sentences

std::string name_of(const State& state, const AgentId& agent);
std::string queue_name(const State& state, QueueId queue);
std::string chat_label(const ChatId& chat);

// [SECTION] Shared checks, each returning the refusal or nothing

// The chat exists and is not closed or archived.
std::optional<Decision> check_open_chat(const State& state, ChatId id, const Chat*& chat);
// A staff actor exists; `agent` receives it.
std::optional<Decision> check_staff(const State& state, const Actor& actor, const Agent*& agent);
// Both of the above, staff first: the usual opening of a staff command about one chat.
std::optional<Decision> check_staff_on_open_chat(const State& state, const Actor& actor, ChatId id,
                                                 const Agent*& agent, const Chat*& chat);
// The acting staff member holds the open chat: the opening of every holder-only command.
std::optional<Decision> check_holder(const State& state, const Actor& actor, ChatId id,
                                     const Agent*& agent, const Chat*& chat);
// The acting staff member holds the active chat.
std::optional<Decision> check_assignee(const State& state, const Agent& agent, const Chat& chat);
// Text and attachments within the organisation's limits.
std::optional<Decision> check_message(const Settings& settings, const std::string& text,
                                      const std::vector<Attachment>& attachments);
bool closed_or_archived(const Chat& chat);
// The chat is not archived (what a console shows of an archived chat takes nothing, not even
// what an ended chat still takes); `then`, when given, says what to do instead.
std::optional<Decision> check_not_archived(const Chat& chat, std::string_view then = {});

}  // namespace parley::core
