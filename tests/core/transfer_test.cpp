// Rules for transfers and release, including every row of seed 003's tables: Agent Auto
// Accept on/off × transfer to agent/queue, and the company filter for transfer candidates.
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Transfer : public CoreTest {};

TEST_F(Transfer, ToAgentIsPendingLeavesMyChatsAndShowsInTargetsTransferred) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, TransferToAgent{id, "ivan", "Knows billing"});
    EXPECT_EQ(chat(id).status, ChatStatus::pending_transfer);
    EXPECT_FALSE(chat(id).assignee.has_value());
    EXPECT_EQ(chat(id).pending_transfer->side_note, "Knows billing");
    EXPECT_TRUE(my_chats(state, "maria").empty());
    EXPECT_EQ(transferred_list(state, "ivan"), std::vector<ChatId>{id});
    EXPECT_EQ(load(maria), 0);
}

TEST_F(Transfer, TargetAcceptsAndHoldsTheChatWithItsHistory) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, AddNote{id, "Wants a refund"});
    ok(maria, TransferToAgent{id, "ivan", ""});
    ok(ivan, AcceptTransfer{id});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("ivan"));
    EXPECT_TRUE(chat(id).assigned_via_transfer);
    EXPECT_EQ(chat(id).notes.size(), 1u);
    EXPECT_TRUE(transferred_list(state, "ivan").empty());
}

// The transcript's system lines for staff: who handed the chat to whom, with the side note.
TEST_F(Transfer, EveryHandOverIsRecordedWithWhoToWhomAndTheSideNote) {
    const QueueId q = add_queue("Support");
    const QueueId billing = add_queue("Billing");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const Actor bill = add_agent("bill", {billing});
    const ChatId id = held_chat(maria, q, "anna");
    advance(kMinute);
    ok(maria, TransferToAgent{id, "ivan", "Knows billing"});
    const Timestamp requested_at = now;
    ok(ivan, DeclineTransfer{id, "Off shift soon"});
    ok(maria, AcceptChat{id});
    ok(maria, TransferToAgent{id, "ivan", ""});
    advance(2 * kMinute);
    tick();
    ok(ivan, AcceptChat{id});
    ok(ivan, TransferToQueue{id, billing, "Invoice"});
    ok(bill, AcceptChat{id});
    ok(bill, ReleaseChat{id});

    const std::vector<Activity>& activity = chat(id).activity;
    ASSERT_EQ(activity.size(), 10u);
    EXPECT_EQ(activity[0].kind, ActivityKind::assigned);
    EXPECT_EQ(activity[0].by, "maria");
    EXPECT_EQ(activity[0].agent, "maria");
    EXPECT_EQ(activity[0].reason, AssignReason::accepted);
    EXPECT_EQ(activity[1],
              (Activity{ActivityKind::transfer_requested, requested_at, "maria", "ivan", 0,
                        AssignReason::accepted, false, "Knows billing", 1}));
    EXPECT_EQ(activity[2].kind, ActivityKind::transfer_declined);
    EXPECT_EQ(activity[2].by, "ivan");
    EXPECT_EQ(activity[2].note, "Off shift soon");
    EXPECT_FALSE(activity[2].timed_out);
    EXPECT_EQ(activity[4].kind, ActivityKind::transfer_requested);
    // The time-out is the system's doing, not Ivan's.
    EXPECT_EQ(activity[5].kind, ActivityKind::transfer_declined);
    EXPECT_TRUE(activity[5].timed_out);
    EXPECT_EQ(activity[5].by, "");
    EXPECT_EQ(activity[5].agent, "ivan");
    EXPECT_EQ(activity[7].kind, ActivityKind::moved_to_queue);
    EXPECT_EQ(activity[7].by, "ivan");
    EXPECT_EQ(activity[7].queue, billing);
    EXPECT_EQ(activity[7].note, "Invoice");
    EXPECT_EQ(activity[8].agent, "bill");
    EXPECT_EQ(activity[9].kind, ActivityKind::released);
    EXPECT_EQ(activity[9].by, "bill");
}

TEST_F(Transfer, DeclinePutsTheChatBackInItsQueue) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, TransferToAgent{id, "ivan", ""});
    refused(maria, AcceptTransfer{id}, codes::kNotTransferTarget);
    refused(maria, DeclineTransfer{id, ""}, codes::kNotTransferTarget);
    ok(ivan, DeclineTransfer{id, "Off shift soon"});
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_EQ(queue_list(state, "maria"), std::vector<ChatId>{id});
}

TEST_F(Transfer, TimeOutPutsTheChatBackInItsQueue) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, TransferToAgent{id, "ivan", ""});
    advance(2 * kMinute);
    tick();
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_TRUE(transferred_list(state, "ivan").empty());
}

TEST_F(Transfer, ToAgentRefusals) {
    const QueueId q = add_queue("Support");
    const QueueId other = add_queue("Other");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    add_agent("olga", {other});
    const Actor petr = add_agent("petr", {q});
    set_presence(petr, Presence::away);
    const ChatId id = held_chat(maria, q, "anna");
    refused(ivan, TransferToAgent{id, "maria", ""}, codes::kNotAssignee);
    refused(maria, TransferToAgent{id, "", ""}, codes::kMissingArgument);
    refused(maria, TransferToAgent{id, "nobody", ""}, codes::kUnknownAgent);
    refused(maria, TransferToAgent{id, "maria", ""}, codes::kSelfTransfer);
    refused(maria, TransferToAgent{id, "petr", ""}, codes::kTargetOffline);
    refused(maria, TransferToAgent{id, "olga", ""}, codes::kTargetNotCandidate);
    const ChatId queued = start_chat("bob", q);
    refused(maria, TransferToAgent{queued, "ivan", ""}, codes::kNotAssignee);
}

TEST_F(Transfer, ToQueueChangesTheQueueKeepsHistoryAndTellsTheCustomer) {
    const QueueId q = add_queue("Support");
    const QueueId billing = add_queue("Billing");
    const Actor maria = add_agent("maria", {q});
    add_agent("ivan", {billing});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, PostAgentMessage{id, "Let me move you", {}});
    ok(maria, TransferToQueue{id, billing, "billing question"});
    EXPECT_EQ(chat(id).queue, billing);
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_EQ(chat(id).messages.size(), 3u);
    EXPECT_EQ(chat(id).messages.back().text, "You are being transferred to Billing.");
    EXPECT_EQ(queue_list(state, "ivan"), std::vector<ChatId>{id});
    EXPECT_TRUE(my_chats(state, "maria").empty());
}

TEST_F(Transfer, ToQueueRefusals) {
    const QueueId q = add_queue("Support");
    const QueueId closed = add_queue("VIP", RoutingMode::pick, false);
    const QueueId off = add_queue("Old");
    ok(system, SetQueueEnabled{off, false});
    const Actor maria = add_agent("maria", {q});
    const ChatId id = held_chat(maria, q, "anna");
    const Rejection r =
        refused(maria, TransferToQueue{id, closed, ""}, codes::kQueueRefusesTransfers);
    EXPECT_EQ(r.message, "Queue VIP does not accept transfers.");
    refused(maria, TransferToQueue{id, q, ""}, codes::kSameQueue);
    refused(maria, TransferToQueue{id, 0, ""}, codes::kMissingArgument);
    refused(maria, TransferToQueue{id, 77, ""}, codes::kUnknownQueue);
    refused(maria, TransferToQueue{id, off, ""}, codes::kQueueDisabled);
}

TEST_F(Transfer, ReleaseGoesBackToTheQueueKeepsHistoryAndTellsTheCustomer) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = held_chat(maria, q, "anna");
    ok(maria, AddNote{id, "tried restart"});
    refused(ivan, ReleaseChat{id}, codes::kNotAssignee);
    ok(maria, ReleaseChat{id});
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_EQ(chat(id).notes.size(), 1u);
    EXPECT_EQ(chat(id).messages.back().author.kind, AuthorKind::system);
    ok(ivan, AcceptChat{id});
}

TEST_F(Transfer, ReleasedChatIsNotRoutedBackToTheReleaser) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {q});
    const ChatId id = start_chat("anna", q);
    ok(maria, ReleaseChat{id});
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    add_agent("ivan", {q});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("ivan"));
}

// [SECTION] Seed 003: Agent Auto Accept on/off

TEST_F(Transfer, Seed003_AutoAcceptOn_ToAgent_TargetAcceptsFromTransferredBeyondCapacity) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {q}, 1);
    const ChatId first = start_chat("c1", q);
    const Actor ivan = add_agent("ivan", {q}, 1);
    const ChatId second = start_chat("c2", q);
    ASSERT_EQ(chat(second).assignee, std::optional<AgentId>("ivan"));
    ASSERT_EQ(load(ivan), 1);
    ok(maria, TransferToAgent{first, "ivan", ""});
    ok(ivan, AcceptTransfer{first});
    EXPECT_EQ(load(ivan), 2) << "above capacity 1, allowed from the Transferred list";
}

TEST_F(Transfer, Seed003_AutoAcceptOff_ToAgent_TargetAcceptsFromTransferredBeyondCapacity) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q}, 1);
    const Actor ivan = add_agent("ivan", {q}, 1);
    const ChatId first = held_chat(maria, q, "c1");
    held_chat(ivan, q, "c2");
    ok(maria, TransferToAgent{first, "ivan", ""});
    ok(ivan, AcceptTransfer{first});
    EXPECT_EQ(load(ivan), 2);
    // DESIGN.md keeps capacity for the Queue list ("Accept: respects capacity"); only the
    // Transferred list may exceed it.
    const ChatId fourth = start_chat("c4", q);
    refused(ivan, AcceptChat{fourth}, codes::kOverCapacity);
}

TEST_F(Transfer, Seed003_AutoAcceptOn_ToQueue_AssignedToAnAgentOfThatQueueByLoad) {
    const QueueId support = add_queue("Support");
    const QueueId billing = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {support});
    add_agent("ivan", {billing});
    add_agent("olga", {billing});
    start_chat("busy", billing);
    const ChatId id = held_chat(maria, support, "anna");
    ok(maria, TransferToQueue{id, billing, ""});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("olga")) << "ivan already has one";
}

TEST_F(Transfer, Seed003_AutoAcceptOff_ToQueue_InEveryMembersQueueListAnyoneAccepts) {
    const QueueId support = add_queue("Support");
    const QueueId billing = add_queue("Billing");
    const Actor maria = add_agent("maria", {support});
    add_agent("ivan", {billing});
    const Actor olga = add_agent("olga", {billing});
    const ChatId id = held_chat(maria, support, "anna");
    ok(maria, TransferToQueue{id, billing, ""});
    EXPECT_EQ(queue_list(state, "ivan"), std::vector<ChatId>{id});
    EXPECT_EQ(queue_list(state, "olga"), std::vector<ChatId>{id});
    ok(olga, AcceptChat{id});
}

// [SECTION] Seed 003: company filter for transfer candidates

class CompanyFilter : public CoreTest {
protected:
    void SetUp() override {
        support = add_queue("Support");
        holder = add_agent("holder", {support}, 3, Role::agent, "Acme");
        add_agent("acme_member", {support}, 3, Role::agent, "Acme");
        add_agent("globex_member", {support}, 3, Role::agent, "Globex");
        add_agent("acme_outsider", {}, 3, Role::agent, "Acme");
        add_agent("globex_outsider", {}, 3, Role::agent, "Globex");
        const Actor away = add_agent("acme_away", {support}, 3, Role::agent, "Acme");
        set_presence(away, Presence::away);
    }
    ChatId chat_in(QueueId queue) {
        const ChatId id = start_chat("anna", queue, "Acme");
        ok(holder, AcceptChat{id});
        return id;
    }
    QueueId support = 0;
    Actor holder;
};

TEST_F(CompanyFilter, Seed003_GeneralQueue_FilterOff_AllOnlineAgents) {
    ok(system, AddQueueMember{kGeneralQueueId, "holder"});
    const ChatId id = chat_in(kGeneralQueueId);
    EXPECT_EQ(
        transfer_candidates(state, id).agents,
        (std::vector<AgentId>{"acme_member", "acme_outsider", "globex_member", "globex_outsider"}));
    ok(holder, TransferToAgent{id, "globex_outsider", ""});
}

TEST_F(CompanyFilter, Seed003_GeneralQueue_FilterOn_OnlineAgentsOfTheCustomersCompany) {
    set_company_filter(true);
    ok(system, AddQueueMember{kGeneralQueueId, "holder"});
    const ChatId id = chat_in(kGeneralQueueId);
    EXPECT_EQ(transfer_candidates(state, id).agents,
              (std::vector<AgentId>{"acme_member", "acme_outsider"}));
    refused(holder, TransferToAgent{id, "globex_member", ""}, codes::kTargetNotCandidate);
}

TEST_F(CompanyFilter, Seed003_OtherQueue_FilterOff_OnlineMembersOfAnyCompany) {
    const ChatId id = chat_in(support);
    EXPECT_EQ(transfer_candidates(state, id).agents,
              (std::vector<AgentId>{"acme_member", "globex_member"}));
    refused(holder, TransferToAgent{id, "acme_outsider", ""}, codes::kTargetNotCandidate);
}

TEST_F(CompanyFilter, Seed003_OtherQueue_FilterOn_OnlineMembersOfTheCustomersCompany) {
    set_company_filter(true);
    const ChatId id = chat_in(support);
    EXPECT_EQ(transfer_candidates(state, id).agents, std::vector<AgentId>{"acme_member"});
    refused(holder, TransferToAgent{id, "globex_member", ""}, codes::kTargetNotCandidate);
    ok(holder, TransferToAgent{id, "acme_member", ""});
}

TEST_F(CompanyFilter, CandidateQueuesAreThoseAcceptingTransfers) {
    const QueueId billing = add_queue("Billing");
    add_queue("Closed", RoutingMode::pick, false);
    const ChatId id = chat_in(support);
    EXPECT_EQ(transfer_candidates(state, id).queues,
              (std::vector<QueueId>{kGeneralQueueId, billing}));
}

}  // namespace
}  // namespace parley::core::testing
