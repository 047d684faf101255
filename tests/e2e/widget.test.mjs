// The customer widget on the demo shop page against the real server, with an agent in the real
// console: the pre-chat form and its validation, the queue position, the agent joining, both
// sides' messages, typing and receipts up to "read", a file, a reload and a dropped connection
// mid-chat without a lost or doubled message, the close, the survey reaching the chat's record,
// the transcript (asked for by email on the form, and downloaded); End chat while queued;
// axe-core on every state; screenshots at desktop width and at 320 px.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import { click, openDesk, startCustomerChat, type, press, waitFor } from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";
import {
  checkAccessibility, conversation, openDemo, part, savedChat, send, waitForConversation,
} from "./widget_driver.mjs";

const shared = serverAndBrowser();
const NARROW = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

// Screenshots at desktop width and at 320 px; axe-core checks the narrow layout.
async function bothWidths(page, name) {
  await settledScreenshot(page, `${name}-desktop`);
  await page.setViewportSize(NARROW);
  await settledScreenshot(page, `${name}-320`);
  await checkAccessibility(page, `${name} at 320 px`);
  await page.setViewportSize(DESKTOP);
}

async function supervisorReads(chat) {
  const session = await fetch(shared.server.url + "/api/session", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent: "sofia", password: "sofia-demo", bearer: true }),
  });
  const { token } = await session.json();
  const reply = await fetch(`${shared.server.url}/api/chats/${chat}`, { headers: { Authorization: `Bearer ${token}` } });
  assert.equal(reply.status, 200);
  return reply.json();
}

test("a customer in the widget and an agent in the console chat from the queue to the survey", async () => {
  const desk = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const agent = desk.page;
  // Someone is already waiting in Billing, so the widget's customer is second in line.
  await startCustomerChat(shared.server.url, { name: "Earlier Bird", email: "bird@example.com", queue: "Billing",
                                               question: "Is my order shipped?" });
  const { context, page, problems } = await openDemo(shared.browser, shared.server.url);
  await checkAccessibility(page, "the shop with the launcher");

  await part(page, ".pw-launcher").click();
  await part(page, ".pw-form .pw-primary").click();
  assert.equal(await part(page, "#pw-name-error").textContent(), "Please enter your name.");
  assert.match(await part(page, "#pw-email-error").textContent(), /e-mail address/);
  assert.equal(await part(page, "#pw-name").getAttribute("aria-invalid"), "true");
  await checkAccessibility(page, "the pre-chat form with its validation messages");
  await settledScreenshot(page, "widget-00-form-desktop");
  await part(page, "#pw-name").fill("Ann Lee");
  await part(page, "#pw-email").fill("ann@example.com");
  await part(page, "#pw-wants-transcript").check();
  await part(page, "#pw-question").fill("Where is my invoice for order 118?");
  await part(page, "#pw-question").press("Tab");
  await page.keyboard.press("Enter");
  await part(page, ".pw-conversation").waitFor();
  const { chat } = await savedChat(page);
  await part(page, ".pw-queue").getByText("You are number 2 of 2 in the queue.").waitFor();
  assert.match(await part(page, ".pw-queue").textContent(), /Estimated wait: about \d+ minutes?\./);
  await bothWidths(page, "widget-01-queued");

  // Maria takes the earlier chat first: the widget's customer moves up.
  let view = await waitFor(agent, (v) => v.queue.length === 2 && v.queue.every((r) => r.preview), "both in the Queue");
  const keyOf = (name) => view.queue.find((r) => r.customer === name).key;
  const annKey = keyOf("Ann Lee");
  await click(agent, `accept/${keyOf("Earlier Bird")}`);
  await part(page, ".pw-queue").getByText("You are next in the queue.").waitFor();

  await click(agent, `accept/${annKey}`);
  await waitFor(agent, (v) => v.chat?.key === annKey && v.chat.status === "active", "Ann's chat open");
  await waitForConversation(page, (lines) => lines.some((l) => l.text === "Maria Garcia joined the chat."),
                            "the agent joining");
  assert.equal(await part(page, ".pw-subtitle").textContent(), "Chatting with Maria Garcia");
  assert.equal(await part(page, ".pw-queue").isHidden(), true);

  // The agent writes; the widget shows the typing first and reads the message (panel open).
  await click(agent, "composer");
  await type(agent, "Hello Ann, I am looking at order 118");
  await part(page, ".pw-typing").getByText("Maria Garcia is typing…").waitFor();
  await press(agent, "Enter");
  await waitForConversation(page, (lines) => lines.some((l) => l.kind === "agent" && l.text.includes("order 118")),
                            "the agent's message");
  await waitFor(agent, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.state === "read"),
                "the agent's message read by the customer");
  assert.match(await part(page, ".pw-live").textContent(), /New message from Maria Garcia: Hello Ann/);

  // The customer types (the agent sees it), answers with Enter and sends a file.
  await part(page, "#pw-text").pressSequentially("Thanks", { delay: 10 });
  await waitFor(agent, (v) => v.chat.customer_typing, "the customer typing");
  await part(page, "#pw-text").press("Enter");
  await part(page, ".pw-file").setInputFiles({ name: "receipt-118.txt", mimeType: "text/plain",
                                              buffer: Buffer.from("Order 118, paid 2024-05-01\n") });
  await part(page, ".pw-chip").getByText("receipt-118.txt").waitFor();
  await send(page, "Here is my receipt.");
  await waitFor(agent, (v) => v.chat.lines.some((l) => l.text.includes("Here is my receipt")), "the file message");
  await waitForConversation(page, (lines) => lines.filter((l) => l.kind === "me").every((l) => l.state === "read"),
                            "the customer's messages read by the agent");
  const withFile = await conversation(page);
  assert.ok(withFile.some((l) => l.files.some((f) => f.startsWith("receipt-118.txt"))), "the file is listed");
  await bothWidths(page, "widget-02-conversation");

  // A reload while the agent writes: the chat continues, every message once.
  const before = (await conversation(page)).filter((l) => l.kind !== "notice");
  await page.goto("about:blank");
  await type(agent, "Your invoice is on its way.");
  await press(agent, "Enter");
  await page.goto(shared.server.url + "/demo.html");
  let lines = await waitForConversation(page, (ls) => ls.some((l) => l.text === "Your invoice is on its way."),
                                        "the message sent during the reload");
  const texts = lines.filter((l) => l.kind !== "notice").map((l) => l.text);
  assert.deepEqual(texts, [...before.map((l) => l.text), "Your invoice is on its way."], "nothing lost or doubled");
  assert.equal((await savedChat(page)).chat, chat, "the same chat after the reload");

  // A dropped connection: the widget says hello with its last sequence number and resumes.
  await page.evaluate(() => window.ParleyWidget.app.link.socket.close());
  await type(agent, "Anything else?");
  await press(agent, "Enter");
  lines = await waitForConversation(page, (ls) => ls.some((l) => l.text === "Anything else?"), "the message after the drop");
  assert.equal(lines.filter((l) => l.text === "Anything else?").length, 1);
  assert.equal(lines.filter((l) => l.text === "Your invoice is on its way.").length, 1);

  // The agent closes; the customer rates the chat and downloads the transcript.
  await click(agent, `action.close/${annKey}`);
  await click(agent, "close.category/Problem solved");
  await click(agent, "dialog.confirm");
  await waitForConversation(page, (ls) => ls.some((l) => l.text === "This chat has ended."), "the close");
  await part(page, ".pw-survey").waitFor();
  await bothWidths(page, "widget-03-survey");
  await part(page, ".pw-survey .pw-primary").click();
  assert.equal(await part(page, ".pw-survey .pw-problem").textContent(), "Please choose a rating from 1 to 5.");
  await part(page, "#pw-score-4").check();
  await part(page, "#pw-comment").fill("Quick and friendly.");
  await part(page, ".pw-survey .pw-primary").click();
  await part(page, ".pw-thanks").waitFor();
  const record = await supervisorReads(chat);
  assert.equal(record.csat.score, 4);
  assert.equal(record.csat.comment, "Quick and friendly.");
  // The opt-in on the form asked for the transcript; the chat's end queued it for the relay.
  assert.equal(record.transcript_to, "ann@example.com");
  assert.equal(record.emails[0].kind, "transcript");
  assert.equal(record.emails[0].to, "ann@example.com");

  const download = page.waitForEvent("download");
  await part(page, `.pw-header [aria-label="Download transcript"]`).click();
  const file = await download;
  assert.match(file.suggestedFilename(), /^chat-transcript-cht_.*\.txt$/);
  const transcript = await readFile(await file.path(), "utf8");
  assert.match(transcript, /Ann Lee: Where is my invoice for order 118\?/);
  assert.match(transcript, /Maria Garcia: Anything else\?/);
  await settledScreenshot(page, "widget-04-thanks-desktop");

  // Escape minimises the panel and gives the focus back to the launcher.
  await part(page, ".pw-ended .pw-secondary").focus();
  await page.keyboard.press("Escape");
  assert.equal(await part(page, ".pw-panel").isHidden(), true);
  assert.equal(await page.evaluate(() => document.querySelector(".parley-widget-host").shadowRoot.activeElement?.className),
               "pw-launcher");
  assert.deepEqual(problems, []);
  assert.deepEqual(desk.problems, []);
  await context.close();
  await desk.context.close();
});

test("keyboard only: a chat started and ended while waiting is closed as cancelled by the customer", async () => {
  const { context, page, problems } = await openDemo(shared.browser, shared.server.url, NARROW);
  const focused = () => page.evaluate(() => {
    const inner = document.querySelector(".parley-widget-host")?.shadowRoot?.activeElement;
    return inner ? inner.id || inner.className : document.activeElement?.textContent;
  });
  for (let i = 0; i < 10 && (await focused()) !== "pw-launcher"; i++) await page.keyboard.press("Tab");
  assert.equal(await focused(), "pw-launcher", "the launcher is reached with Tab after the page's links");
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "pw-name", "opening the panel puts the focus on the first field");
  await page.keyboard.type("Пётр Иванов");
  await page.keyboard.press("Tab");
  await page.keyboard.type("petr@example.com");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "pw-wants-transcript", "the transcript opt-in follows the e-mail");
  await page.keyboard.press("Space");
  assert.equal(await part(page, "#pw-wants-transcript").isChecked(), true);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Can I change my delivery address?");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await part(page, ".pw-queue").getByText(/in the queue/).waitFor();
  assert.equal(await focused(), "pw-text", "the composer has the focus once the chat started");
  const { chat } = await savedChat(page);
  await settledScreenshot(page, "widget-05-queued-320");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await focused(), "pw-link", "End chat follows Send");
  await page.keyboard.press("Enter");
  assert.equal(await focused(), "pw-secondary", "the question offers to keep chatting first");
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await waitForConversation(page, (ls) => ls.some((l) => l.text === "You ended the chat before an agent joined."),
                            "the cancellation");
  assert.equal(await part(page, ".pw-composer").isHidden(), true);
  assert.equal(await part(page, ".pw-survey").isHidden(), true, "no survey for a chat no agent answered");
  const record = await supervisorReads(chat);
  assert.equal(record.status, "closed");
  assert.equal(record.resolution.outcome, "cancelled_by_customer");
  assert.equal(await focused(), "pw-secondary", "the focus moves to Start a new chat");
  await page.keyboard.press("Enter");
  await part(page, "#pw-name").waitFor();
  assert.equal(await focused(), "pw-name");
  assert.deepEqual(problems, []);
  await context.close();
});
