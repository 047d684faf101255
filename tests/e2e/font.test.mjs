// The console's text font is a subset of DejaVu Sans (Latin, Greek, Cyrillic, punctuation:
// src/console/font_ranges.txt) packed as parley.data; the full font beside it is fetched only
// by a page whose text holds a character the subset lacks, and those characters are then
// drawn from it. The network log shows which page fetched what; the screenshot shows the glyphs.
import assert from "node:assert/strict";
import { test } from "node:test";
import { acceptCustomerChat, customerWrites, frames, openDesk, waitFor } from "./console_driver.mjs";
import { serverAndBrowser, screenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const FULL_FONT = "/fallback-font.ttf";

// The page's network log since it was opened (the browser's resource timing entries).
const fetched = (page) => page.evaluate(() =>
  performance.getEntriesByType("resource").map((entry) => new URL(entry.name).pathname));
const fallbackGlyphs = (page) => page.evaluate(() => Number(document.body.dataset.fallbackGlyphs ?? 0));
const desk = () => openDesk(shared.browser, shared.server.url, "maria", "maria-demo");

test("Latin, Greek and Cyrillic text is drawn from the subset; the full font is not fetched", async () => {
  const { context, page, problems } = await desk();
  const { customer } = await acceptCustomerChat(page, shared.server.url, {
    name: "Ольга Петрова", email: "olga@example.com", queue: "General",
    question: "Здравствуйте! Ελληνικά, café, Łódź — 300 ₽ …",
  });
  await customerWrites(shared.server.url, customer, "Спасибо, всё понятно.");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text === "Спасибо, всё понятно."), "the Russian reply");
  await frames(page);
  const log = await fetched(page);
  assert.ok(log.includes("/parley.data"), "the subset came with the console");
  assert.ok(!log.includes(FULL_FONT), "the full font stays on the server");
  assert.equal(await page.evaluate(() => document.body.dataset.fallbackFont), undefined);
  console.log(`screenshot: ${await screenshot(page, "font-01-subset-only")}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a customer's Georgian, Armenian and symbols fetch the full font once and are drawn", async () => {
  const { context, page, problems } = await desk();
  assert.ok(!(await fetched(page)).includes(FULL_FONT), "no full font before the text needs it");

  const { customer } = await acceptCustomerChat(page, shared.server.url, {
    name: "Nino Beridze", email: "nino@example.com", queue: "General", question: "Hello, a question.",
  });
  // Seven Georgian letters, seven Armenian ones and three symbols: seventeen the subset lacks.
  const text = "გამარჯობა! Բարեւ ձեզ ★ ✓ ☺";
  await customerWrites(shared.server.url, customer, text);
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text === text), "the message in the transcript");
  await page.waitForFunction(() => Number(document.body.dataset.fallbackGlyphs ?? 0) >= 17, null,
                             { polling: "raf", timeout: 20000 });
  assert.equal(await page.evaluate(() => document.body.dataset.fallbackFont), "arrived");
  await frames(page);
  console.log(`screenshot: ${await screenshot(page, "font-02-fallback-glyphs")}`);

  // Another new character merges into the atlas again, from the font already here.
  await customerWrites(shared.server.url, customer, "♥ ♦");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text === "♥ ♦"), "the hearts in the transcript");
  await page.waitForFunction(() => Number(document.body.dataset.fallbackGlyphs ?? 0) >= 19, null,
                             { polling: "raf", timeout: 20000 });
  assert.equal(await fallbackGlyphs(page), 19);
  assert.equal((await fetched(page)).filter((p) => p === FULL_FONT).length, 1, "fetched once");
  assert.deepEqual(problems, []);
  await context.close();
});
