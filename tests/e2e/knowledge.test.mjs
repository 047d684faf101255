// The knowledge base in the browser against the real server with the demo knowledge base: a
// customer asks about a refund, Maria accepts, the Resources tab suggests the refunds article,
// one click puts its text into the composer and Send delivers it to the customer; a later
// customer message in Russian brings the Russian article into the suggestions. The outage
// banner shows the demo's current outage. The admin's Knowledge screen lists every article,
// drafts included. Each screen is saved.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, click, customerMessages, customerWrites, openDesk, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

test("an agent inserts a suggested article into the composer and sends it", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const { page } = maria;
  const { customer } = await acceptCustomerChat(page, shared.server.url, {
    name: "Anna Kovacs", email: "anna@example.com", queue: "Billing",
    question: "Hello, I was charged twice last month and would like my money back",
  });
  await waitFor(page, (v) => v.items.some((i) => i.id.startsWith("outage.banner/")),
                "the outage banner");

  await click(page, "side.resources");
  const suggested = await waitFor(page, (v) => v.resources?.suggestions?.[0]?.title === "How refunds work",
                                  "the refunds article suggested first");
  assert.ok(suggested.resources.outages.some((o) => o.service === "Card payments" && o.current));
  const refunds = suggested.resources.suggestions[0];
  await click(page, `resources.suggestion/${refunds.id}`);
  const previewed = await waitFor(page, (v) => v.resources.preview?.id === refunds.id, "the preview");
  const body = previewed.resources.preview.body;
  await settledScreenshot(page, "knowledge-01-suggestions");

  await click(page, "resources.insert_text");
  await waitFor(page, (v) => v.resources.draft === body, "the article's text in the composer");
  await settledScreenshot(page, "knowledge-02-inserted");
  await click(page, "send");
  const deadline = Date.now() + 10000;
  let received = [];
  while (!received.some((m) => m.text === body) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    received = await customerMessages(shared.server.url, customer);
  }
  const sent = received.find((m) => m.text === body);
  assert.ok(sent, "the customer received the article's text");
  assert.equal(sent.author.kind, "agent");
  await waitFor(page, (v) => v.resources.draft === "", "the composer empty after sending");
  await click(page, "resources.insert_link");
  await waitFor(page, (v) => v.resources.draft === `How refunds work: ${refunds.link}`,
                "the article's link in the composer");

  await customerWrites(shared.server.url, customer, "И ещё: как поменять тариф?");
  const russian = await waitFor(page, (v) => v.resources.suggestions.some((a) => a.title === "Смена тарифа"),
                                "the Russian article suggested after the customer's new message");
  const tariff = russian.resources.suggestions.find((a) => a.title === "Смена тарифа");
  await click(page, `resources.suggestion/${tariff.id}`);
  await waitFor(page, (v) => v.resources.preview?.id === tariff.id, "the Russian article's preview");
  await settledScreenshot(page, "knowledge-03-russian");
  assert.deepEqual(maria.problems, []);
  await maria.context.close();
});

test("the admin's Knowledge screen lists drafts and opens an article", async () => {
  const admin = await openDesk(shared.browser, shared.server.url, "admin", "admin-demo");
  const { page } = admin;
  await click(page, "nav.admin");
  await click(page, "admin.tab.knowledge");
  const listed = await waitFor(page, (v) => v.items.some((i) => i.label === "New billing portal (draft)"),
                               "the draft in the list");
  const refunds = listed.items.find((i) => i.label === "How refunds work");
  await click(page, refunds.id);
  await waitFor(page, (v) => v.items.some((i) => i.id === "admin.article.save"), "the article form");
  await settledScreenshot(page, "knowledge-04-admin");
  await click(page, "admin.tab.outages");
  await waitFor(page, (v) => v.items.some((i) => i.label === "Some card payments are declined"),
                "the demo outage in the list");
  await admin.context.close();
});
