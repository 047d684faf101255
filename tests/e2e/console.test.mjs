// The wasm console against the real server in chromium, driven through real mouse and key
// events at the rectangles its automation bridge publishes (see console_driver.mjs): sign in,
// a customer's chat appears in the Queue, the agent accepts it, replies, the customer answers,
// the agent closes it with a resolution; a refused action carries the core's reason; signing
// out returns to the sign-in card. Every main screen is saved as a PNG.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  click, customerChat, customerMessages, customerUploads, customerWrites, hover, item, openConsole, press,
  signIn, startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

test("without a session the console asks to sign in; a wrong password says why", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, problems } = await openConsole(context, shared.server.url);
  const view = await waitFor(page, (v) => v.screen === "sign_in");
  assert.equal(view.sign_in_reason, "", "a first visit is not an expiry");
  assert.equal(await page.evaluate(() => document.body.dataset.connection), "sign_in");
  await shot(page, "01-sign-in");

  await click(page, "sign_in.agent");
  await type(page, "maria");
  await click(page, "sign_in.password");
  await type(page, "not-her-password");
  await press(page, "Enter");
  const refused = await item(page, "sign_in.problem");
  assert.match(refused.label, /./, "the server's sentence is shown");
  await shot(page, "02-sign-in-refused");
  // The browser logs the refused sign-in's 401 itself; nothing else may go wrong.
  assert.deepEqual(problems.filter((p) => !/status of 401/.test(p)), []);
  await context.close();
});

test("an agent accepts a customer's chat, answers it and closes it with a resolution", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, problems } = await openConsole(context, shared.server.url);
  let view = await signIn(page, "maria", "maria-demo");
  assert.equal(view.agent, "Maria Garcia");
  assert.match(await page.title(), /Connected/);

  // Maria starts offline; the core refuses "Accept next" until there is something to accept.
  await click(page, "presence");
  await click(page, "presence.online");
  view = await waitFor(page, (v) => v.presence === "online", "Maria online");
  const acceptNext = await item(page, "accept_next");
  assert.equal(acceptNext.enabled, false);
  assert.match(acceptNext.reason, /No chat is waiting/);
  await hover(page, "accept_next");
  await shot(page, "03-desk-empty-with-reason");

  const customer = await startCustomerChat(shared.server.url, {
    name: "Ann Lee", email: "ann@example.com", queue: "Billing", question: "Where is my invoice?",
  });
  view = await waitFor(page, (v) => v.queue.some((r) => r.customer === "Ann Lee" && r.preview),
                       "Ann's question in the Queue");
  const row = view.queue.find((r) => r.customer === "Ann Lee");
  assert.equal(row.preview, "Where is my invoice?");
  assert.equal(row.unread, 1);
  assert.ok(await page.evaluate(() => window.parley.notices >= 1), "the new chat was announced");
  await shot(page, "04-queue");

  await click(page, `accept/${row.key}`);
  view = await waitFor(page, (v) => v.mine.length === 1 && v.chat && v.chat.status === "active",
                       "the chat in My chats");
  assert.equal(view.load, 1);
  await page.waitForTimeout(300);
  await type(page, "Hello Ann, let me look at your invoice.");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent"), "the reply in the transcript");
  // Cyrillic arrives as inserted text without a keypress, as IME and mobile keyboards send
  // it: the hidden text field carries it to the composer; the ASCII in between comes by GLFW.
  await type(page, "Привет, Ann! Ελληνικά, café");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text.startsWith("Привет")),
                "the Cyrillic reply");
  const received = await customerMessages(shared.server.url, customer);
  assert.ok(received.some((m) => m.text === "Hello Ann, let me look at your invoice."),
            "the customer receives the reply");
  assert.ok(received.some((m) => m.text === "Привет, Ann! Ελληνικά, café"),
            "non-Latin text arrives once, in order");

  const file = await customerUploads(shared.server.url, customer, "invoice-2024-118.txt", "Invoice 2024-118\n");
  await customerWrites(shared.server.url, customer, "Thank you! It is invoice 2024-118.", [file]);
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text.includes("2024-118")), "the customer's answer");
  const download = page.waitForEvent("download");
  await click(page, "attachment/invoice-2024-118.txt");
  assert.equal((await download).suggestedFilename(), "invoice-2024-118.txt");

  // An internal note: never reaches the customer, drawn on its own band.
  await click(page, "composer.note_mode");
  await click(page, "composer");
  await type(page, "Invoice was sent to an old address.");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "note"), "the note");
  await click(page, "composer.message_mode");
  await shot(page, "05-conversation");
  const customerSees = await customerMessages(shared.server.url, customer);
  assert.ok(!customerSees.some((m) => m.text.includes("old address")), "notes stay internal");

  await click(page, `action.close/${row.key}`);
  await click(page, "close.category/Problem solved");
  await click(page, "dialog.text");
  await type(page, "Resent the invoice.");
  await shot(page, "06-close-dialog");
  await click(page, "dialog.confirm");
  view = await waitFor(page, (v) => v.mine.length === 0, "My chats empty");
  const closed = await customerChat(shared.server.url, customer);
  assert.equal(closed.status, "closed");
  await shot(page, "07-after-close");

  await click(page, "sign_out");
  view = await waitFor(page, (v) => v.screen === "sign_in", "the sign-in card");
  assert.equal(view.sign_in_reason, "You have signed out.");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the server serves wasm as application/wasm and answers /healthz", async () => {
  const wasm = await fetch(shared.server.url + "/parley.wasm");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  const health = await fetch(shared.server.url + "/healthz");
  assert.equal(health.status, 200);
  assert.equal((await health.json()).status, "ok");
});
