// The ticket parts of the chat panel through a headless ImGui against the miniature server: the
// customer's contact details, assets and tickets shown; a ticket the service desk resolves shows
// resolved as the event arrives; Link ticket sends exactly the ticket chosen, once the core
// agrees.
#include "console/chat_key.h"
#include "console_fixture.h"

#include <gtest/gtest.h>

namespace parley::console::testing {
namespace {

class TicketsConsoleTest : public ConsoleTest {
protected:
    void SetUp() override {
        ConsoleTest::SetUp();
        billing = add_queue("Billing");
        maria = add_agent("maria", {billing}, 3);
    }

    // An earlier chat of `customer` that Maria escalated to a ticket and closed.
    void escalated_chat(const std::string& customer, const std::string& summary) {
        const core::ChatId chat = held_chat(maria, billing, customer);
        ok(maria,
           core::CreateTicket{chat, core::TicketKind::incident, summary, core::Priority::high});
        ok(maria, core::CloseChat{chat, "Escalated", "", false});
    }

    std::string label(const std::string& id) const {
        const AutomationItem* found = item(id);
        return found ? found->label : std::string("(no item " + id + ")");
    }

    core::QueueId billing = 0;
    core::Actor maria;
};

TEST_F(TicketsConsoleTest, AssetsAndATicketResolvedOutsideShowInTheChatPanel) {
    sign_in("maria");
    const core::ChatId chat = held_chat(maria, billing, "ann");
    ok(core::Actor::integration("crm"),
       core::SetCustomerProfile{
           "ann", {"+1 555 0100", "ann@example.com", "Acme", {{"Router", "device", "SN-1"}}}});
    ok(maria,
       core::CreateTicket{chat, core::TicketKind::incident, "Router down", core::Priority::high});
    frames(2);
    open_held(chat);
    const std::string key = chat_key(chat);
    EXPECT_EQ(label("customer.asset.0/" + key), "Router · device · SN-1");
    EXPECT_EQ(label("chat.ticket/" + key), "incident, open, high: Router down");

    ok(core::Actor::integration("desk"),
       core::SetTicketStatus{1, core::TicketStatus::resolved, "SD-9"});
    frames(2);
    EXPECT_EQ(label("chat.ticket/" + key), "incident, resolved, high: Router down");
    EXPECT_EQ(label("customer.ticket.1"), "#1 incident, high: Router down [resolved]");
}

TEST_F(TicketsConsoleTest, LinkTicketSendsTheChosenOpenTicket) {
    sign_in("maria");
    escalated_chat("ann", "Router down");
    const core::ChatId again = held_chat(maria, billing, "ann");
    frames(2);
    open_held(again);
    click("action.link_ticket/" + chat_key(again));
    ASSERT_NE(item("link_ticket.ticket/1"), nullptr);
    ASSERT_NE(item("dialog.confirm"), nullptr);
    EXPECT_FALSE(item("dialog.confirm")->enabled) << "no ticket chosen yet";
    click("link_ticket.ticket/1");
    EXPECT_TRUE(item("dialog.confirm")->enabled);
    click("dialog.confirm");
    frames(2);
    EXPECT_EQ(chat(again).ticket, std::optional<core::TicketId>(1));
    EXPECT_FALSE(item("action.link_ticket/" + chat_key(again))->enabled);
}

TEST_F(TicketsConsoleTest, TheLinkDialogListsOnlyTicketsTheCoreWouldLink) {
    sign_in("maria");
    escalated_chat("ann", "Router down");
    ok(core::Actor::integration("desk"),
       core::SetTicketStatus{1, core::TicketStatus::resolved, "SD-9"});
    escalated_chat("ann", "Invoice wrong");
    const core::ChatId again = held_chat(maria, billing, "ann");
    frames(2);
    open_held(again);
    click("action.link_ticket/" + chat_key(again));
    EXPECT_EQ(item("link_ticket.ticket/1"), nullptr) << "resolved: the core would refuse it";
    EXPECT_NE(item("link_ticket.ticket/2"), nullptr);
}

}  // namespace
}  // namespace parley::console::testing
