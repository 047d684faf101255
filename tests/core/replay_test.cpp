// Replaying one chat's events: after every event, the chat (and its ticket) equal what the
// whole log's fold held at that moment, while other chats' events and tickets interleave; and
// input that is not one chat's history in order is a ReplayError, never a crash.
#include "core/replay.h"

#include "core/visibility.h"
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Replay : public CoreTest {
protected:
    // The chat's events, and the chat as the fold of the whole log held it after each one.
    struct Recorded {
        std::vector<EventEnvelope> events;
        std::vector<ReplayedChat> after;
    };

    Recorded recorded(const ChatId& id) const {
        Recorded out;
        State fold;
        for (const EventEnvelope& event : log) {
            const bool ours = chat_of(fold, event.event) == id;
            parley::core::apply(fold, event);
            if (!ours) {
                continue;
            }
            out.events.push_back(event);
            if (std::holds_alternative<ChatArchived>(event.event)) {
                ReplayedChat last = out.after.back();
                last.chat.status = ChatStatus::archived;
                last.chat.archived_at = event.at;
                out.after.push_back(std::move(last));
                continue;
            }
            const Chat& now_chat = *fold.find_chat(id);
            std::optional<Ticket> ticket;
            if (now_chat.ticket) {
                ticket = *fold.find_ticket(*now_chat.ticket);
            }
            out.after.push_back(ReplayedChat{now_chat, ticket});
        }
        return out;
    }

    // start, a customer message, accept, answer, note, ticket, transfer, accept, close, CSAT;
    // another customer's chat and ticket in between.
    ChatId full_life() {
        const QueueId q = add_queue("Support");
        const Actor maria = add_agent("maria", {q});
        const Actor ivan = add_agent("ivan", {q});
        const ChatId id = start_chat("anna", q);
        const ChatId other = held_chat(ivan, q, "bob");
        ok(ivan, CreateTicket{other, TicketKind::incident, "Outage", Priority::high});
        ok(Actor::customer("anna"), PostCustomerMessage{id, "My invoice is wrong", {}});
        advance(kSecond);
        ok(maria, AcceptChat{id});
        advance(kSecond);
        ok(maria, PostAgentMessage{id, "Let me look", {}});
        ok(maria, AddNote{id, "Second time this month"});
        ok(maria, CreateTicket{id, TicketKind::support_case, "Invoice", Priority::normal});
        ok(ivan, PostAgentMessage{other, "Back soon", {}});
        advance(kMinute);
        ok(maria, TransferToAgent{id, "ivan", "Billing expert"});
        ok(ivan, AcceptTransfer{id});
        ok(ivan, PostAgentMessage{id, "Fixed", {}});
        ok(ivan, CloseChat{id, "Billing", "Credited", true});
        ok(Actor::customer("anna"), SubmitCsat{id, 5, "Quick"});
        return id;
    }
};

TEST_F(Replay, AfterEveryEventTheChatIsWhatTheLogHeldThen) {
    const ChatId id = full_life();
    const Recorded history = recorded(id);
    ASSERT_GE(history.events.size(), 10u);
    ChatReplay replay(state, id);
    EXPECT_EQ(replay.chat(), nullptr);
    for (std::size_t i = 0; i < history.events.size(); ++i) {
        const auto fault = replay.step(history.events[i]);
        ASSERT_FALSE(fault) << *fault;
        EXPECT_EQ(replay.replayed(), history.after[i]) << "after event " << i;
        const auto prefix = replay_chat(state, id, std::span(history.events).first(i + 1));
        ASSERT_TRUE(std::holds_alternative<ReplayedChat>(prefix));
        EXPECT_EQ(std::get<ReplayedChat>(prefix), history.after[i]) << "after event " << i;
    }
    EXPECT_EQ(replay.steps(), history.events.size());
}

TEST_F(Replay, AnEventAtFaultChangesNothing) {
    const ChatId id = full_life();
    const Recorded history = recorded(id);
    ChatReplay replay(state, id);
    ASSERT_FALSE(replay.step(history.events[0]));
    const ReplayedChat before = replay.replayed();
    EXPECT_TRUE(replay.step(history.events[0]));
    EXPECT_TRUE(replay.step(recorded(chat_id(2)).events.back()));
    EXPECT_EQ(replay.steps(), 1u);
    EXPECT_EQ(replay.replayed(), before);
}

TEST_F(Replay, TheLastStepIsTheLiveChat) {
    const ChatId id = full_life();
    const auto replayed = replay_chat(state, id, recorded(id).events);
    ASSERT_TRUE(std::holds_alternative<ReplayedChat>(replayed));
    const ReplayedChat& last = std::get<ReplayedChat>(replayed);
    EXPECT_EQ(last.chat, chat(id));
    ASSERT_TRUE(last.ticket);
    EXPECT_EQ(last.ticket->status, TicketStatus::resolved);
    EXPECT_EQ(last.chat.status, ChatStatus::closed);
    EXPECT_EQ(last.chat.csat->score, 5);
}

TEST_F(Replay, AnArchivedChatIsReplayedFromItsOwnHistory) {
    const ChatId id = full_life();
    Chat expected = chat(id);
    advance(state.settings.retention);
    tick();
    ASSERT_EQ(state.find_chat(id), nullptr);
    expected.status = ChatStatus::archived;
    expected.archived_at = now;
    const auto replayed = replay_chat(state, id, recorded(id).events);
    ASSERT_TRUE(std::holds_alternative<ReplayedChat>(replayed));
    EXPECT_EQ(std::get<ReplayedChat>(replayed).chat, expected);
}

TEST_F(Replay, BeforeTheAcceptTheChatWaitsWithNobody) {
    const ChatId id = full_life();
    const Recorded history = recorded(id);
    std::size_t accept = 0;
    while (!std::holds_alternative<ChatAssigned>(history.events[accept].event)) {
        ++accept;
    }
    const auto before = replay_chat(state, id, std::span(history.events).first(accept));
    ASSERT_TRUE(std::holds_alternative<ReplayedChat>(before));
    EXPECT_EQ(std::get<ReplayedChat>(before).chat.status, ChatStatus::queued);
    EXPECT_FALSE(std::get<ReplayedChat>(before).chat.assignee);
}

TEST_F(Replay, InputThatIsNotOneChatsHistoryIsAnError) {
    const ChatId id = full_life();
    const std::vector<EventEnvelope> events = recorded(id).events;
    const auto error_of = [&](std::vector<EventEnvelope> input) {
        const auto replayed = replay_chat(state, id, input);
        EXPECT_TRUE(std::holds_alternative<ReplayError>(replayed));
        return std::holds_alternative<ReplayError>(replayed) ? std::get<ReplayError>(replayed)
                                                             : ReplayError{};
    };

    EXPECT_EQ(error_of({}).event, 0u);
    EXPECT_EQ(error_of({events.begin() + 1, events.end()}).event, 0u);

    std::vector<EventEnvelope> swapped = events;
    std::swap(swapped[2], swapped.back());
    EXPECT_EQ(error_of(swapped).event, 3u);

    std::vector<EventEnvelope> foreign = events;
    foreign.insert(foreign.begin() + 1, recorded(chat_id(2)).events.back());
    EXPECT_EQ(error_of(foreign).event, 1u);

    std::vector<EventEnvelope> restarted = events;
    restarted.push_back(events.front());
    EXPECT_EQ(error_of(restarted).event, events.size());

    std::vector<EventEnvelope> no_chat = events;
    no_chat.insert(no_chat.begin() + 2, log.front());
    EXPECT_FALSE(error_of(no_chat).message.empty());
}

}  // namespace
}  // namespace parley::core::testing
