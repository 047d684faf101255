// Notices: a new chat in the agent's Queue chimes (window.parley.notices), flashes the tab
// title and, while the page is hidden and notifications are allowed, raises a system
// notification with the customer's first words; a customer message in a chat the agent is not
// looking at marks it unread. window.Notification and document.hidden are replaced before the
// page loads, so the test records what the console asks the browser for.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  click, customerWrites, openConsole, signIn, startCustomerChat, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

function recordNotifications() {
  window.recorded = { notifications: [], hidden: false };
  class RecordingNotification {
    constructor(title, options = {}) {
      window.recorded.notifications.push({ title, body: options.body });
    }
    static get permission() { return "granted"; }
    static requestPermission() { return Promise.resolve("granted"); }
  }
  window.Notification = RecordingNotification;
  Object.defineProperty(Document.prototype, "hidden", { configurable: true, get: () => window.recorded.hidden });
  Object.defineProperty(Document.prototype, "visibilityState", {
    configurable: true, get: () => (window.recorded.hidden ? "hidden" : "visible"),
  });
}

// Waits until `predicate(argument)` holds in the page.
async function until(page, predicate, what, argument = null) {
  const deadline = Date.now() + 10000;
  while (Date.now() < deadline) {
    if (await page.evaluate(predicate, argument)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function acceptFromQueue(page, customer) {
  await click(page, "tab.Queue");
  const view = await waitFor(page, (v) => v.queue.some((r) => r.customer === customer), `${customer} waiting`);
  const key = view.queue.find((r) => r.customer === customer).key;
  await click(page, `accept/${key}`);
  await waitFor(page, (v) => v.chat?.key === key, `${customer}'s chat open`);
  return key;
}

test("a new chat chimes, flashes the title and notifies while hidden; a new message marks unread", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(recordNotifications);
  const { page, problems } = await openConsole(context, shared.server.url);
  await signIn(page, "maria", "maria-demo");
  await click(page, "presence");
  await click(page, "presence.online");
  await waitFor(page, (v) => v.presence === "online", "Maria online");
  const before = await page.evaluate(() => window.parley.notices || 0);

  await page.evaluate(() => { window.recorded.hidden = true; });
  const question = "My card was charged twice for order 7731";
  const ines = await startCustomerChat(shared.server.url, {
    name: "Ines Duarte", email: "ines@example.com", queue: "Billing", question,
  });
  await until(page, (n) => window.parley.notices > n, "the chime", before);
  await until(page, () => window.recorded.notifications.length > 0, "a notification");
  const notifications = await page.evaluate(() => window.recorded.notifications);
  assert.deepEqual(notifications, [{ title: "New chat: Ines Duarte", body: question }],
                   "one notification, with the customer's first words");
  await until(page, () => document.title.startsWith("● New chat: Ines Duarte"), "the flashing title");
  assert.equal(await page.evaluate(() => window.parley.notices), before + 1, "one chime per new chat");

  // Back on the page: the title stops flashing and no notification is raised while visible.
  await page.evaluate(() => { window.recorded.hidden = false; });
  await until(page, () => document.title.startsWith("Parley — "), "the title back to normal");
  await startCustomerChat(shared.server.url, {
    name: "Jon Berg", email: "jon@example.com", queue: "Billing", question: "Invoice address is wrong",
  });
  await until(page, (n) => window.parley.notices > n, "the second chime", before + 1);
  assert.equal(await page.evaluate(() => window.recorded.notifications.length), 1,
               "no system notification while the page is visible");

  // Two chats held; the customer of the one not shown writes: it is marked unread.
  const inesKey = await acceptFromQueue(page, "Ines Duarte");
  await acceptFromQueue(page, "Jon Berg");
  await customerWrites(shared.server.url, ines, "Any news?");
  const view = await waitFor(page, (v) => v.mine.some((r) => r.key === inesKey && r.unread === 1),
                             "Ines's chat unread in My chats");
  assert.equal(view.chat.customer, "Jon Berg", "the agent is looking at the other chat");
  await click(page, "tab.My chats");
  await shot(page, "60-unread-badge");
  assert.deepEqual(problems, []);
  await context.close();
});
