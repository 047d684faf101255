// Rules for linking a chat to an existing ticket, for ticket status set by the external service
// desk or staff, for the customer profiles integrations attach, and who sees tickets.
#include "core/visibility.h"
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Tickets : public SupportTeamTest {
protected:
    void SetUp() override {
        SupportTeamTest::SetUp();
        billing = add_queue("Billing");
        bill = add_agent("bill", {billing});
        boss = add_agent("boss", {}, 3, Role::supervisor);
        first = held_chat(maria, support, "anna");
        ok(maria, CreateTicket{first, TicketKind::incident, "Router down", Priority::high});
        ticket = *chat(first).ticket;
        ok(maria, CloseChat{first, "Escalated", "", false});
    }
    QueueId billing = 0;
    Actor bill;
    Actor boss;
    Actor desk = Actor::integration("key-desk");
    ChatId first;
    TicketId ticket = 0;
};

TEST_F(Tickets, AssigneeLinksAnOpenTicketOfTheSameCustomer) {
    const ChatId again = held_chat(maria, support, "anna");
    refused(ivan, LinkTicket{again, ticket}, codes::kNotAssignee);
    refused(maria, LinkTicket{again, 0}, codes::kMissingArgument);
    refused(maria, LinkTicket{again, 99}, codes::kUnknownTicket);
    const auto events = ok(maria, LinkTicket{again, ticket});
    ASSERT_NE(find_event<TicketLinked>(events), nullptr);
    EXPECT_EQ(chat(again).ticket, std::optional<TicketId>(ticket));
    EXPECT_EQ(state.find_ticket(ticket)->linked_chats, std::vector<ChatId>{again});
    refused(maria, LinkTicket{again, ticket}, codes::kTicketExists);
}

TEST_F(Tickets, TheConsoleOffersLinkingToTheAssigneeOfAChatWithoutATicket) {
    const ChatId again = held_chat(maria, support, "anna");
    EXPECT_FALSE(check_action(state, again, maria, ChatAction::link_ticket, now).refused);
    EXPECT_EQ(check_action(state, again, ivan, ChatAction::link_ticket, now).refused->code,
              codes::kNotAssignee);
    ok(maria, LinkTicket{again, ticket});
    EXPECT_EQ(check_action(state, again, maria, ChatAction::link_ticket, now).refused->code,
              codes::kTicketExists);
}

TEST_F(Tickets, LinkingRefusesOtherCustomersClosedTicketsAndClosedChats) {
    const ChatId bobs = held_chat(maria, support, "bob");
    refused(maria, LinkTicket{bobs, ticket}, codes::kTicketOfOtherCustomer);
    ok(desk, SetTicketStatus{ticket, TicketStatus::resolved, "SD-1"});
    const ChatId again = held_chat(maria, support, "anna");
    refused(maria, LinkTicket{again, ticket}, codes::kTicketNotOpen);
    refused(maria, LinkTicket{first, ticket}, codes::kChatClosed);
}

// The link dialog lists exactly the tickets decide() would link.
TEST_F(Tickets, TheLinkDialogOffersWhatDecideWouldLink) {
    const ChatId again = held_chat(maria, support, "anna");
    const ChatId bobs = held_chat(maria, support, "bob");
    EXPECT_TRUE(may_link_ticket(state, again, ticket, maria, now));
    EXPECT_FALSE(may_link_ticket(state, again, ticket, ivan, now)) << "not the assignee";
    EXPECT_FALSE(may_link_ticket(state, bobs, ticket, maria, now)) << "another customer's";
    EXPECT_FALSE(may_link_ticket(state, again, 99, maria, now)) << "no such ticket";
    ok(desk, SetTicketStatus{ticket, TicketStatus::resolved, "SD-1"});
    EXPECT_FALSE(may_link_ticket(state, again, ticket, maria, now)) << "no longer open";
}

TEST_F(Tickets, AgentWhoCannotSeeTheTicketCannotLinkIt) {
    const ChatId elsewhere = held_chat(bill, billing, "anna");
    refused(bill, LinkTicket{elsewhere, ticket}, codes::kUnknownTicket);
    ok(boss, LinkTicket{elsewhere, ticket});
}

TEST_F(Tickets, ClosingALinkedChatResolvesTheTicketAndAbandonCancelsIt) {
    const ChatId again = held_chat(maria, support, "anna");
    ok(maria, LinkTicket{again, ticket});
    ok(maria, MarkSolved{again, "Fixed", ""});
    EXPECT_EQ(state.find_ticket(ticket)->status, TicketStatus::resolved);

    const ChatId other = held_chat(maria, support, "cleo");
    ok(maria, CreateTicket{other, TicketKind::support_case, "Refund", Priority::normal});
    const TicketId refund = *chat(other).ticket;
    ok(maria, CloseChat{other, "Escalated", "", false});
    const ChatId later = held_chat(maria, support, "cleo");
    ok(maria, LinkTicket{later, refund});
    ok(maria, AbandonChat{later, "gone"});
    EXPECT_EQ(state.find_ticket(refund)->status, TicketStatus::cancelled);
}

TEST_F(Tickets, ServiceDeskSetsStatusWithItsReference) {
    const auto events = ok(desk, SetTicketStatus{ticket, TicketStatus::resolved, "SD-42"});
    const auto* changed = find_event<TicketStatusChanged>(events);
    ASSERT_NE(changed, nullptr);
    EXPECT_EQ(events.front().actor, desk);
    EXPECT_EQ(events.front().at, now);
    EXPECT_EQ(state.find_ticket(ticket)->status, TicketStatus::resolved);
    EXPECT_EQ(state.find_ticket(ticket)->reference, std::optional<std::string>("SD-42"));
    refused(desk, SetTicketStatus{ticket, TicketStatus::resolved, std::nullopt},
            codes::kTicketUnchanged);
    ok(desk, SetTicketStatus{ticket, TicketStatus::open, std::nullopt});
    EXPECT_EQ(state.find_ticket(ticket)->reference, std::optional<std::string>("SD-42"));
    refused(desk, SetTicketStatus{ticket, TicketStatus::open, std::string(201, 'x')},
            codes::kInvalidArgument);
    refused(desk, SetTicketStatus{7, TicketStatus::open, std::nullopt}, codes::kUnknownTicket);
}

TEST_F(Tickets, OnlyStaffWhoSeeTheChatOrIntegrationsSetStatus) {
    refused(Actor::customer("anna"), SetTicketStatus{ticket, TicketStatus::resolved, {}},
            codes::kNotAuthorized);
    refused(bill, SetTicketStatus{ticket, TicketStatus::resolved, {}}, codes::kUnknownTicket);
    ok(maria, SetTicketStatus{ticket, TicketStatus::cancelled, {}});
    ok(boss, SetTicketStatus{ticket, TicketStatus::open, {}});
}

TEST_F(Tickets, TicketsAreVisibleExactlyWhenOneOfTheirChatsIs) {
    const Ticket& raised = *state.find_ticket(ticket);
    EXPECT_TRUE(may_see_ticket(state, maria, raised));
    EXPECT_FALSE(may_see_ticket(state, bill, raised));
    EXPECT_FALSE(may_see_ticket(state, Actor::customer("anna"), raised));
    EXPECT_TRUE(may_see_ticket(state, desk, raised));
    EXPECT_EQ(visible_state(state, bill).find_ticket(ticket)->summary, "");

    const ChatId elsewhere = held_chat(bill, billing, "anna");
    ok(boss, LinkTicket{elsewhere, ticket});
    EXPECT_TRUE(may_see_ticket(state, bill, *state.find_ticket(ticket)));
    EXPECT_EQ(visible_state(state, bill).find_ticket(ticket)->summary, "Router down");
}

TEST_F(Tickets, StatusChangesReachStaffThroughALinkedChat) {
    const ChatId elsewhere = held_chat(bill, billing, "anna");
    ok(boss, LinkTicket{elsewhere, ticket});
    const auto events = ok(desk, SetTicketStatus{ticket, TicketStatus::resolved, "SD-1"});
    EXPECT_TRUE(view_for(state, bill, events.front()).has_value());
    EXPECT_FALSE(view_for(state, Actor::customer("anna"), events.front()).has_value());
}

TEST_F(Tickets, IntegrationAttachesAProfileThatNewChatsKeep) {
    const CustomerProfile profile{
        "+1 555 0100", "anna@example.com", "Acme", {Asset{"Home router", "device", "SN-1001"}}};
    refused(maria, SetCustomerProfile{"anna", profile}, codes::kNotAuthorized);
    refused(Actor::customer("anna"), SetCustomerProfile{"anna", profile}, codes::kNotAuthorized);
    refused(desk, SetCustomerProfile{"", profile}, codes::kMissingArgument);
    const auto events = ok(desk, SetCustomerProfile{"anna", profile});
    EXPECT_EQ(state.customers.at("anna").profile, std::optional(profile));
    EXPECT_EQ(state.customers.at("anna").name, "anna name");
    start_chat("anna", support);
    EXPECT_EQ(state.customers.at("anna").profile, std::optional(profile));

    EXPECT_TRUE(view_for(state, maria, events.front()).has_value());
    EXPECT_FALSE(view_for(state, bill, events.front()).has_value());
    EXPECT_TRUE(view_for(state, Actor::customer("anna"), events.front()).has_value());
    EXPECT_FALSE(view_for(state, Actor::customer("bob"), events.front()).has_value());
}

TEST_F(Tickets, ProfileForANewCustomerAndBoundsOnAssets) {
    ok(desk, SetCustomerProfile{"zoe", CustomerProfile{"", "zoe@example.com", "", {}}});
    EXPECT_EQ(state.customers.at("zoe").profile->email, "zoe@example.com");
    CustomerProfile many;
    many.assets.assign(51, Asset{"Phone", "device", "1"});
    refused(desk, SetCustomerProfile{"zoe", many}, codes::kInvalidArgument);
    refused(desk, SetCustomerProfile{"zoe", CustomerProfile{"", "", "", {Asset{"", "x", "1"}}}},
            codes::kMissingArgument);
    refused(desk, SetCustomerProfile{"zoe", CustomerProfile{std::string(201, '1'), "", "", {}}},
            codes::kInvalidArgument);
}

}  // namespace
}  // namespace parley::core::testing
