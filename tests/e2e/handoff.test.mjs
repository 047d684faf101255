// Bot hand-off: an integration (an admin's API key) starts a chat with the bot's transcript,
// the detected intent and the customer's attributes; the agent who accepts it sees all of that
// beside the conversation, and the customer token the integration got back writes in the chat.
import assert from "node:assert/strict";
import { test } from "node:test";
import { click, customerWrites, openDesk, waitFor } from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

async function json(reply) {
  const text = await reply.text();
  return { status: reply.status, body: text ? JSON.parse(text) : null };
}

async function apiKeyFromAdmin(serverUrl) {
  const session = await json(await fetch(serverUrl + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent: "admin", password: "admin-demo", bearer: true }),
  }));
  assert.equal(session.status, 200);
  const created = await json(await fetch(serverUrl + "/api/admin/api-keys", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${session.body.token}` },
    body: JSON.stringify({ name: "Telegram gateway" }),
  }));
  assert.equal(created.status, 201, JSON.stringify(created.body));
  return created.body.key;
}

test("an integration hands a chat over with the bot's context; the agent who accepts sees it", async () => {
  const key = await apiKeyFromAdmin(shared.server.url);
  const { context, page, problems } = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");

  const handoff = {
    customer: { name: "Olga Smirnova", contact: "@olga_s", company: "Acme", external_id: "tg-4242" },
    channel: "telegram",
    queue: "General",
    question: "Бот не помог, роутер всё ещё не работает",
    bot_transcript: [
      { speaker: "customer", text: "router broken" },
      { speaker: "bot", text: "Did you restart it?" },
      { speaker: "customer", text: "yes, twice" },
    ],
    intent: "router_issue",
    context: { plan: "pro" },
    external_ids: { crm: "C-7" },
  };
  const started = await json(await fetch(shared.server.url + "/api/chats", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${key}` },
    body: JSON.stringify(handoff),
  }));
  assert.equal(started.status, 201, JSON.stringify(started.body));

  await click(page, "tab.Queue");
  const queued = await waitFor(page, (v) => v.queue.some((r) => r.customer === "Olga Smirnova"), "Olga in the Queue");
  const chatKey = queued.queue.find((r) => r.customer === "Olga Smirnova").key;
  await click(page, `accept/${chatKey}`);
  const open = await waitFor(page, (v) => v.chat?.key === chatKey && v.chat.status === "active" && v.chat.bot,
                             "Olga's chat open with the bot's context");
  assert.equal(open.chat.bot.intent, "router_issue");
  assert.deepEqual(open.chat.bot.attributes, {
    plan: "pro", "external_id": "tg-4242", "external_id.crm": "C-7",
  });
  assert.deepEqual(open.chat.bot.transcript, handoff.bot_transcript.map(({ speaker, text }) => ({ speaker, text })));
  assert.ok(open.chat.lines.some((line) => line.text === handoff.question), "the question opens the conversation");

  // The token the integration relays to its own client writes as the customer.
  await customerWrites(shared.server.url, started.body, "Модель AX-3000");
  await waitFor(page, (v) => v.chat?.lines.some((line) => line.kind === "customer" && line.text === "Модель AX-3000"),
                "the customer's next message");
  await settledScreenshot(page, "handoff-bot-context");
  assert.deepEqual(problems, []);
  await context.close();
});
