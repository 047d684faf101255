// The agent's other workflows in the browser against the real server: an offered chat with its
// countdown, rejected with a reason and then accepted by hand; the customer's typing shown;
// a canned response picked with "/" and its placeholders filled; two chats open and switched
// with Alt+1 / Alt+2; the shortcuts overlay; a ticket and a supervisor request from the chat;
// the customer leaving and the chat closed as abandoned; All chats searched and a transcript
// opened from it, read from the archive once the retention has passed. Screens are saved as
// PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, click, customerMessages, item, openDesk, press, startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

async function bearer(agent, password) {
  const reply = await fetch(shared.server.url + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password, bearer: true }),
  });
  assert.equal(reply.status, 200);
  return (await reply.json()).token;
}

let commands = 0;
async function command(token, body) {
  const reply = await fetch(shared.server.url + "/api/commands", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ command_id: `workflows-${++commands}`, ...body }),
  });
  const answer = await reply.text();
  assert.equal(reply.status, 200, answer);
}

async function staffChat(token, chat) {
  const reply = await fetch(`${shared.server.url}/api/chats/${chat}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(reply.status, 200);
  return reply.json();
}

// A queue in offer mode whose only member is `agent`: its chats are offered to them.
async function offerQueue(admin, name, agent) {
  await command(admin, {
    type: "create_queue",
    config: { name, mode: "offer", reminder_delay: 900000, auto_close_delay: 1800000, offer_timeout: 120000,
              transfer_timeout: 120000, target_wait: 60000, accepts_transfers: true },
  });
  const reply = await fetch(shared.server.url + "/api/queues", { headers: { Authorization: `Bearer ${admin}` } });
  const queue = (await reply.json()).queues.find((q) => q.name === name);
  await command(admin, { type: "add_queue_member", queue: queue.id, agent });
}

async function pressWith(page, modifier, key) {
  await page.keyboard.down(modifier);
  await press(page, key);
  await page.keyboard.up(modifier);
}

test("an offer, the customer typing, canned responses, Alt+digit switching and the shortcuts", async () => {
  const admin = await bearer("admin", "admin-demo");
  await offerQueue(admin, "Offers", "ivan");
  const ivan = await openDesk(shared.browser, shared.server.url, "ivan", "ivan-demo");
  const { page } = ivan;

  const offered = await startCustomerChat(shared.server.url, {
    name: "Pavel Smirnov", email: "pavel@example.com", queue: "Offers", question: "Мой роутер не включается",
  });
  let view = await waitFor(page, (v) => v.queue.some((r) => r.customer === "Pavel Smirnov" && r.status === "offered"),
                           "the offer in Ivan's Queue");
  const key = view.queue.find((r) => r.customer === "Pavel Smirnov").key;
  assert.ok((await item(page, `accept/${key}`)).enabled);
  await shot(page, "80-offer-countdown");

  await click(page, `refuse/${key}`);
  await click(page, "dialog.text");
  await type(page, "On a call with another customer");
  await shot(page, "81-reject-offer-reason");
  await click(page, "dialog.confirm");
  view = await waitFor(page, (v) => v.queue.some((r) => r.key === key && r.status === "queued"),
                       "the rejected chat queued again");
  // Routing never offers it to Ivan again, but he may still take it by hand.
  await click(page, `accept/${key}`);
  await waitFor(page, (v) => v.chat?.key === key && v.chat.status === "active", "Ivan holds it");
  const held = await staffChat(admin, offered.chat);
  assert.ok(held.activity.some((a) => a.kind === "offer_rejected" && a.note === "On a call with another customer"));

  await command(offered.token, { type: "set_typing", chat: offered.chat, typing: true });
  await waitFor(page, (v) => v.chat.customer_typing, "the customer typing");
  await shot(page, "82-customer-typing");

  await click(page, "composer");
  await type(page, "/h");
  const canned = await item(page, "canned/hi");
  assert.match(canned.label, /Greeting/);
  await shot(page, "83-canned-responses");
  // Tab takes the first match, the keyboard's way; the text stays in the composer to edit.
  await press(page, "Tab");
  await waitFor(page, (v) => !v.items.some((i) => i.id === "canned/hi"), "the list closed");
  await press(page, "Enter");
  const greeting = "Hello Pavel Smirnov, I'm Ivan Petrov. How can I help you today?";
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === greeting),
                "the expanded greeting in the transcript");
  assert.ok((await customerMessages(shared.server.url, offered)).some((m) => m.text === greeting),
            "the customer receives the greeting with both names filled in");

  const second = await acceptCustomerChat(page, shared.server.url, {
    name: "Lucía Gómez", email: "lucia@example.com", queue: "General", question: "¿Cómo cambio mi contraseña?",
  });
  await pressWith(page, "Alt", "1");
  await waitFor(page, (v) => v.chat?.key === key, "Alt+1 shows the first chat");
  await pressWith(page, "Alt", "2");
  await waitFor(page, (v) => v.chat?.key === second.key, "Alt+2 shows the second chat");
  await shot(page, "84-two-chats-open");

  await click(page, "help");
  await item(page, "help.close");
  await shot(page, "85-shortcuts");
  await click(page, "help.close");
  await waitFor(page, (v) => !v.items.some((i) => i.id === "help.close"), "the overlay closed");
  assert.deepEqual(ivan.problems, []);
  await ivan.context.close();
});

test("a ticket, a supervisor request and an email from the chat, an abandoned chat, and All chats", async () => {
  const chen = await openDesk(shared.browser, shared.server.url, "chen", "chen-demo");
  const { page } = chen;
  const token = await bearer("chen", "chen-demo");
  const { customer, key } = await acceptCustomerChat(page, shared.server.url, {
    name: "Jonas Becker", email: "jonas@example.com", queue: "Billing", question: "Meine Rechnung ist doppelt",
  });

  await click(page, `action.create_ticket/${key}`);
  await click(page, "dialog.text");
  await type(page, "Invoice charged twice in March");
  await shot(page, "90-create-ticket");
  await click(page, "dialog.confirm");
  await click(page, `action.request_supervisor/${key}`);
  await click(page, "dialog.text");
  await type(page, "Refund above my limit");
  await click(page, "dialog.confirm");
  let chat = null;
  for (let tries = 0; tries < 100; ++tries) {
    chat = await staffChat(token, customer.chat);
    if (chat.ticket && chat.supervisor_requested) break;
    await page.waitForTimeout(100);
  }
  assert.ok(chat.ticket, "the ticket is linked to the chat");
  assert.equal(chat.supervisor_requested, true);
  await waitFor(page, (v) => v.chat.lines.some((l) => /asked for a supervisor: Refund above my limit/.test(l.text)),
                "the request in the transcript");

  // Continue by email: this server has no mail relay, so the chat records the email as failed.
  await click(page, `action.email_customer/${key}`);
  await click(page, "email.subject");
  await type(page, "Your refund for March");
  await click(page, "dialog.text");
  await type(page, "We have passed the double charge to a supervisor.");
  await shot(page, "93-email-customer");
  await click(page, "dialog.confirm");
  for (let tries = 0; tries < 100; ++tries) {
    chat = await staffChat(token, customer.chat);
    if (chat.emails?.[0]?.status === "failed") break;
    await page.waitForTimeout(100);
  }
  assert.equal(chat.emails[0].to, "jonas@example.com");
  assert.equal(chat.emails[0].subject, "Your refund for March");
  assert.equal(chat.emails[0].status, "failed");
  assert.match(chat.emails[0].detail, /No mail relay is configured/);
  await shot(page, "94-email-recorded");

  await command(customer.token, { type: "customer_cancel_chat", chat: customer.chat });
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text === "End user has cancelled chat."),
                "the customer's cancel in the transcript");
  await shot(page, "91-customer-cancelled");
  await click(page, `action.abandon/${key}`);
  await click(page, "dialog.text");
  await type(page, "Customer left before the refund");
  await click(page, "dialog.confirm");
  await waitFor(page, (v) => v.mine.length === 0, "the chat gone from My chats");
  chat = await staffChat(token, customer.chat);
  assert.equal(chat.status, "closed");
  assert.equal(chat.resolution.outcome, "abandoned");

  await click(page, "all_chats");
  await click(page, "all_chats.search");
  await type(page, "Jonas");
  await item(page, `all_chats.row/${key}`);
  await shot(page, "92-all-chats-search");
  await click(page, `all_chats.row/${key}`);
  const view = await waitFor(page, (v) => v.chat?.key === key, "the transcript opened from All chats");
  assert.equal(view.chat.status, "closed");
  assert.ok(view.chat.lines.some((l) => l.text === "Meine Rechnung ist doppelt" ||
                                        /abandoned|cancelled/.test(l.text)));
  assert.equal((await item(page, "composer")).enabled, false, "a closed chat's transcript is read-only");
  await shot(page, "93-closed-transcript");

  // The retention passes: the chat leaves the server's memory and Chen's replica, and the
  // console reads it from the archive instead, still read-only.
  const admin = await bearer("admin", "admin-demo");
  const settings = await (await fetch(shared.server.url + "/api/settings", {
    headers: { Authorization: `Bearer ${admin}` },
  })).json();
  await command(admin, { type: "update_settings", settings: { ...settings.settings, retention: 1 } });
  const archived = await waitFor(page, (v) => v.chat?.key === key && v.chat.status === "archived",
                                 "the transcript read from the archive");
  assert.ok(archived.chat.lines.some((l) => l.text === "Meine Rechnung ist doppelt" ||
                                            /abandoned|cancelled/.test(l.text)));
  assert.equal((await item(page, "composer")).enabled, false, "an archived chat takes nothing");
  assert.equal((await staffChat(token, customer.chat)).status, "archived");
  await shot(page, "95-archived-transcript");
  assert.deepEqual(chen.problems, []);
  await chen.context.close();
});
