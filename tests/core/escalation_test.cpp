// Rules for tickets, calling a supervisor, and what supervisors may do to a chat.
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

using Escalation = HeldChatTest;

TEST_F(Escalation, AssigneeCreatesOneTicketLinkedToTheChat) {
    refused(ivan, CreateTicket{id, TicketKind::support_case, "x", Priority::low},
            codes::kNotAssignee);
    refused(maria, CreateTicket{id, TicketKind::support_case, "", Priority::low},
            codes::kMissingArgument);
    ok(maria, CreateTicket{id, TicketKind::service_request, "New laptop", Priority::normal});
    ASSERT_TRUE(chat(id).ticket.has_value());
    const Ticket& ticket = *state.find_ticket(*chat(id).ticket);
    EXPECT_EQ(ticket.kind, TicketKind::service_request);
    EXPECT_EQ(ticket.status, TicketStatus::open);
    EXPECT_EQ(ticket.chat, id);
    EXPECT_EQ(ticket.created_by, "maria");
    refused(maria, CreateTicket{id, TicketKind::incident, "again", Priority::low},
            codes::kTicketExists);
}

TEST_F(Escalation, SupervisorMayCreateATicketOnAnyOpenChat) {
    ok(boss, CreateTicket{id, TicketKind::incident, "Outage", Priority::urgent});
}

TEST_F(Escalation, AssigneeRequestsASupervisor) {
    refused(ivan, RequestSupervisor{id, "angry"}, codes::kNotAssignee);
    auto events = ok(maria, RequestSupervisor{id, "Angry customer"});
    EXPECT_TRUE(chat(id).supervisor_requested);
    EXPECT_EQ(find_event<SupervisorRequested>(events)->reason, "Angry customer");
}

TEST_F(Escalation, SupervisorJoinsAndMayWrite) {
    refused(ivan, JoinChat{id}, codes::kNotAuthorized);
    ok(boss, JoinChat{id});
    EXPECT_EQ(chat(id).participants, std::vector<AgentId>{"boss"});
    ok(boss, PostAgentMessage{id, "Hello, I am the supervisor", {}});
    refused(boss, JoinChat{id}, codes::kAlreadyJoined);
    const ChatId waiting = start_chat("bob", support);
    refused(boss, JoinChat{waiting}, codes::kChatNotActive);
}

TEST_F(Escalation, SupervisorReassignsToAnOnlineAgentWithRoom) {
    refused(ivan, ReassignChat{id, "ivan"}, codes::kNotAuthorized);
    refused(boss, ReassignChat{id, "maria"}, codes::kAlreadyAssigned);
    refused(boss, ReassignChat{id, ""}, codes::kMissingArgument);
    const Actor petr = add_agent("petr", {}, 1);
    set_presence(petr, Presence::offline);
    refused(boss, ReassignChat{id, "petr"}, codes::kTargetOffline);
    set_presence(petr, Presence::online);
    ok(boss, ReassignChat{id, "petr"});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("petr"));
    EXPECT_EQ(load(maria), 0);
    const ChatId other = held_chat(maria, support, "bob");
    refused(boss, ReassignChat{other, "petr"}, codes::kOverCapacity);
}

TEST_F(Escalation, SupervisorReassignsAQueuedChat) {
    const ChatId waiting = start_chat("bob", support);
    ok(boss, ReassignChat{waiting, "ivan"});
    EXPECT_EQ(chat(waiting).assignee, std::optional<AgentId>("ivan"));
    EXPECT_TRUE(queue_list(state, "maria").empty());
}

TEST_F(Escalation, SupervisorForceClosesAnyOpenChat) {
    refused(maria, ForceCloseChat{id, ""}, codes::kNotAuthorized);
    ok(boss, ForceCloseChat{id, "Spam"});
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    EXPECT_EQ(chat(id).resolution->closed_by, "boss");
    EXPECT_EQ(load(maria), 0);
    refused(boss, ForceCloseChat{id, ""}, codes::kChatClosed);
}

}  // namespace
}  // namespace parley::core::testing
