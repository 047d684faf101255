// Rules for ending chats: seed 003's End Chat (with and without ticket), Abandon (with
// ticket), the end user's cancel cases, seed 002's agent cancel and Mark as solved, CSAT.
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Closing : public HeldChatTest {
protected:
    TicketId add_ticket() {
        auto events =
            ok(maria, CreateTicket{id, TicketKind::incident, "Printer on fire", Priority::high});
        return std::get<TicketCreated>(events.at(0).event).ticket;
    }
    const Ticket& ticket(TicketId t) const { return *state.find_ticket(t); }
};

TEST_F(Closing, Seed003_EndChat_WithoutTicket_ClosesAndTellsTheCustomer) {
    ok(maria, CloseChat{id, "Answered", "Explained the invoice", false});
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    EXPECT_FALSE(chat(id).assignee.has_value());
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::closed);
    EXPECT_EQ(chat(id).resolution->category, "Answered");
    EXPECT_EQ(chat(id).resolution->closed_by, "maria");
    EXPECT_EQ(chat(id).messages.back().author.kind, AuthorKind::system);
    EXPECT_EQ(load(maria), 0);
    EXPECT_EQ(chat(id).last_assignee, std::optional<AgentId>("maria"));
}

TEST_F(Closing, Seed003_EndChat_WithTicket_YesResolvesTheTicket) {
    const TicketId t = add_ticket();
    ok(maria, CloseChat{id, "Fixed", "", true});
    EXPECT_EQ(ticket(t).status, TicketStatus::resolved);
}

TEST_F(Closing, Seed003_EndChat_WithTicket_NoLeavesTheTicketOpen) {
    const TicketId t = add_ticket();
    ok(maria, CloseChat{id, "Follow-up by mail", "", false});
    EXPECT_EQ(chat(id).status, ChatStatus::closed);
    EXPECT_EQ(ticket(t).status, TicketStatus::open);
}

TEST_F(Closing, EndChatNeedsACategoryAndTheAssignee) {
    refused(maria, CloseChat{id, "", "", false}, codes::kMissingArgument);
    refused(ivan, CloseChat{id, "x", "", false}, codes::kNotAssignee);
    ok(maria, CloseChat{id, "x", "", false});
    refused(maria, CloseChat{id, "x", "", false}, codes::kChatClosed);
    refused(maria, PostAgentMessage{id, "late", {}}, codes::kChatClosed);
    refused(Actor::customer("anna"), PostCustomerMessage{id, "late", {}}, codes::kChatClosed);
}

TEST_F(Closing, Seed003_Abandon_WithTicket_CancelsTheTicket) {
    const TicketId t = add_ticket();
    ok(maria, AbandonChat{id, "Customer left"});
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::abandoned);
    EXPECT_EQ(ticket(t).status, TicketStatus::cancelled);
}

TEST_F(Closing, Seed003_Abandon_WithoutTicket_MarksAbandoned) {
    ok(maria, AbandonChat{id, ""});
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::abandoned);
    refused(ivan, AbandonChat{id, ""}, codes::kChatClosed);
}

TEST_F(Closing, MarkSolvedClosesAsSolvedAndResolvesTheTicket) {
    const TicketId t = add_ticket();
    refused(ivan, MarkSolved{id, "", ""}, codes::kNotAssignee);
    ok(maria, MarkSolved{id, "", ""});
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::solved);
    EXPECT_EQ(ticket(t).status, TicketStatus::resolved);
}

TEST_F(Closing, Seed002_AgentCancelClosesAsCancelledAndTellsTheCustomer) {
    refused(ivan, CancelChat{id, ""}, codes::kNotAssignee);
    ok(maria, CancelChat{id, "Duplicate request"});
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::cancelled_by_agent);
    EXPECT_EQ(chat(id).messages.back().text, "The agent has cancelled the chat.");
}

TEST_F(Closing, Seed003_EndUserCancel_NotAssigned_ClosesAsCancelledByCustomer) {
    const ChatId waiting = start_chat("bob", support);
    ok(Actor::customer("bob"), CustomerCancelChat{waiting});
    EXPECT_EQ(chat(waiting).status, ChatStatus::closed);
    EXPECT_EQ(chat(waiting).resolution->outcome, ResolutionOutcome::cancelled_by_customer);
}

TEST_F(Closing, Seed003_EndUserCancel_Assigned_StaysAssignedAndTheAgentIsTold) {
    ok(Actor::customer("anna"), CustomerCancelChat{id});
    EXPECT_EQ(chat(id).status, ChatStatus::active);
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("maria"));
    EXPECT_TRUE(chat(id).customer_cancelled);
    EXPECT_EQ(chat(id).messages.back().text, "End user has cancelled chat.");
    EXPECT_EQ(my_chats(state, "maria"), std::vector<ChatId>{id});
    refused(Actor::customer("anna"), CustomerCancelChat{id}, codes::kAlreadyCancelled);
    refused(Actor::customer("anna"), PostCustomerMessage{id, "hi", {}}, codes::kAlreadyCancelled);
    ok(maria, CloseChat{id, "Cancelled by user", "", false});
}

TEST_F(Closing, Seed003_EndUserCancel_Assigned_AgentMayAbandon) {
    ok(Actor::customer("anna"), CustomerCancelChat{id});
    ok(maria, AbandonChat{id, ""});
    EXPECT_EQ(chat(id).resolution->outcome, ResolutionOutcome::abandoned);
}

TEST_F(Closing, EndUserCancel_Offered_ClosesAndFreesTheOffer) {
    const QueueId sales = add_queue("Sales", RoutingMode::offer);
    const Actor olga = add_agent("olga", {sales});
    const ChatId offered = start_chat("bob", sales);
    ASSERT_EQ(load(olga), 1);
    ok(Actor::customer("bob"), CustomerCancelChat{offered});
    EXPECT_EQ(chat(offered).status, ChatStatus::closed);
    EXPECT_EQ(load(olga), 0);
}

TEST_F(Closing, EndUserCancel_OnlyTheChatsCustomer) {
    refused(Actor::customer("bob"), CustomerCancelChat{id}, codes::kNotAuthorized);
    refused(maria, CustomerCancelChat{id}, codes::kNotAuthorized);
}

TEST_F(Closing, CsatOnceAfterClosingFromOneToFive) {
    refused(anna, SubmitCsat{id, 5, ""}, codes::kChatNotClosed);
    ok(maria, CloseChat{id, "Answered", "", false});
    refused(anna, SubmitCsat{id, 0, ""}, codes::kInvalidArgument);
    refused(anna, SubmitCsat{id, 6, ""}, codes::kInvalidArgument);
    refused(Actor::customer("bob"), SubmitCsat{id, 5, ""}, codes::kNotAuthorized);
    ok(anna, SubmitCsat{id, 4, "Quick"});
    EXPECT_EQ(chat(id).csat->score, 4);
    refused(anna, SubmitCsat{id, 5, ""}, codes::kCsatAlreadySubmitted);
}

}  // namespace
}  // namespace parley::core::testing
