// Who sees what, on floors built by real commands: the State each actor's replica starts from
// (visible_state), a chat as an actor sees it (chat_for), and which events reach
// an actor across a change of sight (view_for with saw_chat_before, brings_chat_into_view).
#include "core_fixture.h"

#include "core/visibility.h"

namespace parley::core::testing {
namespace {

// What one watcher makes of one event, applied one at a time as the server fans them out.
struct Seen {
    EventEnvelope event;
    bool saw_before = false;
    bool brings = false;
    // view_for with saw_chat_before, and without it.
    bool delivered = false;
    bool delivered_plain = false;
    std::optional<EventEnvelope> view;
};

template <typename E>
const Seen* seen_event(const std::vector<Seen>& seen) {
    for (const Seen& s : seen) {
        if (std::holds_alternative<E>(s.event.event))
            return &s;
    }
    return nullptr;
}

// General (gina, gus) and Billing (bill) with one held chat each, a supervisor and an admin in
// no queue, internal notes, and personal and shared canned responses.
class Visibility : public CoreTest {
protected:
    void SetUp() override {
        billing = add_queue("Billing");
        gina = add_agent("gina", {kGeneralQueueId});
        gus = add_agent("gus", {kGeneralQueueId});
        bill = add_agent("bill", {billing});
        sue = add_agent("sue", {}, 3, Role::supervisor);
        ada = add_agent("ada", {}, 3, Role::admin);
        anna_chat = held_chat(gina, kGeneralQueueId, "anna");
        bob_chat = held_chat(bill, billing, "bob");
        ok(gina, PostAgentMessage{anna_chat, "Hi Anna", {}});
        ok(gina, AddNote{anna_chat, "Angry about the invoice"});
        ok(bill, AddNote{bob_chat, "Owes two months"});
        ok(gina, CreateCannedResponse{"Gina hello", "/gh", "Hello from Gina", true});
        ok(bill, CreateCannedResponse{"Bill hello", "/bh", "Hello from Bill", true});
        ok(sue, CreateCannedResponse{"Shared bye", "/bye", "Goodbye", false});
    }

    // Decides and applies event by event, recording what `watcher` gets of each.
    std::vector<Seen> step(const Actor& actor, Command command, const Actor& watcher) {
        const CommandEnvelope envelope{"vis-" + std::to_string(++steps_), actor, now,
                                       std::move(command)};
        const Decision decision = decide(state, envelope);
        EXPECT_TRUE(decision.accepted())
            << decision.rejection->code << ": " << decision.rejection->message;
        std::vector<Seen> seen;
        for (const EventEnvelope& event : decision.events) {
            const std::optional<ChatId> id = chat_of(state, event.event);
            const Chat* before = id ? state.find_chat(*id) : nullptr;
            const bool saw_before = before && may_see_chat(state, watcher, *before);
            parley::core::apply(state, event);
            log.push_back(event);
            Seen s;
            s.event = event;
            s.saw_before = saw_before;
            s.brings = brings_chat_into_view(state, watcher, event, saw_before);
            s.view = view_for(state, watcher, event, saw_before);
            s.delivered = s.view.has_value();
            s.delivered_plain = view_for(state, watcher, event).has_value();
            seen.push_back(std::move(s));
        }
        return seen;
    }

    static const Chat& chat_in(const State& seen, const ChatId& id) {
        const Chat* found = seen.find_chat(id);
        EXPECT_TRUE(found) << "chat " << id << " is not in the visible state";
        return found ? *found : seen.chats.at(0);
    }
    static bool sees(const State& seen, const ChatId& id) { return seen.find_chat(id); }

    static std::vector<std::string> canned_titles(const State& seen) {
        std::vector<std::string> titles;
        for (const auto& [id, response] : seen.canned_responses)
            titles.push_back(response.title);
        return titles;
    }

    QueueId billing = 0;
    Actor gina;
    Actor gus;
    Actor bill;
    Actor sue;
    Actor ada;
    Actor anna = Actor::customer("anna");
    Actor bob = Actor::customer("bob");
    ChatId anna_chat;
    ChatId bob_chat;

private:
    int steps_ = 0;
};

TEST_F(Visibility, StaffStartWithTheOpenChatsAndOnlyTheNewestEndedOnes) {
    ok(gina, CloseChat{anna_chat, "Answered", "", false});
    const ChatId first = held_chat(gina, kGeneralQueueId, "carl");
    ok(gina, CloseChat{first, "Answered", "", false});
    const ChatId second = held_chat(gina, kGeneralQueueId, "dora");
    ok(gina, CloseChat{second, "Answered", "", false});
    const ChatId waiting = start_chat("erin");
    const State seen = visible_state(state, sue, 2);
    std::vector<ChatId> ids;
    for (const Chat& chat : seen.chats)
        ids.push_back(chat.id);
    EXPECT_EQ(ids, (std::vector<ChatId>{bob_chat, first, second, waiting}))
        << "Anna's, the oldest ended chat, is left to the server's pages";
    EXPECT_FALSE(seen.customers.contains("anna"));
    EXPECT_EQ(visible_state(state, sue).chats.size(), 5u) << "the default page holds them all";
}

// [SECTION] visible_state for customers

TEST_F(Visibility, CustomerSeesOnlyTheirOwnChatWithoutStaffBusiness) {
    ok(gina, CreateTicket{anna_chat, TicketKind::incident, "Refund", Priority::high});
    ok(gina, SetChatTags{anna_chat, {"vip"}});
    ok(gina, RequestSupervisor{anna_chat, "Wants a manager"});
    const State seen = visible_state(state, anna);

    ASSERT_EQ(seen.chats.size(), 1u);
    const Chat& mine = chat_in(seen, anna_chat);
    EXPECT_EQ(mine.customer, "anna");
    // Staff by display name: account ids are sign-in names.
    EXPECT_EQ(mine.assignee, std::optional<AgentId>("gina name"));
    ASSERT_EQ(mine.messages.size(), chat(anna_chat).messages.size());
    for (std::size_t i = 0; i < mine.messages.size(); ++i) {
        const Message& real = chat(anna_chat).messages[i];
        EXPECT_EQ(mine.messages[i].text, real.text);
        EXPECT_EQ(mine.messages[i].author.id,
                  real.author.kind == AuthorKind::agent ? "gina name" : real.author.id);
    }
    ASSERT_FALSE(chat(anna_chat).notes.empty());
    EXPECT_TRUE(mine.notes.empty());
    EXPECT_TRUE(mine.tags.empty());
    EXPECT_FALSE(mine.ticket.has_value());
    EXPECT_FALSE(mine.supervisor_requested);

    EXPECT_FALSE(sees(seen, bob_chat));
    EXPECT_TRUE(seen.tickets.empty()) << "not even how many tickets the organisation has";
    for (const Chat& c : seen.chats)
        EXPECT_TRUE(c.notes.empty()) << "chat " << c.id << " carries internal notes";

    EXPECT_FALSE(seen.customers.contains("bob"));
    EXPECT_EQ(seen.customers.at("anna"), state.customers.at("anna"));
    EXPECT_EQ(seen.customers.size(), 1u);

    // Only the staff the chat names, under those names; nothing else of the floor.
    ASSERT_EQ(seen.agents.size(), 1u);
    Agent named;
    named.id = "gina name";
    named.profile.name = "gina name";
    EXPECT_EQ(seen.agents.at("gina name"), named);
    EXPECT_EQ(seen.settings, Settings{});
    EXPECT_TRUE(seen.canned_responses.empty());
    EXPECT_FALSE(state.canned_responses.empty());
    EXPECT_TRUE(seen.processed_commands.empty());
    EXPECT_FALSE(state.processed_commands.empty());
    for (const Queue& queue : seen.queues)
        EXPECT_TRUE(queue.members.empty()) << "queue " << queue.id << " shows its members";
}

TEST_F(Visibility, CustomerSeesHowTheChatEndedButNotTheResolutionNotes) {
    ok(gina, CloseChat{anna_chat, "Billing question", "Refund promised", false});
    const State seen = visible_state(state, anna);
    const Chat& mine = chat_in(seen, anna_chat);
    EXPECT_EQ(mine.status, ChatStatus::closed);
    ASSERT_TRUE(mine.resolution.has_value());
    EXPECT_EQ(mine.resolution->outcome, ResolutionOutcome::closed);
    EXPECT_EQ(mine.resolution->closed_by, "gina name");
    EXPECT_TRUE(mine.resolution->category.empty());
    EXPECT_TRUE(mine.resolution->notes.empty());
    EXPECT_EQ(chat(anna_chat).resolution->category, "Billing question");
    EXPECT_EQ(chat(anna_chat).resolution->notes, "Refund promised");
}

TEST_F(Visibility, EachCustomerSeesTheirOwnChat) {
    const State seen = visible_state(state, bob);
    EXPECT_FALSE(sees(seen, anna_chat));
    EXPECT_TRUE(sees(seen, bob_chat));
    EXPECT_FALSE(seen.customers.contains("anna"));
    EXPECT_TRUE(seen.customers.contains("bob"));
}

// [SECTION] visible_state for staff

// Staff see what they hold or held, and what waits in their queues; a colleague's conversation
// in the same queue is not theirs to read.
TEST_F(Visibility, AgentSeesTheirChatsAndWhatWaitsInTheirQueues) {
    const ChatId carl_chat = start_chat("carl", billing);
    const ChatId dan_chat = start_chat("dan", kGeneralQueueId);
    const State for_gina = visible_state(state, gina);
    EXPECT_EQ(chat_in(for_gina, anna_chat), chat(anna_chat));
    EXPECT_EQ(chat_in(for_gina, dan_chat), chat(dan_chat));
    EXPECT_FALSE(sees(for_gina, bob_chat));
    EXPECT_FALSE(sees(for_gina, carl_chat));
    EXPECT_FALSE(for_gina.customers.contains("bob"));
    EXPECT_FALSE(for_gina.customers.contains("carl"));
    EXPECT_TRUE(for_gina.customers.contains("anna"));
    EXPECT_TRUE(for_gina.customers.contains("dan"));
    EXPECT_TRUE(for_gina.processed_commands.empty());
    // Staff see the floor: agents keep roles and queues.
    EXPECT_EQ(for_gina.agents, state.agents);
    EXPECT_EQ(for_gina.queues, state.queues);

    const State for_gus = visible_state(state, gus);
    EXPECT_FALSE(sees(for_gus, anna_chat));
    EXPECT_EQ(chat_in(for_gus, dan_chat), chat(dan_chat));
    EXPECT_FALSE(sees(for_gus, bob_chat));
    EXPECT_FALSE(for_gus.customers.contains("anna"));

    const State for_bill = visible_state(state, bill);
    EXPECT_FALSE(sees(for_bill, anna_chat));
    EXPECT_FALSE(sees(for_bill, dan_chat));
    EXPECT_EQ(chat_in(for_bill, bob_chat), chat(bob_chat));
    EXPECT_EQ(chat_in(for_bill, carl_chat), chat(carl_chat));
}

TEST_F(Visibility, AgentSeesAChatTransferredToThemFromAnotherQueue) {
    ok(gina, TransferToAgent{anna_chat, "bill", "Knows invoices"});
    const State pending = visible_state(state, bill);
    const Chat& transferred = chat_in(pending, anna_chat);
    ASSERT_TRUE(sees(pending, anna_chat));
    ASSERT_TRUE(transferred.pending_transfer.has_value());
    EXPECT_EQ(transferred.pending_transfer->side_note, "Knows invoices");
    EXPECT_EQ(transferred.notes, chat(anna_chat).notes);

    ok(bill, AcceptTransfer{anna_chat});
    EXPECT_EQ(chat_in(visible_state(state, bill), anna_chat), chat(anna_chat));
    // Gina still sees it: she answered it first. Gus, in the same queue, never did.
    EXPECT_FALSE(sees(visible_state(state, gus), anna_chat));
    EXPECT_TRUE(sees(visible_state(state, gina), anna_chat));
}

TEST_F(Visibility, AgentSeesAChatOfferedToThemAfterLeavingItsQueue) {
    const QueueId sales = add_queue("Sales", RoutingMode::offer);
    const Actor olga = add_agent("olga", {sales});
    const ChatId dan_chat = start_chat("dan", sales);
    ASSERT_EQ(chat(dan_chat).status, ChatStatus::offered);
    ASSERT_EQ(chat(dan_chat).offer->agent, "olga");
    ok(sue, RemoveQueueMember{sales, "olga"});
    ASSERT_EQ(chat(dan_chat).status, ChatStatus::offered);
    EXPECT_TRUE(sees(visible_state(state, olga), dan_chat));
    EXPECT_FALSE(sees(visible_state(state, gina), dan_chat));
}

TEST_F(Visibility, SupervisorAndAdminSeeEveryChat) {
    const ChatId carl_chat = start_chat("carl", billing);
    for (const Actor& boss : {sue, ada}) {
        const State seen = visible_state(state, boss);
        ASSERT_EQ(seen.chats.size(), state.chats.size());
        for (const Chat& c : state.chats)
            EXPECT_EQ(chat_in(seen, c.id), c) << boss.id << " chat " << c.id;
        EXPECT_EQ(seen.customers, state.customers) << boss.id;
        EXPECT_TRUE(sees(seen, carl_chat));
    }
}

TEST_F(Visibility, OthersPersonalCannedResponsesAreHiddenFromAgentsButNotFromAdmins) {
    using Titles = std::vector<std::string>;
    EXPECT_EQ(canned_titles(visible_state(state, gina)), (Titles{"Gina hello", "Shared bye"}));
    EXPECT_EQ(canned_titles(visible_state(state, bill)), (Titles{"Bill hello", "Shared bye"}));
    EXPECT_EQ(canned_titles(visible_state(state, sue)), (Titles{"Shared bye"}));
    EXPECT_EQ(canned_titles(visible_state(state, ada)),
              (Titles{"Gina hello", "Bill hello", "Shared bye"}));
}

TEST_F(Visibility, TheSystemAndIntegrationsGetTheWholeState) {
    EXPECT_EQ(visible_state(state, system), state);
    EXPECT_EQ(visible_state(state, Actor::integration("bot")), state);
}

TEST_F(Visibility, UnknownStaffSeeNoChatsAndNoPersonalResponses) {
    const State seen = visible_state(state, Actor::agent("ghost"));
    EXPECT_TRUE(seen.chats.empty());
    EXPECT_TRUE(seen.customers.empty());
    EXPECT_EQ(canned_titles(seen), (std::vector<std::string>{"Shared bye"}));
}

TEST_F(Visibility, SightChangesWithRoleQueuesOrEnabledOnly) {
    const Agent before = *state.find_agent("gina");
    Agent after = before;
    after.presence = Presence::away;
    after.capacity = 9;
    EXPECT_TRUE(same_sight(&before, &after));
    after.queues.insert(billing);
    EXPECT_FALSE(same_sight(&before, &after));
    after = before;
    after.profile.role = Role::supervisor;
    EXPECT_FALSE(same_sight(&before, &after));
    after = before;
    after.enabled = false;
    EXPECT_FALSE(same_sight(&before, &after));
    EXPECT_FALSE(same_sight(nullptr, &before));
    EXPECT_TRUE(same_sight(nullptr, nullptr));
}

// [SECTION] chat_for

TEST_F(Visibility, ChatForBlanksStaffFieldsForCustomersOnly) {
    ok(gina, SetChatTags{anna_chat, {"vip"}});
    ok(gina, TransferToAgent{anna_chat, "bill", "Side note"});
    const Chat& real = chat(anna_chat);
    EXPECT_EQ(chat_for(state, gina, real), real);
    EXPECT_EQ(chat_for(state, system, real), real);
    const Chat seen = chat_for(state, anna, real);
    EXPECT_TRUE(seen.notes.empty());
    EXPECT_TRUE(seen.tags.empty());
    EXPECT_TRUE(seen.passed_by.empty());
    EXPECT_FALSE(real.passed_by.empty());
    ASSERT_TRUE(seen.pending_transfer.has_value());
    EXPECT_TRUE(seen.pending_transfer->side_note.empty());
    // Staff are named to customers, never by their account ids (sign-in names).
    EXPECT_EQ(seen.pending_transfer->to, "bill name");
    EXPECT_EQ(seen.pending_transfer->from, "gina name");
    ASSERT_EQ(seen.messages.size(), real.messages.size());
    for (std::size_t i = 0; i < seen.messages.size(); ++i) {
        EXPECT_EQ(seen.messages[i].text, real.messages[i].text);
        EXPECT_NE(seen.messages[i].author.id, "gina");
    }
}

TEST_F(Visibility, CustomersNeverSeeOffersOrStaffAccountIds) {
    set_mode(billing, RoutingMode::offer);
    const ChatId waiting = start_chat("anna", billing);
    const Chat& real = chat(waiting);
    ASSERT_EQ(real.status, ChatStatus::offered);
    const Chat seen = chat_for(state, anna, real);
    EXPECT_EQ(seen.status, ChatStatus::queued);
    EXPECT_FALSE(seen.offer.has_value());
    const State snapshot = visible_state(state, anna);
    for (const auto& [id, agent] : snapshot.agents) {
        EXPECT_EQ(id, agent.profile.name) << "listed under a display name only";
        EXPECT_EQ(state.find_agent(id), nullptr) << id << " is an account id";
    }
    EXPECT_TRUE(snapshot.tickets.empty());
    EXPECT_EQ(snapshot.settings, Settings{});
    for (const Queue& queue : snapshot.queues) {
        EXPECT_TRUE(queue.members.empty());
        EXPECT_EQ(queue.config.mode, QueueConfig{}.mode);
    }
}

// [SECTION] Events across a change of sight

TEST_F(Visibility, TransferToAgentBringsTheChatIntoTheTargetsView) {
    const auto seen = step(gina, TransferToAgent{anna_chat, "bill", "Knows invoices"}, bill);
    const Seen* requested = seen_event<TransferRequested>(seen);
    ASSERT_NE(requested, nullptr);
    EXPECT_FALSE(requested->saw_before);
    EXPECT_TRUE(requested->brings);
    EXPECT_TRUE(requested->delivered);
}

TEST_F(Visibility, TransferToQueueBringsTheChatToTheNewQueueAndTellsTheOldHolder) {
    const auto for_bill = step(gina, TransferToQueue{anna_chat, billing, "Invoice"}, bill);
    const Seen* moved = seen_event<ChatMovedToQueue>(for_bill);
    ASSERT_NE(moved, nullptr);
    EXPECT_FALSE(moved->saw_before);
    EXPECT_TRUE(moved->brings);
    EXPECT_TRUE(moved->delivered);
    // The notice to the customer came before the move: not Bill's business yet.
    const Seen* notice = seen_event<MessagePosted>(for_bill);
    ASSERT_NE(notice, nullptr);
    EXPECT_FALSE(notice->delivered);
    EXPECT_FALSE(notice->brings);
}

TEST_F(Visibility, AQueueMemberGetsTheAcceptThatTakesAChatOutOfTheirQueueList) {
    const ChatId dan_chat = start_chat("dan", kGeneralQueueId);
    const auto for_gus = step(gina, AcceptChat{dan_chat}, gus);
    const Seen* assigned = seen_event<ChatAssigned>(for_gus);
    ASSERT_NE(assigned, nullptr);
    EXPECT_TRUE(assigned->saw_before);
    EXPECT_FALSE(assigned->delivered_plain);
    EXPECT_TRUE(assigned->delivered);
    EXPECT_FALSE(assigned->brings);
    EXPECT_FALSE(view_for(state, gus, assigned->event, false).has_value());
    // Out of sight now: later events of the chat no longer reach him.
    const auto later = step(gina, PostAgentMessage{dan_chat, "Hello Dan", {}}, gus);
    const Seen* message = seen_event<MessagePosted>(later);
    ASSERT_NE(message, nullptr);
    EXPECT_FALSE(message->saw_before);
    EXPECT_FALSE(message->delivered);
}

TEST_F(Visibility, TransferToQueueKeepsTheMoverInformedAndNotTheOldQueue) {
    const auto for_gina = step(gina, TransferToQueue{anna_chat, billing, "Invoice"}, gina);
    const Seen* moved = seen_event<ChatMovedToQueue>(for_gina);
    ASSERT_NE(moved, nullptr);
    EXPECT_TRUE(moved->saw_before);
    EXPECT_TRUE(moved->delivered);
    EXPECT_FALSE(moved->brings);
    // She answered the chat, so it stays in her sight after leaving her queue.
    EXPECT_TRUE(moved->delivered_plain);

    const auto for_gus = step(bill, AcceptChat{anna_chat}, gus);
    const Seen* assigned = seen_event<ChatAssigned>(for_gus);
    ASSERT_NE(assigned, nullptr);
    EXPECT_FALSE(assigned->saw_before);
    EXPECT_FALSE(assigned->delivered);
    EXPECT_FALSE(assigned->brings);
}

TEST_F(Visibility, ChatStartedNeverBringsAChatIntoView) {
    const auto seen = step(Actor::customer("dan"),
                           StartChat{Customer{"dan", "Dan", "dan@example.com", ""}, Channel::web,
                                     kGeneralQueueId, "Hi", std::nullopt, "chat-dan"},
                           gina);
    const Seen* started = seen_event<ChatStarted>(seen);
    ASSERT_NE(started, nullptr);
    EXPECT_TRUE(started->delivered);
    EXPECT_FALSE(started->brings);
}

TEST_F(Visibility, NothingIsBroughtIntoACustomersView) {
    const auto seen = step(gina, TransferToAgent{anna_chat, "bill", "Knows invoices"}, anna);
    const Seen* requested = seen_event<TransferRequested>(seen);
    ASSERT_NE(requested, nullptr);
    EXPECT_TRUE(requested->saw_before);
    EXPECT_FALSE(requested->brings);
    EXPECT_FALSE(brings_chat_into_view(state, anna, requested->event, false));
    // The customer gets the transfer without the side note.
    const auto view = view_for(state, anna, requested->event, true);
    ASSERT_TRUE(view.has_value());
    const auto& event = std::get<TransferRequested>(view->event);
    EXPECT_EQ(event.to, "bill name");
    EXPECT_EQ(event.from, "gina name");
    EXPECT_TRUE(event.side_note.empty());
}

// A customer's replica starts from visible_state and then folds what the server sends: the
// hand-overs it holds must be the ones a fresh snapshot would show, or a reconnect changes the
// transcript under the customer's eyes.
TEST_F(Visibility, ACustomersReplicaAndAFreshSnapshotShowTheSameHandOvers) {
    State replica = visible_state(state, anna);
    const auto fold = [&](const Actor& actor, Command command) {
        for (const Seen& s : step(actor, std::move(command), anna)) {
            if (s.view)
                parley::core::apply(replica, *s.view);
        }
    };
    fold(gina, RequestSupervisor{anna_chat, "Wants a refund"});
    fold(sue, JoinChat{anna_chat});
    fold(gina, TransferToAgent{anna_chat, "gus", "Knows invoices"});
    fold(gus, DeclineTransfer{anna_chat, "Busy"});
    fold(gina, AcceptChat{anna_chat});
    fold(gina, TransferToQueue{anna_chat, billing, "Invoice question"});
    fold(bill, AcceptChat{anna_chat});
    fold(bill, ReleaseChat{anna_chat});

    const Chat& folded = chat_in(replica, anna_chat);
    const State snapshot = visible_state(state, anna);
    const Chat& fresh = chat_in(snapshot, anna_chat);
    EXPECT_EQ(folded.activity, fresh.activity);
    std::vector<ActivityKind> kinds;
    for (const Activity& activity : fresh.activity) {
        kinds.push_back(activity.kind);
        EXPECT_TRUE(activity.note.empty()) << to_string(activity.kind);
    }
    // Setup's accept, the transfer and its decline, the re-accept, the move, Bill's accept and
    // release; the supervisor's part is staff business.
    EXPECT_EQ(kinds, (std::vector{ActivityKind::assigned, ActivityKind::transfer_requested,
                                  ActivityKind::transfer_declined, ActivityKind::assigned,
                                  ActivityKind::moved_to_queue, ActivityKind::assigned,
                                  ActivityKind::released}));
    const State for_sue = visible_state(state, sue);
    EXPECT_EQ(chat_in(for_sue, anna_chat).activity.size(), 9u);
}

TEST_F(Visibility, CustomersNeverGetNotesEvenHavingSeenTheChat) {
    const auto seen = step(gina, AddNote{anna_chat, "Secret"}, anna);
    const Seen* note = seen_event<NoteAdded>(seen);
    ASSERT_NE(note, nullptr);
    EXPECT_TRUE(note->saw_before);
    EXPECT_FALSE(note->delivered);
}

TEST_F(Visibility, AnotherAgentsPersonalResponseIsNotDelivered) {
    const auto for_bill = step(gina, CreateCannedResponse{"Mine", "/m", "Only mine", true}, bill);
    ASSERT_EQ(for_bill.size(), 1u);
    EXPECT_FALSE(for_bill[0].delivered);
    const auto for_ada = step(gina, CreateCannedResponse{"Mine 2", "/m2", "Only mine", true}, ada);
    ASSERT_EQ(for_ada.size(), 1u);
    EXPECT_TRUE(for_ada[0].delivered);
}

}  // namespace
}  // namespace parley::core::testing
