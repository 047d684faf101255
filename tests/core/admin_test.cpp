// Rules for presence, capacity, staff accounts, queues and membership, canned responses and
// organisation settings.
#include "core/roles.h"
#include "core_fixture.h"

namespace parley::core::testing {
namespace {

class Admin : public CoreTest {
protected:
    void SetUp() override {
        admin = add_agent("root", {}, 3, Role::admin);
        boss = add_agent("boss", {}, 3, Role::supervisor);
        maria = add_agent("maria", {});
    }
    Actor admin;
    Actor boss;
    Actor maria;
};

TEST_F(Admin, AgentsSetTheirOwnPresenceSupervisorsAnyones) {
    ok(maria, SetPresence{"maria", Presence::away});
    EXPECT_EQ(state.find_agent("maria")->presence, Presence::away);
    refused(maria, SetPresence{"boss", Presence::away}, codes::kNotAuthorized);
    ok(boss, SetPresence{"maria", Presence::offline});
    refused(boss, SetPresence{"nobody", Presence::online}, codes::kUnknownAgent);
    ok(admin, SetAgentEnabled{"maria", false});
    refused(admin, SetPresence{"maria", Presence::online}, codes::kAgentDisabled);
}

TEST_F(Admin, EachRoleActsWithItsOwnRightsAndThoseBelow) {
    for (const Role role : {Role::agent, Role::supervisor, Role::admin}) {
        EXPECT_TRUE(acts_with_role(state, admin, role));
    }
    EXPECT_TRUE(acts_with_role(state, boss, Role::supervisor));
    EXPECT_FALSE(acts_with_role(state, boss, Role::admin));
    EXPECT_TRUE(acts_with_role(state, maria, Role::agent));
    EXPECT_FALSE(acts_with_role(state, maria, Role::supervisor));
    EXPECT_FALSE(acts_with_role(state, Actor::customer("maria"), Role::agent))
        << "a customer who shares an id with staff is no staff";
    EXPECT_FALSE(acts_with_role(state, Actor::agent("nobody"), Role::agent));
    ok(admin, SetAgentEnabled{"boss", false});
    EXPECT_FALSE(acts_with_role(state, boss, Role::agent)) << "a disabled account has no rights";
}

TEST_F(Admin, SupervisorsSetCapacityWithinBounds) {
    refused(maria, SetCapacity{"maria", 9}, codes::kNotAuthorized);
    refused(boss, SetCapacity{"maria", -1}, codes::kInvalidArgument);
    refused(boss, SetCapacity{"maria", 101}, codes::kInvalidArgument);
    ok(boss, SetCapacity{"maria", 5});
    EXPECT_EQ(state.find_agent("maria")->capacity, 5);
}

TEST_F(Admin, AdminsCreateAndUpdateAccounts) {
    refused(boss, CreateAgent{"new", {"New", Role::agent, ""}, 3}, codes::kNotAuthorized);
    refused(admin, CreateAgent{"", {"New", Role::agent, ""}, 3}, codes::kMissingArgument);
    refused(admin, CreateAgent{"maria", {"M", Role::agent, ""}, 3}, codes::kAgentExists);
    refused(admin, CreateAgent{"new", {"", Role::agent, ""}, 3}, codes::kMissingArgument);
    ok(admin, CreateAgent{"new", {"New", Role::agent, "Acme"}, 2});
    EXPECT_EQ(state.find_agent("new")->presence, Presence::offline);
    ok(admin, UpdateAgent{"new", {"Newer", Role::supervisor, "Acme"}});
    EXPECT_EQ(state.find_agent("new")->profile.role, Role::supervisor);
    refused(admin, UpdateAgent{"ghost", {"G", Role::agent, ""}}, codes::kUnknownAgent);
}

TEST_F(Admin, AnAccountHoldingChatsCannotBeDisabled) {
    const QueueId q = add_queue("Support");
    ok(admin, AddQueueMember{q, "maria"});
    held_chat(maria, q, "anna");
    refused(admin, SetAgentEnabled{"maria", false}, codes::kAgentHasChats);
    refused(maria, SetAgentEnabled{"boss", false}, codes::kNotAuthorized);
    ok(admin, SetAgentEnabled{"boss", false});
    EXPECT_EQ(state.find_agent("boss")->presence, Presence::offline);
    refused(boss, SetCapacity{"maria", 1}, codes::kNotAuthorized);
}

TEST_F(Admin, QueuesHaveUniqueNamesAndPositiveTimers) {
    QueueConfig config;
    config.name = "Support";
    refused(maria, CreateQueue{config}, codes::kNotAuthorized);
    ok(admin, CreateQueue{config});
    refused(admin, CreateQueue{config}, codes::kQueueNameTaken);
    config.name = "";
    refused(admin, CreateQueue{config}, codes::kMissingArgument);
    config.name = "Other";
    config.offer_timeout = 0;
    refused(admin, CreateQueue{config}, codes::kInvalidArgument);
    QueueConfig update = state.find_queue(2)->config;
    update.reminder_delay = 5 * kMinute;
    ok(admin, UpdateQueue{2, update});
    EXPECT_EQ(state.find_queue(2)->config.reminder_delay, 5 * kMinute);
    refused(admin, UpdateQueue{9, update}, codes::kUnknownQueue);
}

TEST_F(Admin, TheGeneralQueueCannotBeDisabled) {
    refused(admin, SetQueueEnabled{kGeneralQueueId, false}, codes::kGeneralQueue);
    const QueueId q = add_queue("Old");
    ok(admin, SetQueueEnabled{q, false});
    EXPECT_FALSE(state.find_queue(q)->enabled);
}

TEST_F(Admin, MembershipIsKeptOnBothSides) {
    const QueueId q = add_queue("Support");
    refused(maria, AddQueueMember{q, "maria"}, codes::kNotAuthorized);
    ok(boss, AddQueueMember{q, "maria"});
    EXPECT_TRUE(state.find_queue(q)->members.contains("maria"));
    EXPECT_TRUE(state.find_agent("maria")->queues.contains(q));
    refused(boss, AddQueueMember{q, "maria"}, codes::kAlreadyMember);
    ok(boss, RemoveQueueMember{q, "maria"});
    EXPECT_FALSE(state.find_agent("maria")->queues.contains(q));
    refused(boss, RemoveQueueMember{q, "maria"}, codes::kNotQueueMember);
}

TEST_F(Admin, CannedResponsesPersonalOrShared) {
    ok(maria, CreateCannedResponse{"Hi", "/hi", "Hello {customer_name}!", true});
    refused(maria, CreateCannedResponse{"Bye", "/bye", "Bye", false}, codes::kNotAuthorized);
    refused(maria, CreateCannedResponse{"", "/x", "x", true}, codes::kMissingArgument);
    ok(boss, CreateCannedResponse{"Bye", "/bye", "Goodbye", false});
    EXPECT_EQ(state.canned_responses.at(1).owner, std::optional<AgentId>("maria"));
    EXPECT_FALSE(state.canned_responses.at(2).owner.has_value());
    refused(maria, UpdateCannedResponse{2, "Bye", "/bye", "Ciao"}, codes::kNotAuthorized);
    refused(boss, UpdateCannedResponse{1, "Hi", "/hi", "Yo"}, codes::kNotAuthorized);
    ok(maria, UpdateCannedResponse{1, "Hi", "/hi", "Hey {customer_name}"});
    EXPECT_EQ(state.canned_responses.at(1).text, "Hey {customer_name}");
    ok(admin, DeleteCannedResponse{1});
    refused(maria, DeleteCannedResponse{1}, codes::kUnknownCannedResponse);
}

TEST_F(Admin, SettingsAreForAdmins) {
    Settings settings = state.settings;
    settings.company_filter = true;
    refused(boss, UpdateSettings{settings}, codes::kNotAuthorized);
    settings.retention = 0;
    refused(admin, UpdateSettings{settings}, codes::kInvalidArgument);
    settings.retention = kDay;
    ok(admin, UpdateSettings{settings});
    EXPECT_TRUE(state.settings.company_filter);
}

}  // namespace
}  // namespace parley::core::testing
