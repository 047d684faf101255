// The supervisor's console against the real server: the floor follows a customer arriving and
// an agent accepting, an agent's call for help raises an alert, the supervisor joins the chat
// and reassigns it, and the analytics export matches the server's figures for the scenario.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import {
  assertExportMatchesApi, bearer, click, openDesk, startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

const billing = (view) => view.floor.queues.find((q) => q.name === "Billing");

test("a supervisor follows the floor, joins and reassigns a chat, and exports the figures", async () => {
  const url = shared.server.url;
  const sofia = await openDesk(shared.browser, url, "sofia", "sofia-demo");
  const maria = await openDesk(shared.browser, url, "maria", "maria-demo");
  const ivan = await openDesk(shared.browser, url, "ivan", "ivan-demo");

  await click(sofia.page, "nav.floor");
  let floor = await waitFor(sofia.page, (v) => v.workspace === "floor" && v.floor, "the floor");
  assert.equal(billing(floor).waiting, 0);
  assert.ok(billing(floor).online.some((o) => o.agent === "Maria Garcia"), JSON.stringify(billing(floor)));

  // A customer arrives: the floor shows her waiting without a reload.
  await startCustomerChat(url, { name: "Anna Keller", email: "anna@example.com", queue: "Billing",
                                 question: "I was charged twice for May" });
  floor = await waitFor(sofia.page, (v) => billing(v)?.waiting === 1, "Anna waiting on the floor");
  await settledScreenshot(sofia.page, "supervisor-01-floor-waiting");

  // Maria accepts: waiting goes down, active and her load go up.
  await click(maria.page, "tab.Queue");
  const queued = await waitFor(maria.page, (v) => v.queue.some((r) => r.customer === "Anna Keller"), "Anna in Maria's Queue");
  const key = queued.queue.find((r) => r.customer === "Anna Keller").key;
  await click(maria.page, `accept/${key}`);
  floor = await waitFor(sofia.page, (v) => billing(v)?.waiting === 0 && billing(v).active === 1,
                        "Anna active on the floor");
  assert.equal(floor.floor.agents.find((a) => a.id === "maria").load, 1);

  // Maria asks for help: an alert on the floor, which opens the chat.
  await waitFor(maria.page, (v) => v.chat?.key === key, "Anna's chat open for Maria");
  await click(maria.page, `action.request_supervisor/${key}`);
  await click(maria.page, "dialog.text");
  await type(maria.page, "Customer asks for a refund above my limit");
  await click(maria.page, "dialog.confirm");
  floor = await waitFor(sofia.page, (v) => v.floor?.alerts.some((a) => a.chat === key), "the request on the floor");
  assert.match(floor.floor.alerts.find((a) => a.chat === key).text, /Maria Garcia asked for a supervisor/);
  await settledScreenshot(sofia.page, "supervisor-02-floor-alert");

  await click(sofia.page, `floor.request/${key}`);
  await waitFor(sofia.page, (v) => v.workspace === "desk" && v.chat?.key === key, "Anna's chat open for Sofia");
  await click(sofia.page, `action.join/${key}`);
  await waitFor(maria.page, (v) => v.chat.lines.some((l) => /joined the chat as supervisor/.test(l.text)),
                "Maria sees Sofia join");
  await waitFor(sofia.page, (v) => !v.floor?.alerts?.length, "the request answered");

  // Sofia leaves a note and gives the chat to Ivan.
  await click(sofia.page, "composer.note_mode");
  await click(sofia.page, "composer");
  await type(sofia.page, "Refund approved up to 50 EUR");
  await waitFor(sofia.page, (v) => v.resources?.draft === "Refund approved up to 50 EUR", "the note typed");
  await click(sofia.page, "send");
  await waitFor(maria.page, (v) => v.chat.lines.some((l) => l.kind === "note" && /Refund approved/.test(l.text)),
                "the note in Maria's transcript");
  await click(sofia.page, `action.reassign/${key}`);
  await click(sofia.page, "reassign.agent/ivan");
  await settledScreenshot(sofia.page, "supervisor-03-reassign");
  await click(sofia.page, "dialog.confirm");
  await click(ivan.page, "tab.My chats");
  await waitFor(ivan.page, (v) => v.mine.some((r) => r.key === key), "Anna's chat with Ivan");
  await click(sofia.page, "nav.floor");
  floor = await waitFor(sofia.page, (v) => v.floor?.agents.find((a) => a.id === "ivan")?.load === 1,
                        "Ivan's load on the floor");
  assert.equal(floor.floor.agents.find((a) => a.id === "maria").load, 0);

  // A second customer gives up waiting; the figures per queue then hold two Billing chats.
  const bob = await startCustomerChat(url, { name: "Bob Stone", email: "bob@example.com", queue: "Billing",
                                             question: "Where is my invoice?" });
  const cancelled = await fetch(`${url}/api/commands`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${bob.token}` },
    body: JSON.stringify({ type: "customer_cancel_chat", command_id: "bob-cancels", chat: bob.chat }),
  });
  assert.equal(cancelled.status, 200, await cancelled.text());
  await click(sofia.page, "nav.analytics");
  await click(sofia.page, "analytics.by.queue");
  const shown = await waitFor(sofia.page, (v) => v.analytics?.by === "queue" &&
                              v.analytics.rows.some((r) => r.group === "Billing" && r.chats === 2),
                              "Billing's figures in the console");
  const row = shown.analytics.rows.find((r) => r.group === "Billing");
  assert.equal(row.abandoned, 1, "Bob cancelled before anyone took his chat");
  assert.equal(row.messages, 2, "Anna's and Bob's opening lines; notes are not messages");
  await settledScreenshot(sofia.page, "supervisor-04-analytics-by-queue");

  const [download] = await Promise.all([sofia.page.waitForEvent("download"), click(sofia.page, "analytics.export")]);
  // The export is the core's analytics as the server computes it: row for row the JSON answer.
  const token = await bearer(url, "sofia", "sofia-demo");
  const { csv, json } = await assertExportMatchesApi(url, token, shown.analytics.csv,
                                                     await readFile(await download.path(), "utf8"));
  const billingCsv = csv.find((r) => r.queue === "Billing");
  assert.equal(billingCsv.chats, "2");
  assert.equal(billingCsv.abandoned, "1");
  assert.equal(billingCsv.messages, "2");
  assert.deepEqual(shown.analytics.rows.map((r) => [r.group, r.chats]), json.rows.map((r) => [r.group, r.chats]));

  await click(sofia.page, "analytics.by.day");
  await waitFor(sofia.page, (v) => v.analytics?.by === "day" && v.analytics.rows.length === 1, "today's row");
  await settledScreenshot(sofia.page, "supervisor-05-analytics-by-day");

  for (const side of [sofia, maria, ivan]) {
    assert.deepEqual(side.problems, []);
    await side.context.close();
  }
});

test("an agent is offered no supervisor views and the server refuses their figures", async () => {
  const url = shared.server.url;
  const maria = await openDesk(shared.browser, url, "maria", "maria-demo");
  const view = await waitFor(maria.page, (v) => v.items.some((i) => i.id === "nav.desk"), "the nav");
  for (const id of ["nav.floor", "nav.analytics", "nav.history", "nav.admin"]) {
    assert.ok(!view.items.some((i) => i.id === id), `${id} is not offered to an agent`);
  }
  const token = await bearer(url, "maria", "maria-demo");
  const reply = await fetch(url + "/api/analytics?by=queue", { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(reply.status, 403);
  assert.equal((await reply.json()).code, "not_authorized");
  await maria.context.close();
});
