// Property test: thousands of seeded random command sequences, checking DESIGN.md's
// invariants after every event (check_state / check_event), that no message is lost or
// reordered, that a repeated command id is a duplicate, and that replaying the log gives
// the live state. PARLEY_PROPERTY_SEQUENCES sets how many sequences run (default 10,000);
// Emscripten's getenv does not see node's environment, so the long run is a native one.
// Uses its own splitmix64 so native and wasm draw the same numbers.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/apply.h"
#include "core/decide.h"
#include "core/invariants.h"

namespace parley::core::testing {
namespace {

constexpr int kDefaultSequences = 10'000;
constexpr int kStepsPerSequence = 30;

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    // Uniform enough in [0, n) for test choices.
    std::size_t below(std::uint64_t n) { return static_cast<std::size_t>(next() % n); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T>
    const T& pick(const std::vector<T>& items) {
        return items[below(items.size())];
    }

private:
    std::uint64_t state_;
};

// Which event kinds the sequences produced, to show the generator reaches every rule.
std::set<std::size_t>& seen_events() {
    static std::set<std::size_t> seen;
    return seen;
}

const std::vector<AgentId> kAgents = {"a1", "a2", "a3", "a4", "sup"};
const std::vector<CustomerId> kCustomers = {"c1", "c2", "c3", "c4"};
const std::vector<std::string> kCompanies = {"Acme", "Globex"};

class Sequence {
public:
    explicit Sequence(std::uint64_t seed) : rng_(seed) {}

    void run() {
        set_up();
        for (int step = 0; step < kStepsPerSequence && !::testing::Test::HasFailure(); ++step) {
            advance_time();
            const auto [actor, command] = random_command();
            execute(actor, command);
        }
        State replayed;
        parley::core::apply(replayed, log_);
        EXPECT_TRUE(replayed == state_) << "replay differs from live state";
    }

private:
    void set_up() {
        Settings settings;
        settings.company_filter = rng_.chance(50);
        settings.retention = 2 * kHour;
        execute(Actor::system(), UpdateSettings{settings});
        for (int q = 0; q < 3; ++q) {
            QueueConfig config;
            config.name = "q" + std::to_string(q);
            config.mode = static_cast<RoutingMode>(rng_.below(3));
            config.accepts_transfers = rng_.chance(75);
            execute(Actor::system(), CreateQueue{config});
        }
        for (const AgentId& id : kAgents) {
            const Role role = id == "sup" ? Role::supervisor : Role::agent;
            const int capacity = 1 + static_cast<int>(rng_.below(3));
            execute(Actor::system(), CreateAgent{id, {id, role, rng_.pick(kCompanies)}, capacity});
            for (QueueId q = 1; q <= 4; ++q) {
                if (rng_.chance(50))
                    execute(Actor::system(), AddQueueMember{q, id});
            }
            if (rng_.chance(80))
                execute(Actor::agent(id), SetPresence{id, Presence::online});
        }
        for (int i = 0; i < 3; ++i) {
            const CustomerId who = rng_.pick(kCustomers);
            execute(Actor::customer(who),
                    StartChat{Customer{who, who, who + "@example.com", rng_.pick(kCompanies)},
                              Channel::web,
                              1 + rng_.below(4),
                              "hi",
                              {},
                              new_chat_id()});
        }
    }

    void advance_time() {
        const std::size_t roll = rng_.below(100);
        if (roll < 50)
            return;
        if (roll < 80)
            now_ += static_cast<Duration>(rng_.below(60)) * kSecond;
        else if (roll < 97)
            now_ += static_cast<Duration>(rng_.below(20)) * kMinute;
        else
            now_ += static_cast<Duration>(rng_.below(3)) * kHour;
    }

    static ChatId chat_number(std::size_t n) { return "chat-" + std::to_string(n); }
    // Numbered past every chat started so far, archived ones included (they leave the State).
    ChatId new_chat_id() const { return chat_number(started_ + 1); }

    // Sometimes a chat that does not exist yet, or no longer does.
    ChatId random_chat() {
        if (started_ == 0 || rng_.chance(3))
            return new_chat_id();
        return chat_number(1 + rng_.below(started_));
    }

    // Mostly someone with a stake in the chat, sometimes anyone.
    Actor staff_for(ChatId id) {
        const Chat* chat = state_.find_chat(id);
        if (chat && rng_.chance(70)) {
            if (chat->assignee)
                return Actor::agent(*chat->assignee);
            if (chat->offer)
                return Actor::agent(chat->offer->agent);
            if (chat->pending_transfer)
                return Actor::agent(chat->pending_transfer->to);
        }
        return Actor::agent(rng_.pick(kAgents));
    }

    Actor customer_for(ChatId id) {
        const Chat* chat = state_.find_chat(id);
        if (chat && rng_.chance(85))
            return Actor::customer(chat->customer);
        return Actor::customer(rng_.pick(kCustomers));
    }

    std::pair<Actor, Command> random_command() {
        const ChatId chat = random_chat();
        const AgentId other = rng_.pick(kAgents);
        const QueueId queue = 1 + rng_.below(5);
        const std::string text = rng_.chance(95) ? "text" : "";
        switch (rng_.below(51)) {
        case 0:
        case 1:
        case 2:
        case 41: {
            const CustomerId who = rng_.pick(kCustomers);
            const Customer customer{who, who, who + "@example.com", rng_.pick(kCompanies)};
            return {Actor::customer(who),
                    StartChat{customer, Channel::web, queue, text, std::nullopt, new_chat_id()}};
        }
        case 3:
        case 4:
            return {customer_for(chat), PostCustomerMessage{chat, text, {}}};
        case 5:
        case 6:
            return {staff_for(chat), PostAgentMessage{chat, text, {}}};
        case 7:
            return {Actor::system(), PostSystemMessage{chat, "notice"}};
        case 8:
            return {customer_for(chat), SetTyping{chat, rng_.chance(50)}};
        case 9: {
            const MessageId up_to = 1 + rng_.below(state_.next_message_id + 1);
            if (rng_.chance(50))
                return {customer_for(chat), MarkRead{chat, up_to}};
            return {staff_for(chat), MarkDelivered{chat, up_to}};
        }
        case 10:
            return {staff_for(chat), AddNote{chat, text}};
        case 11:
        case 12:
            return {staff_for(chat), AcceptChat{chat}};
        case 13:
            return {Actor::agent(other), AcceptNextChat{}};
        case 14:
            return {staff_for(chat), RejectOffer{chat, "busy"}};
        case 15:
            return {staff_for(chat), TransferToAgent{chat, other, "note"}};
        case 16:
            return {staff_for(chat), AcceptTransfer{chat}};
        case 17:
            return {staff_for(chat), DeclineTransfer{chat, "no"}};
        case 18:
            return {staff_for(chat), TransferToQueue{chat, queue, ""}};
        case 19:
            return {staff_for(chat), ReleaseChat{chat}};
        case 20:
            return {staff_for(chat), CloseChat{chat, "done", "", rng_.chance(50)}};
        case 21:
            return {staff_for(chat), MarkSolved{chat, "", ""}};
        case 22:
            return {staff_for(chat), AbandonChat{chat, ""}};
        case 23:
            return {staff_for(chat), CancelChat{chat, ""}};
        case 24:
            return {customer_for(chat), CustomerCancelChat{chat}};
        case 25:
            return {customer_for(chat), SubmitCsat{chat, 1 + static_cast<int>(rng_.below(6)), ""}};
        case 26:
            return {staff_for(chat),
                    CreateTicket{chat, TicketKind::incident, "summary", Priority::normal}};
        case 27:
            return {Actor::agent("sup"), ReassignChat{chat, other}};
        case 28:
            return {Actor::agent("sup"), ForceCloseChat{chat, ""}};
        case 29:
            return {Actor::agent("sup"), JoinChat{chat}};
        case 30: {
            const Presence presence = static_cast<Presence>(rng_.below(3));
            return {Actor::agent(other), SetPresence{other, presence}};
        }
        case 31:
            return {Actor::system(), SetCapacity{other, static_cast<int>(rng_.below(4))}};
        case 32:
            if (rng_.chance(50))
                return {Actor::system(), AddQueueMember{queue, other}};
            return {Actor::system(), RemoveQueueMember{queue, other}};
        case 33: {
            const Queue* known = state_.find_queue(queue);
            QueueConfig config = known ? known->config : QueueConfig{};
            config.name = known ? config.name : "new";
            config.mode = static_cast<RoutingMode>(rng_.below(3));
            return {Actor::system(), UpdateQueue{queue, config}};
        }
        case 34:
            return {Actor::system(), SetAgentEnabled{other, rng_.chance(50)}};
        case 35:
            return {staff_for(chat), SetChatTags{chat, {"vip"}}};
        case 36:
            return {staff_for(chat), RequestSupervisor{chat, "help"}};
        case 37:
            return {Actor::system(),
                    UpdateAgent{other, {other, Role::agent, rng_.pick(kCompanies)}}};
        case 38:
            return {Actor::system(), SetQueueEnabled{queue, rng_.chance(70)}};
        case 39:
            return {Actor::agent(other), CreateCannedResponse{"t", "/t", "x", rng_.chance(50)}};
        case 40: {
            const CannedResponseId id = 1 + rng_.below(state_.next_canned_response_id);
            if (rng_.chance(50))
                return {Actor::agent(other), DeleteCannedResponse{id}};
            return {Actor::agent(other), UpdateCannedResponse{id, "t", "/t", "y"}};
        }
        case 42: {
            // Mostly the address on record; sometimes a stranger's, which is refused.
            const Actor who = customer_for(chat);
            const std::string address =
                rng_.chance(10) ? "stranger@example.net" : who.id + "@example.com";
            return {who, RequestTranscript{chat, rng_.chance(80) ? address : ""}};
        }
        case 43:
            return {staff_for(chat), EmailCustomer{chat, "subject", text}};
        case 44: {
            const Chat* known = state_.find_chat(chat);
            const std::uint64_t email = known ? 1 + rng_.below(known->emails.size() + 1) : 1;
            return {
                Actor::system(),
                RecordEmailDelivery{chat, email,
                                    rng_.chance(70) ? EmailStatus::sent : EmailStatus::failed, ""}};
        }
        case 45:
            return {staff_for(chat), LinkTicket{chat, 1 + rng_.below(state_.next_ticket_id())}};
        case 46:
            return {rng_.chance(50) ? Actor::integration("desk") : staff_for(chat),
                    SetTicketStatus{1 + rng_.below(state_.next_ticket_id()),
                                    static_cast<TicketStatus>(rng_.below(3)), "SD-1"}};
        case 47:
            return {Actor::integration("crm"),
                    SetCustomerProfile{rng_.pick(kCustomers),
                                       CustomerProfile{"1", "", "", {Asset{"a", "b", "c"}}}}};
        default:
            return {Actor::system(), Tick{}};
        }
    }

    void execute(const Actor& actor, const Command& command) {
        const CommandEnvelope envelope{"c" + std::to_string(++command_count_), actor, now_,
                                       command};
        const Decision decision = decide(state_, envelope);
        for (const EventEnvelope& event : decision.events) {
            ASSERT_EQ(event.command_id, command_key(envelope.actor, envelope.id));
            ASSERT_EQ(event.at, now_);
            for (const std::string& problem : check_event(state_, event)) {
                ADD_FAILURE() << problem << " in command " << envelope.id;
            }
            parley::core::apply(state_, event);
            log_.push_back(event);
            seen_events().insert(event.event.index());
            if (const auto* posted = std::get_if<MessagePosted>(&event.event)) {
                posted_[posted->chat].push_back(posted->message);
            }
            if (std::holds_alternative<ChatStarted>(event.event)) {
                ++started_;
            }
            if (const auto* archived = std::get_if<ChatArchived>(&event.event)) {
                ASSERT_EQ(state_.find_chat(archived->chat), nullptr);
                posted_.erase(archived->chat);
            }
        }
        if (decision.events.empty())
            return;
        for (const std::string& problem : check_state(state_)) {
            ADD_FAILURE() << problem << " after command " << envelope.id;
        }
        for (const auto& [chat, ids] : posted_) {
            const auto& messages = state_.find_chat(chat)->messages;
            ASSERT_EQ(messages.size(), ids.size()) << "messages lost in chat " << chat;
            for (std::size_t i = 0; i < ids.size(); ++i)
                ASSERT_EQ(messages[i].id, ids[i]);
        }
        const Decision again = decide(state_, envelope);
        EXPECT_TRUE(again.duplicate && again.events.empty());
    }

    SplitMix64 rng_;
    State state_;
    std::vector<EventEnvelope> log_;
    std::map<ChatId, std::vector<MessageId>> posted_;
    std::size_t started_ = 0;
    Timestamp now_ = 1'700'000'000'000;
    int command_count_ = 0;
};

int sequences() {
    const char* text = std::getenv("PARLEY_PROPERTY_SEQUENCES");
    if (!text)
        return kDefaultSequences;
    const int count = std::atoi(text);
    return count > 0 ? count : kDefaultSequences;
}

TEST(Property, InvariantsHoldOverRandomCommandSequences) {
    const int count = sequences();
    for (int seed = 1; seed <= count && !::testing::Test::HasFailure(); ++seed) {
        SCOPED_TRACE("seed " + std::to_string(seed));
        Sequence(static_cast<std::uint64_t>(seed)).run();
    }
    if (count >= 1000) {
        for (std::size_t kind = 0; kind < std::variant_size_v<Event::Variant>; ++kind) {
            EXPECT_TRUE(seen_events().contains(kind))
                << "event kind " << kind << " never occurred: the generator misses a rule";
        }
    }
}

}  // namespace
}  // namespace parley::core::testing
