// The snapshot codec: a whole core::State as one JSON object, for fast start-up and for
// showing replay differences. Indexes are derived, so they are not sent: decoding checks the
// entities hang together (dense ids, references that resolve, the status invariants the
// core relies on) and then rebuilds them. Depends on parley_core and the private json
// helpers only.
//
// [SECTION] Wire form
// [SECTION] Consistency checks
// [SECTION] Public functions
#include <algorithm>
#include <vector>

#include "core/rules.h"
#include "core/state.h"
#include "protocol/codec.h"
#include "protocol/state_schema.h"

namespace parley::protocol {
namespace detail {

// [SECTION] Wire form

namespace {

// State's entities with its maps and sets flattened to arrays in key order, and the processed
// command ids in the order first seen, so equal States give equal bytes.
struct SnapshotWire {
    int protocol_version = kProtocolVersion;
    core::Settings settings;
    std::vector<core::Queue> queues;
    std::vector<core::Agent> agents;
    std::vector<core::Customer> customers;
    std::vector<core::Chat> chats;
    std::vector<core::Ticket> tickets;
    std::vector<core::CannedResponse> canned_responses;
    core::MessageId next_message_id = 1;
    core::NoteId next_note_id = 1;
    core::CannedResponseId next_canned_response_id = 1;
    std::vector<core::CommandId> processed_commands;
};

}  // namespace

template <>
inline constexpr auto kSchema<SnapshotWire> =
    tagged("snapshot", field("protocol_version", &SnapshotWire::protocol_version),
           field("settings", &SnapshotWire::settings), field("queues", &SnapshotWire::queues),
           field("agents", &SnapshotWire::agents), field("customers", &SnapshotWire::customers),
           field("chats", &SnapshotWire::chats), field("tickets", &SnapshotWire::tickets),
           field("canned_responses", &SnapshotWire::canned_responses),
           field("next_message_id", &SnapshotWire::next_message_id),
           field("next_note_id", &SnapshotWire::next_note_id),
           field("next_canned_response_id", &SnapshotWire::next_canned_response_id),
           field("processed_commands", &SnapshotWire::processed_commands));

namespace {

// SnapshotWire's text written from the State itself, members in sorted order as every
// message: copying the State into a SnapshotWire first would hold the floor twice.
std::string snapshot_text(const core::State& state) {
    std::string out = "{";
    bool first = true;
    const auto member = [&](std::string_view name, const auto& value) {
        begin_member(out, name, first);
        write_text(out, value);
    };
    const auto values = [&](std::string_view name, const auto& map) {
        begin_member(out, name, first);
        out += '[';
        bool first_value = true;
        for (const auto& entry : map) {
            begin_element(out, first_value);
            write_text(out, entry.second);
        }
        out += ']';
    };
    values("agents", state.agents);
    values("canned_responses", state.canned_responses);
    begin_member(out, "chats", first);
    out += '[';
    bool first_chat = true;
    for (const core::Chat& chat : state.chats) {
        if (core::vacated(chat)) {
            continue;
        }
        begin_element(out, first_chat);
        write_text(out, chat);
    }
    out += ']';
    values("customers", state.customers);
    member("next_canned_response_id", state.next_canned_response_id);
    member("next_message_id", state.next_message_id);
    member("next_note_id", state.next_note_id);
    member("processed_commands", state.processed_commands.in_order());
    member("protocol_version", kProtocolVersion);
    member("queues", state.queues);
    member("settings", state.settings);
    member("tickets", state.tickets);
    member("type", std::string(kSchema<SnapshotWire>.type));
    out += '}';
    return out;
}

// [SECTION] Consistency checks

// Collects the first inconsistency; later checks are skipped once one is found.
class Checker {
public:
    explicit Checker(const SnapshotWire& wire) : wire_(wire) {}

    Problem run(core::State& state);

private:
    void fail(const Path& at, const std::string& what) {
        if (!problem_) {
            problem_ = error_at(ProtocolErrorCode::invalid_value, at, what);
        }
    }
    // Entities kept by position (queues, tickets) must carry the id of their slot.
    template <class T>
    void check_dense(const std::vector<T>& entities, const Path& at) {
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (entities[i].id != i + 1) {
                fail(at.element(i).member("id"),
                     "must be " + std::to_string(i + 1) + " (ids are dense and in order)");
            }
        }
    }
    template <class Map, class T>
    void insert_unique(Map& map, const std::vector<T>& entities, const Path& at) {
        for (std::size_t i = 0; i < entities.size(); ++i) {
            if (!map.emplace(entities[i].id, entities[i]).second) {
                fail(at.element(i).member("id"), "repeats an id already in the snapshot");
            }
        }
    }
    void check_agent(const core::State& state, const std::optional<core::AgentId>& agent,
                     const Path& at) {
        if (agent && !state.find_agent(*agent)) {
            fail(at, "names agent " + excerpt(*agent) + ", which does not exist");
        }
    }
    void check_queue(const core::State& state, core::QueueId queue, const Path& at) {
        if (!state.find_queue(queue)) {
            fail(at, "names queue " + std::to_string(queue) + ", which does not exist");
        }
    }
    void check_chat(const core::State& state, const core::Chat& chat, const Path& at);

    const SnapshotWire& wire_;
    Problem problem_;
};

void Checker::check_chat(const core::State& state, const core::Chat& chat, const Path& at) {
    using core::ChatStatus;
    check_queue(state, chat.queue, at.member("queue"));
    if (!state.customers.contains(chat.customer)) {
        fail(at.member("customer"), "names a customer who does not exist");
    }
    if (chat.assignee.has_value() != (chat.status == ChatStatus::active)) {
        fail(at.member("assignee"), "must be set exactly when the chat is active");
    }
    if (chat.offer.has_value() != (chat.status == ChatStatus::offered)) {
        fail(at.member("offer"), "must be set exactly when the chat is offered");
    }
    if (chat.pending_transfer.has_value() != (chat.status == ChatStatus::pending_transfer)) {
        fail(at.member("pending_transfer"),
             "must be set exactly when the chat is pending_transfer");
    }
    check_agent(state, chat.assignee, at.member("assignee"));
    if (chat.offer) {
        check_agent(state, chat.offer->agent, at.member("offer").member("agent"));
    }
    if (chat.pending_transfer) {
        check_agent(state, chat.pending_transfer->to, at.member("pending_transfer").member("to"));
    }
    if (chat.ticket && !state.find_ticket(*chat.ticket)) {
        fail(at.member("ticket"), "names a ticket that does not exist");
    }
    for (std::size_t i = 0; i < chat.messages.size(); ++i) {
        if (chat.messages[i].id >= state.next_message_id) {
            fail(at.member("messages").element(i).member("id"), "must be below next_message_id");
        }
    }
    for (std::size_t i = 0; i < chat.notes.size(); ++i) {
        if (chat.notes[i].id >= state.next_note_id) {
            fail(at.member("notes").element(i).member("id"), "must be below next_note_id");
        }
    }
}

Problem Checker::run(core::State& state) {
    const Path root{nullptr, "snapshot"};
    if (wire_.protocol_version != kProtocolVersion) {
        return ProtocolError{ProtocolErrorCode::version_mismatch,
                             "The snapshot was written by protocol version " +
                                 std::to_string(wire_.protocol_version) + "; this is version " +
                                 std::to_string(kProtocolVersion) + "."};
    }
    if (wire_.queues.empty() || !wire_.queues.front().general) {
        fail(root.member("queues"), "must start with the General queue");
    }
    check_dense(wire_.queues, root.member("queues"));
    check_dense(wire_.tickets, root.member("tickets"));
    state.settings = wire_.settings;
    state.queues = wire_.queues;
    insert_unique(state.agents, wire_.agents, root.member("agents"));
    insert_unique(state.customers, wire_.customers, root.member("customers"));
    insert_unique(state.canned_responses, wire_.canned_responses, root.member("canned_responses"));
    state.chats = wire_.chats;
    for (std::size_t i = 0; i < state.chats.size(); ++i) {
        const core::ChatId& id = state.chats[i].id;
        if (!core::is_valid_chat_id(id)) {
            fail(root.member("chats").element(i).member("id"),
                 "is not a chat id (1 to 64 letters, digits, '_' or '-')");
        } else if (!state.index.chat_positions.emplace(id, i).second) {
            fail(root.member("chats").element(i).member("id"),
                 "repeats an id already in the snapshot");
        }
    }
    state.tickets = wire_.tickets;
    state.next_message_id = wire_.next_message_id;
    state.next_note_id = wire_.next_note_id;
    state.next_canned_response_id = wire_.next_canned_response_id;
    for (std::size_t i = 0; i < wire_.processed_commands.size(); ++i) {
        if (!state.processed_commands.insert(wire_.processed_commands[i])) {
            fail(root.member("processed_commands").element(i), "repeats a command id");
        }
    }
    if (problem_) {
        return problem_;
    }
    for (std::size_t i = 0; i < wire_.queues.size(); ++i) {
        const core::Queue& queue = wire_.queues[i];
        for (const core::AgentId& member : queue.members) {
            const core::Agent* agent = state.find_agent(member);
            if (!agent || !agent->queues.contains(queue.id)) {
                fail(root.member("queues").element(i).member("members"),
                     "names " + excerpt(member) + ", who is not an agent of this queue");
            }
        }
    }
    for (std::size_t i = 0; i < wire_.agents.size(); ++i) {
        for (const core::QueueId queue : wire_.agents[i].queues) {
            const core::Queue* found = state.find_queue(queue);
            if (!found || !found->members.contains(wire_.agents[i].id)) {
                fail(root.member("agents").element(i).member("queues"),
                     "names queue " + std::to_string(queue) + ", which does not list the agent");
            }
        }
    }
    for (std::size_t i = 0; i < wire_.chats.size(); ++i) {
        check_chat(state, wire_.chats[i], root.member("chats").element(i));
    }
    for (std::size_t i = 0; i < wire_.tickets.size(); ++i) {
        // Tickets of chats out of the reader's sight are kept empty, without their chat. A
        // reader who sees only a linked chat holds the ticket without the chat it was raised in.
        const core::Ticket& ticket = wire_.tickets[i];
        const bool any_chat_known =
            state.find_chat(ticket.chat) ||
            std::any_of(ticket.linked_chats.begin(), ticket.linked_chats.end(),
                        [&](const core::ChatId& chat) { return state.find_chat(chat); });
        if (!ticket.chat.empty() && !any_chat_known) {
            fail(root.member("tickets").element(i).member("chat"),
                 "names a chat that does not exist");
        }
    }
    for (std::size_t i = 0; i < wire_.canned_responses.size(); ++i) {
        if (wire_.canned_responses[i].id >= state.next_canned_response_id) {
            fail(root.member("canned_responses").element(i).member("id"),
                 "must be below next_canned_response_id");
        }
    }
    return problem_;
}

}  // namespace
}  // namespace detail

// [SECTION] Public functions

std::string encode_snapshot(const core::State& state) {
    return detail::snapshot_text(state);
}

Result<core::State> decode_snapshot(std::string_view json_text) {
    return decode_snapshot(json_text, detail::kMaxSnapshotBytes);
}

Result<core::State> decode_snapshot(std::string_view json_text, std::size_t max_bytes) {
    Result<detail::SnapshotWire> wire =
        detail::decode_tagged<detail::SnapshotWire>(json_text, max_bytes);
    if (!wire) {
        return wire.error();
    }
    core::State state;
    if (detail::Problem problem = detail::Checker(wire.value()).run(state)) {
        return *problem;
    }
    core::rebuild_indexes(state);
    return state;
}

}  // namespace parley::protocol
