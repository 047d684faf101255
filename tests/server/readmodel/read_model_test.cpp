// The read model against the core. A simulated week of chats (the server's own engine, on a
// Stage) is projected into a real SQLite file: its analytics equal core::analytics over the
// State for whole days, part days and every grouping; its pages list the chats
// core::search_chats finds, to each reader only what core::may_see_chat lets them see; and its
// text search folds Russian and English as the knowledge search does.
#include <gtest/gtest.h>

#include <future>
#include <set>

#include "core/analytics.h"
#include "core/queries.h"
#include "core/visibility.h"
#include "server/readmodel/analytics_figures.h"
#include "server/readmodel/chat_search.h"
#include "server/readmodel/read_model.h"
#include "sim/script/stage.h"
#include "store/store_test_support.h"

namespace parley::server::readmodel {
namespace {

using store_test::TempDir;

constexpr core::Timestamp kMonday = 1772409600000;  // 2026-03-02T00:00:00Z
constexpr core::Duration kDay = 24 * core::kHour;

// Hands every event the Stage applies to the read model, as the server's start-up catch-up
// hands the log's events.
class Feed : public sim::StageWatcher {
public:
    explicit Feed(Authority::Follower follow) : follow_(std::move(follow)) {}
    void after_event(const core::State& state, const core::EventEnvelope& event) override {
        follow_(++seq_, event, state);
    }
    std::uint64_t seq() const { return seq_; }

private:
    Authority::Follower follow_;
    std::uint64_t seq_ = 0;
};

struct Customer {
    std::string name;
    std::string question;
};

const std::vector<Customer>& customers() {
    static const std::vector<Customer> all = {
        {"Alice Archer", "My printer is on fire"},
        {"Пётр Петров", "Ёлка не включается после обновления"},
        {"Bruno Baker", "Invoice question about March"},
        {"Анна Смирнова", "Не приходит счёт на почту"},
        {"Carla Cruz", "Password reset link expired"},
        {"Dmitri Dorn", "Printer jam again"},
    };
    return all;
}

class ReadModelTest : public ::testing::Test {
protected:
    ReadModelTest() : stage_(7, kMonday) {
        // The week stays live, so the core's State holds every chat to compare with (archiving
        // is tested over the server: rest/archive_test.cpp, readmodel/rebuild_test.cpp).
        core::Settings settings = stage_.state().settings;
        settings.retention = 30 * kDay;
        submit(core::Actor::system(), core::UpdateSettings{settings});
        for (const char* agent : {"maria", "ivan", "chen"}) {
            submit(core::Actor::agent(agent), core::SetPresence{agent, core::Presence::online});
        }
        model_ = std::make_unique<ReadModel>(dir_ / "readmodel.db");
        feed_ = std::make_unique<Feed>(model_->catchup().replayed);
        stage_.watch(*feed_);
    }

    ~ReadModelTest() override { stage_.unwatch(*feed_); }

    sim::StageAnswer submit(const core::Actor& actor, core::Command command) {
        return stage_.submit("cmd-" + std::to_string(++commands_), actor, std::move(command));
    }

    void at(core::Timestamp when) { stage_.advance_to(when); }

    // Six days, twelve chats a day: answered and rated, left by the customer, held open, or
    // moved to another queue and closed there.
    void play_week() {
        for (int day = 0; day < 6; ++day) {
            for (int i = 0; i < 12; ++i) {
                core::Timestamp t =
                    kMonday + day * kDay + i * 97 * core::kMinute + day * 13 * core::kMinute;
                at(t);
                const Customer& who = customers()[static_cast<std::size_t>(i + day) % 6];
                const std::string id = "cus_" + std::to_string(day) + "_" + std::to_string(i);
                const auto started =
                    submit(core::Actor::customer(id),
                           core::StartChat{{id, who.name, id + "@example.com", ""},
                                           i % 5 == 4 ? core::Channel::email : core::Channel::web,
                                           static_cast<core::QueueId>(i % 3 + 1),
                                           who.question,
                                           {},
                                           {}});
                ASSERT_TRUE(started.started)
                    << (started.rejection ? started.rejection->message : "");
                play_chat(*started.started, id, i, t);
            }
        }
        at(kMonday + 6 * kDay + core::kHour);
    }

    void play_chat(const core::ChatId& chat, const std::string& customer, int i,
                   core::Timestamp t) {
        const core::Actor holder = core::Actor::agent(i % 3 == 1 ? "chen" : "maria");
        const core::Actor who = core::Actor::customer(customer);
        switch (i % 4) {
        case 0:
        case 2:
            at(t + (i + 1) * core::kMinute);
            submit(holder, core::AcceptChat{chat});
            at(t + (i + 2) * core::kMinute);
            submit(holder, core::PostAgentMessage{chat, "Let me look at that for you", {}});
            at(t + (i + 4) * core::kMinute);
            submit(who, core::PostCustomerMessage{chat, "Thanks, спасибо", {}});
            if (i % 4 == 2) {
                submit(holder, core::TransferToQueue{chat, 1, "for the next shift"});
                break;
            }
            at(t + (i + 9) * core::kMinute);
            submit(holder, core::CloseChat{chat, "Answered", "", false});
            submit(who, core::SubmitCsat{chat, 1 + i % 5, ""});
            break;
        case 1:
            at(t + 3 * core::kMinute);
            submit(who, core::CustomerCancelChat{chat});
            break;
        default:
            break;
        }
    }

    // Writes what the feed holds and waits until it is on disk.
    void project() {
        model_->caught_up(stage_.state());
        model_->settle();
        ASSERT_EQ(model_->projected(), feed_->seq());
    }

    template <class Answer>
    Answer read(std::function<Answer(sqlite::Connection&, const core::State&)> ask) {
        std::promise<Answer> answer;
        model_->read_through(feed_->seq(), [&](sqlite::Connection& db, const core::State& dir) {
            answer.set_value(ask(db, dir));
        });
        return answer.get_future().get();
    }

    // Every chat id a reader pages through, `limit` at a time.
    std::vector<core::ChatId> listed(const core::Actor& reader, const core::ChatFilter& filter,
                                     std::size_t limit = 7) {
        std::vector<core::ChatId> ids;
        ChatQuery query{filter, limit, std::nullopt};
        for (int pages = 0; pages < 200; ++pages) {
            const auto page =
                read<protocol::rest::ChatPage>([&](sqlite::Connection& db, const core::State& dir) {
                    return std::get<protocol::rest::ChatPage>(chat_page(db, dir, reader, query));
                });
            for (const auto& row : page.chats) {
                ids.push_back(row.id);
            }
            if (!page.next_cursor) {
                break;
            }
            query.cursor = page.next_cursor;
        }
        return ids;
    }

    std::vector<core::ChatId> expected(const core::Actor& reader, const core::ChatFilter& filter) {
        std::vector<core::ChatId> ids;
        for (const core::ChatId& id : core::search_chats(stage_.state(), filter)) {
            if (core::may_see_chat(stage_.state(), reader, *stage_.state().find_chat(id))) {
                ids.push_back(id);
            }
        }
        return ids;
    }

    TempDir dir_;
    sim::Stage stage_;
    std::unique_ptr<ReadModel> model_;
    std::unique_ptr<Feed> feed_;
    int commands_ = 0;
};

TEST_F(ReadModelTest, AnalyticsEqualTheCoresForWholeAndPartDays) {
    play_week();
    project();
    const std::vector<std::pair<core::Timestamp, core::Timestamp>> ranges = {
        {kMonday, kMonday + 6 * kDay},
        {kMonday + 5 * core::kHour, kMonday + 3 * kDay + 7 * core::kHour},
        {kMonday + kDay + core::kHour, kMonday + kDay + 20 * core::kHour},
        {kMonday - 2 * kDay, kMonday + 10 * kDay},
        {kMonday + 2 * kDay, kMonday + 2 * kDay + 1},
    };
    for (const auto& [from, to] : ranges) {
        for (const core::GroupBy by : {core::GroupBy::queue, core::GroupBy::agent,
                                       core::GroupBy::channel, core::GroupBy::day}) {
            const auto rows = read<std::vector<core::AnalyticsRow>>(
                [&](sqlite::Connection& db, const core::State& dir) {
                    return analytics(db, dir, by, from, to);
                });
            EXPECT_EQ(rows, core::analytics(stage_.state(), by, from, to))
                << "by " << static_cast<int>(by) << " from " << from << " to " << to;
        }
    }
    const auto week =
        core::analytics(stage_.state(), core::GroupBy::day, kMonday, kMonday + 6 * kDay);
    ASSERT_EQ(week.size(), 6u) << "a row per day";
    EXPECT_GT(core::total_of(week).csat_count, 0u);
    EXPECT_GT(core::total_of(week).abandoned, 0u);
}

TEST_F(ReadModelTest, PagesListWhatTheCoreFindsAndEachReaderMaySee) {
    play_week();
    project();
    const std::vector<core::Actor> readers = {core::Actor::agent("sofia"),
                                              core::Actor::agent("maria"),
                                              core::Actor::agent("ivan"),
                                              {core::ActorKind::integration, "key_crm"}};
    std::vector<core::ChatFilter> filters(9);
    filters[1].status = core::ChatStatus::closed;
    filters[2].queue = 2;
    filters[3].channel = core::Channel::email;
    filters[4].from = kMonday + kDay;
    filters[4].to = kMonday + 3 * kDay;
    filters[5].operator_name = "garcia";
    filters[6].content = "printer";
    filters[7].customer = "bruno";
    filters[8].content = "Invoice";
    filters[8].status = core::ChatStatus::queued;
    for (const core::Actor& reader : readers) {
        for (std::size_t i = 0; i < filters.size(); ++i) {
            const auto want = expected(reader, filters[i]);
            EXPECT_EQ(listed(reader, filters[i]), want) << reader.id << ", filter " << i;
            if (i == 0) {
                EXPECT_FALSE(want.empty()) << reader.id << " sees no chat at all";
            }
        }
    }
    EXPECT_LT(listed(core::Actor::agent("ivan"), {}).size(),
              listed(core::Actor::agent("sofia"), {}).size())
        << "an agent sees less than a supervisor";
}

TEST_F(ReadModelTest, SearchFoldsRussianAndEnglishAsTheKnowledgeBaseDoes) {
    play_week();
    project();
    const core::Actor sofia = core::Actor::agent("sofia");
    const auto count = [&](std::string content, std::string customer) {
        core::ChatFilter filter;
        filter.content = std::move(content);
        filter.customer = std::move(customer);
        return listed(sofia, filter, 200).size();
    };
    const std::size_t fir_tree = count("Ёлка", "");
    EXPECT_EQ(fir_tree, 12u) << "every chat of Пётр Петров asks about the ёлка";
    EXPECT_EQ(count("ЕЛКА", ""), fir_tree) << "ё folds into е, upper into lower case";
    EXPECT_EQ(count("елк", ""), fir_tree) << "a word being typed matches as a prefix";
    EXPECT_EQ(count("не включается", ""), fir_tree) << "every word must be there";
    EXPECT_EQ(count("СЧЁТ", ""), 12u);
    EXPECT_EQ(count("", "петров"), fir_tree);
    EXPECT_EQ(count("елка", "петров"), fir_tree);
    EXPECT_EQ(count("елка", "смирнова"), 0u);
    EXPECT_EQ(count("PRINTER", ""), 24u);
    EXPECT_EQ(count("спасибо", ""), listed(sofia, {}, 200).size() / 2)
        << "the customers who thanked, in both alphabets";
    EXPECT_EQ(count("", "cus_1_3@example"), 1u);
    EXPECT_EQ(count("!!!", ""), 0u) << "no word, no match (rather than everything)";
    EXPECT_EQ(count("\"", ""), 0u);
}

TEST_F(ReadModelTest, ACursorThatNamesNoChatIsTold) {
    play_week();
    project();
    const auto page = read<bool>([&](sqlite::Connection& db, const core::State& dir) {
        return std::holds_alternative<UnknownCursor>(
            chat_page(db, dir, core::Actor::agent("sofia"), ChatQuery{{}, 10, "cht_nothing_here"}));
    });
    EXPECT_TRUE(page);
}

}  // namespace
}  // namespace parley::server::readmodel
