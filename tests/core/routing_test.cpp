// Rules for accepting and routing: pick (Auto Accept off), offer, and auto (Auto Accept on).
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Pick : public CoreTest {};

TEST_F(Pick, QueuedChatShowsInEveryOnlineMembersQueueList) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    EXPECT_EQ(queue_list(state, "maria"), std::vector<ChatId>{id});
    EXPECT_EQ(queue_list(state, "ivan"), std::vector<ChatId>{id});
}

TEST_F(Pick, TheQueueListMergesTheAgentsQueuesOldestFirst) {
    const QueueId support = add_queue("Support");
    const QueueId billing = add_queue("Billing");
    const QueueId sales = add_queue("Sales");
    add_agent("maria", {support, billing, sales});
    const ChatId first = start_chat("anna", billing);
    const ChatId second = start_chat("bob", support);
    const ChatId third = start_chat("carl", sales);
    const ChatId fourth = start_chat("dana", billing);
    const ChatId fifth = start_chat("emil", support);
    EXPECT_EQ(queue_list(state, "maria"),
              (std::vector<ChatId>{first, second, third, fourth, fifth}));
}

TEST_F(Pick, AnyMemberAcceptsAndTheChatBecomesActive) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const ChatId id = start_chat("anna", q);
    ok(maria, AcceptChat{id});
    EXPECT_EQ(chat(id).status, ChatStatus::active);
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("maria"));
    EXPECT_EQ(my_chats(state, "maria"), std::vector<ChatId>{id});
    EXPECT_TRUE(queue_list(state, "maria").empty());
}

TEST_F(Pick, NonMemberCannotAccept) {
    const QueueId q = add_queue("Support");
    const QueueId other = add_queue("Other");
    add_agent("maria", {q});
    const Actor olga = add_agent("olga", {other});
    const ChatId id = start_chat("anna", q);
    const Rejection r = refused(olga, AcceptChat{id}, codes::kNotQueueMember);
    EXPECT_EQ(r.message, "You are not a member of queue Support.");
}

TEST_F(Pick, SecondAcceptLosesWithTheWinnersName) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    ok(maria, AcceptChat{id});
    const Rejection r = refused(ivan, AcceptChat{id}, codes::kAlreadyAssigned);
    EXPECT_EQ(r.message, "Chat chat-0001 is already accepted by maria name.");
    refused(maria, AcceptChat{id}, codes::kAlreadyAssigned);
}

TEST_F(Pick, AcceptRespectsCapacity) {
    const QueueId q = add_queue("Support");
    const Actor maria = add_agent("maria", {q}, 1);
    held_chat(maria, q, "anna");
    const ChatId second = start_chat("bob", q);
    refused(maria, AcceptChat{second}, codes::kOverCapacity);
    refused(maria, AcceptNextChat{}, codes::kOverCapacity);
}

TEST_F(Pick, AcceptNextTakesTheOldestAcrossQueues) {
    const QueueId a = add_queue("A");
    const QueueId b = add_queue("B");
    const Actor maria = add_agent("maria", {a, b});
    const ChatId first = start_chat("c1", b);
    const ChatId second = start_chat("c2", a);
    ok(maria, AcceptNextChat{});
    EXPECT_EQ(chat(first).assignee, std::optional<AgentId>("maria"));
    ok(maria, AcceptNextChat{});
    EXPECT_EQ(chat(second).assignee, std::optional<AgentId>("maria"));
    refused(maria, AcceptNextChat{}, codes::kNothingQueued);
}

TEST_F(Pick, CustomersAndDisabledAccountsCannotAccept) {
    const QueueId q = add_queue("Support");
    const ChatId id = start_chat("anna", q);
    refused(Actor::customer("anna"), AcceptChat{id}, codes::kNotAuthorized);
    refused(Actor::agent("ghost"), AcceptChat{id}, codes::kNotAuthorized);
    const Actor maria = add_agent("maria", {q});
    refused(maria, AcceptChat{"chat-0042"}, codes::kUnknownChat);
}

class Offer : public CoreTest {};

TEST_F(Offer, ChatIsOfferedToOneAgentWithLeastLoad) {
    const QueueId q = add_queue("Sales", RoutingMode::offer);
    const Actor maria = add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    EXPECT_EQ(chat(id).status, ChatStatus::offered);
    EXPECT_EQ(chat(id).offer->agent, "maria") << "equal load: maria idle longest";
    EXPECT_EQ(chat(id).offer->deadline, now - kSecond + 30 * kSecond);
    EXPECT_EQ(queue_list(state, "maria"), std::vector<ChatId>{id});
    ok(maria, AcceptChat{id});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("maria"));
}

TEST_F(Offer, OthersCannotTakeAnOfferedChat) {
    const QueueId q = add_queue("Sales", RoutingMode::offer);
    add_agent("maria", {q});
    const ChatId id = start_chat("anna", q);
    const Actor ivan = add_agent("ivan", {q});
    refused(ivan, AcceptChat{id}, codes::kOfferedToOther);
    refused(ivan, RejectOffer{id, "busy"}, codes::kNotOffered);
}

TEST_F(Offer, RejectOffersToTheNextAndNeverAgainToTheRejecter) {
    const QueueId q = add_queue("Sales", RoutingMode::offer);
    const Actor maria = add_agent("maria", {q});
    const Actor ivan = add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    refused(maria, RejectOffer{id, ""}, codes::kMissingArgument);
    ok(maria, RejectOffer{id, "Not my topic"});
    EXPECT_EQ(chat(id).offer->agent, "ivan");
    ok(ivan, RejectOffer{id, "Busy"});
    EXPECT_EQ(chat(id).status, ChatStatus::queued) << "nobody left who did not reject it";
    EXPECT_EQ(chat(id).passed_by, (std::set<AgentId>{"ivan", "maria"}));
    ok(maria, AcceptChat{id});
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("maria")) << "by hand it still may";
}

TEST_F(Offer, TimeOutOffersToTheNext) {
    const QueueId q = add_queue("Sales", RoutingMode::offer);
    add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId id = start_chat("anna", q);
    advance(28 * kSecond);
    tick();
    EXPECT_EQ(chat(id).offer->agent, "maria");
    advance(2 * kSecond);
    tick();
    EXPECT_EQ(chat(id).offer->agent, "ivan");
    EXPECT_TRUE(chat(id).passed_by.contains("maria"));
}

TEST_F(Offer, AnOfferCountsTowardCapacity) {
    const QueueId q = add_queue("Sales", RoutingMode::offer);
    add_agent("maria", {q}, 1);
    const ChatId first = start_chat("anna", q);
    const ChatId second = start_chat("bob", q);
    EXPECT_EQ(chat(first).status, ChatStatus::offered);
    EXPECT_EQ(chat(second).status, ChatStatus::queued);
}

class Auto : public CoreTest {};

TEST_F(Auto, AssignedStraightToTheLeastLoadedOnlineMember) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId c1 = start_chat("c1", q);
    const ChatId c2 = start_chat("c2", q);
    const ChatId c3 = start_chat("c3", q);
    EXPECT_EQ(chat(c1).assignee, std::optional<AgentId>("maria"));
    EXPECT_EQ(chat(c2).assignee, std::optional<AgentId>("ivan"));
    EXPECT_EQ(chat(c3).assignee, std::optional<AgentId>("maria")) << "tie: maria idle longer";
}

TEST_F(Auto, TiesGoToTheAgentIdleLongest) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {q});
    add_agent("ivan", {q});
    const ChatId c1 = start_chat("c1", q);
    ok(maria, CloseChat{c1, "done", "", false});
    const ChatId c2 = start_chat("c2", q);
    EXPECT_EQ(chat(c2).assignee, std::optional<AgentId>("ivan"))
        << "both at load 0, ivan has not had a chat since coming online";
}

TEST_F(Auto, AwayAndOfflineAgentsGetNothing) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {q});
    set_presence(maria, Presence::away);
    const ChatId id = start_chat("c1", q);
    EXPECT_EQ(chat(id).status, ChatStatus::queued);
    set_presence(maria, Presence::online);
    EXPECT_EQ(chat(id).assignee, std::optional<AgentId>("maria")) << "coming online routes";
}

TEST_F(Auto, WaitsFifoWhileNobodyHasCapacityThenOldestFirst) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    const Actor maria = add_agent("maria", {q}, 1);
    const ChatId c1 = start_chat("c1", q);
    const ChatId c2 = start_chat("c2", q);
    const ChatId c3 = start_chat("c3", q);
    EXPECT_EQ(chat(c2).status, ChatStatus::queued);
    EXPECT_EQ(chat(c3).status, ChatStatus::queued);
    ok(maria, CloseChat{c1, "done", "", false});
    EXPECT_EQ(chat(c2).assignee, std::optional<AgentId>("maria"));
    EXPECT_EQ(chat(c3).status, ChatStatus::queued);
}

TEST_F(Auto, MoreCapacityOrANewMemberTakesWaitingChats) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    add_agent("maria", {q}, 1);
    start_chat("c1", q);
    const ChatId c2 = start_chat("c2", q);
    const ChatId c3 = start_chat("c3", q);
    ok(system, SetCapacity{"maria", 2});
    EXPECT_EQ(chat(c2).assignee, std::optional<AgentId>("maria"));
    add_agent("ivan", {});
    ok(system, AddQueueMember{q, "ivan"});
    EXPECT_EQ(chat(c3).assignee, std::optional<AgentId>("ivan"));
}

TEST_F(Auto, SwitchingAQueueToAutoRoutesItsWaitingChats) {
    const QueueId q = add_queue("Billing");
    add_agent("maria", {q}, 1);
    add_agent("ivan", {q}, 1);
    const ChatId c1 = start_chat("c1", q);
    const ChatId c2 = start_chat("c2", q);
    const ChatId c3 = start_chat("c3", q);
    set_mode(q, RoutingMode::automatic);
    EXPECT_EQ(chat(c1).assignee, std::optional<AgentId>("maria"));
    EXPECT_EQ(chat(c2).assignee, std::optional<AgentId>("ivan"));
    EXPECT_EQ(chat(c3).status, ChatStatus::queued);
}

TEST_F(Auto, RoutingEventsAreTheSystemsAndCarryTheCommandId) {
    const QueueId q = add_queue("Billing", RoutingMode::automatic);
    add_agent("maria", {q});
    start_chat("c1", q);
    const EventEnvelope& assigned = log.back();
    ASSERT_TRUE(std::holds_alternative<ChatAssigned>(assigned.event));
    EXPECT_EQ(assigned.actor, Actor::system());
    EXPECT_EQ(assigned.command_id, log[log.size() - 2].command_id);
    EXPECT_EQ(std::get<ChatAssigned>(assigned.event).reason, AssignReason::routed);
}

}  // namespace
}  // namespace parley::core::testing
