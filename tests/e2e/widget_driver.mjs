// Drives the customer widget on the demo shop page the way a customer does: clicks, typing and
// keys on the widget's own controls (Playwright's locators reach into its open shadow root).
// Reads come from what the widget shows; the chat id and token only from the page's storage,
// where the widget keeps them across reloads.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export async function openDemo(browser, serverUrl, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(serverUrl + "/demo.html");
  await page.locator(".pw-launcher").waitFor();
  return { context, page, problems };
}

export function part(page, selector) {
  return page.locator(`.parley-widget-host ${selector}`);
}

export async function savedChat(page) {
  const saved = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("parley-widget:"));
    return key ? JSON.parse(localStorage.getItem(key)) : null;
  });
  assert.ok(saved?.chat && saved?.token, "the widget keeps its chat in localStorage");
  return saved;
}

// What the conversation shows: messages ({who, text, state}) and notices, in order.
export async function conversation(page) {
  return part(page, ".pw-messages > li").evaluateAll((items) => items.map((li) => ({
    kind: li.classList.contains("pw-notice") ? "notice"
      : li.classList.contains("pw-from-me") ? "me" : li.classList.contains("pw-from-agent") ? "agent" : "other",
    text: li.classList.contains("pw-notice") ? li.textContent : li.querySelector(".pw-text")?.textContent ?? "",
    files: Array.from(li.querySelectorAll(".pw-file-link"), (b) => b.textContent),
    state: li.dataset.state ?? "",
  })));
}

export async function waitForConversation(page, predicate, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let lines = [];
  while (Date.now() < deadline) {
    lines = await conversation(page);
    if (predicate(lines)) return lines;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; the widget shows ${JSON.stringify(lines)}`);
}

export async function send(page, text) {
  await part(page, "#pw-text").fill(text);
  await part(page, "#pw-text").press("Enter");
}

// axe-core in the page; fails on any violation of serious or critical impact.
export async function checkAccessibility(page, where) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) {
    await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                                           nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(serious, [], `${where}: accessibility violations ${JSON.stringify(serious, null, 1)}`);
}
