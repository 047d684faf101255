// The Admin workspace in the browser against the real server with the demo organisation: the
// admin switches a queue to automatic routing and the next chat goes straight to the online
// agent; an agent's attempts at admin work are refused by the server; the admin creates an API
// key (its secret shown once) and a staff account who can then sign in. Each screen is saved.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  automation, click, createApiKey, createStaffAccount, openDesk, startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

async function bearer(agent, password) {
  const reply = await fetch(shared.server.url + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password, bearer: true }),
  });
  assert.equal(reply.status, 200, await reply.clone().text());
  return (await reply.json()).token;
}

async function api(token, method, path, body) {
  const reply = await fetch(shared.server.url + path, {
    method,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  return { status: reply.status, body: text ? JSON.parse(text) : null };
}

async function queueNamed(token, name) {
  const { body } = await api(token, "GET", "/api/queues");
  return body.queues.find((q) => q.name === name);
}

async function openAdmin() {
  const admin = await openDesk(shared.browser, shared.server.url, "admin", "admin-demo");
  await click(admin.page, "nav.admin");
  await waitFor(admin.page, (v) => v.items.some((i) => i.id === "admin.tab.queues"), "the Admin workspace");
  return admin;
}

test("a queue switched to auto routing assigns the next chat without a click", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const admin = await openAdmin();
  const token = await bearer("admin", "admin-demo");
  const billing = await queueNamed(token, "Billing");
  assert.equal(billing.mode, "pick");

  await click(admin.page, "admin.tab.queues");
  await click(admin.page, `admin.queue/${billing.id}`);
  await click(admin.page, "admin.queue.mode.auto");
  await settledScreenshot(admin.page, "admin-01-queues");
  await click(admin.page, "admin.queue.save");
  await waitFor(admin.page, (v) => v.items.some((i) => i.id === "admin.queue.save"), "the form still open");
  const deadline = Date.now() + 10000;
  while ((await queueNamed(token, "Billing")).mode !== "auto" && Date.now() < deadline) {
    await admin.page.waitForTimeout(100);
  }
  assert.equal((await queueNamed(token, "Billing")).mode, "auto");

  const customer = await startCustomerChat(shared.server.url, {
    name: "Nina Auto", email: "nina@example.com", queue: "Billing", question: "Is routing automatic now?",
  });
  const view = await waitFor(maria.page, (v) => v.mine.some((r) => r.customer === "Nina Auto"),
                             "Nina's chat in Maria's My chats without a click");
  assert.ok(!view.queue.some((r) => r.customer === "Nina Auto"), "never waited in the Queue list");
  const { body } = await api(await bearer("maria", "maria-demo"), "GET", `/api/chats/${customer.chat}`);
  assert.equal(body.assignee, "maria");
  await maria.context.close();
  await admin.context.close();
});

test("an agent's admin commands are refused by the server", async () => {
  const token = await bearer("maria", "maria-demo");
  const adminToken = await bearer("admin", "admin-demo");
  const technical = await queueNamed(adminToken, "Technical");

  const command = await api(token, "POST", "/api/commands", {
    type: "update_queue", command_id: "maria-tries-admin-1", queue: technical.id,
    config: {
      name: "Taken over", mode: "pick", reminder_delay: 900000, auto_close_delay: 1800000,
      offer_timeout: 30000, transfer_timeout: 120000, target_wait: 60000, accepts_transfers: false,
    },
  });
  assert.equal(command.status, 403, JSON.stringify(command.body));
  assert.equal(command.body.code, "not_authorized");
  const after = await queueNamed(adminToken, "Technical");
  assert.equal(after.name, "Technical");
  assert.equal(after.mode, technical.mode);

  assert.equal((await api(token, "GET", "/api/admin/api-keys")).status, 403);
  const create = await api(token, "POST", "/api/admin/agents",
                           { id: "mallory", name: "Mallory", password: "mallory-secret-1" });
  assert.equal(create.status, 403);
  const agents = (await api(adminToken, "GET", "/api/agents")).body.agents;
  assert.ok(!agents.some((a) => a.id === "mallory"));
});

test("the admin creates an account and an API key, and sees every screen", async () => {
  const admin = await openAdmin();
  const { page } = admin;

  const signedIn = await createStaffAccount(page, shared.server.url,
                                            { id: "lena", name: "Lena Novak", company: "Acme", password: "lena-secret-1" });
  assert.equal(signedIn, 200, "the new account signs in");
  await click(page, "admin.agent/maria");
  await settledScreenshot(page, "admin-02-agents");

  await click(page, "admin.tab.canned");
  await click(page, "admin.canned.new");
  await click(page, "admin.canned.title");
  await type(page, "Refund on its way");
  await click(page, "admin.canned.shortcut");
  await type(page, "refund");
  await click(page, "admin.canned.text");
  await type(page, "Your refund is on its way, {customer_name}.");
  await settledScreenshot(page, "admin-03-canned");
  await click(page, "admin.canned.save");
  await waitFor(page, (v) => v.items.some((i) => i.label === "Refund on its way"), "the new response");

  await click(page, "admin.tab.settings");
  await waitFor(page, (v) => v.items.some((i) => i.id === "admin.settings.save"), "the settings form");
  await settledScreenshot(page, "admin-04-settings");

  const secret = await createApiKey(page, "Telegram gateway");
  assert.match(secret, /^key_[0-9a-f]+\./);
  const session = await api(secret, "GET", "/api/session");
  assert.equal(session.status, 200, "the key works");
  assert.equal(session.body.actor.kind, "integration");
  await waitFor(page, (v) => v.items.some((i) => i.id.startsWith("admin.api_key.revoke/")), "the key listed");
  await settledScreenshot(page, "admin-05-api-keys");

  await click(page, "admin.api_key.dismiss");
  const later = await automation(page);
  assert.ok(!later.items.some((i) => i.id === "admin.api_key.secret"), "the secret is shown once");
  await admin.context.close();
});
