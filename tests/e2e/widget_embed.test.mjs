// The widget embedded on a company's own site, a different origin from the Parley server: with
// that origin in --allowed-origins the one script tag loads the widget from Parley, starts the
// chat over CORS and talks over the WebSocket; from a site that is not allowed the customer
// gets a clear sentence instead of a chat.
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { after, before, test } from "node:test";
import { customerWrites } from "./console_driver.mjs";
import { launchBrowser, settledScreenshot, startServer } from "./harness.mjs";
import { part, waitForConversation } from "./widget_driver.mjs";

let shop;
let otherShop;
let parley;
let browser;

function shopPage(parleyUrl) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Northwind Bikes</title></head>
<body style="font-family: sans-serif; margin: 40px"><h1>Northwind Bikes</h1><p>Service and repairs.</p>
<script src="${parleyUrl}/widget.js" data-server="${parleyUrl}" data-queue="General" data-color="#1f6f50" defer></script>
</body></html>`;
}

// A static site on its own port; its origin is http://localhost:<port>, never Parley's.
async function serveShop(html) {
  const server = createServer((request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(html());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://localhost:${server.address().port}` };
}

before(async () => {
  shop = await serveShop(() => shopPage(parley.url));
  otherShop = await serveShop(() => shopPage(parley.url));
  parley = await startServer(["--allowed-origins", shop.origin]);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await parley?.stop();
  shop?.server.close();
  otherShop?.server.close();
});

async function startFrom(origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(origin + "/");
  await part(page, ".pw-launcher").click();
  await part(page, "#pw-name").fill("Ann Lee");
  await part(page, "#pw-email").fill("ann@example.com");
  await part(page, "#pw-question").fill("Can you fit a new chain this week?");
  await part(page, ".pw-form .pw-primary").click();
  return { context, page };
}

test("on an allowed site the widget starts the chat and hears the agent", async () => {
  const { context, page } = await startFrom(shop.origin);
  await waitForConversation(page, (lines) => lines.some((l) => l.kind === "me" && l.state === "sent"),
                            "the question sent from the shop's page");
  const saved = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith("parley-widget:"));
    return JSON.parse(localStorage.getItem(key));
  });
  const maria = await (await fetch(parley.url + "/api/session", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent: "maria", password: "maria-demo", bearer: true }),
  })).json();
  const command = (body) => fetch(parley.url + "/api/commands", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${maria.token}` },
    body: JSON.stringify({ command_id: `embed-${body.type}`, ...body }),
  });
  assert.equal((await command({ type: "set_presence", agent: "maria", presence: "online" })).status, 200);
  assert.equal((await command({ type: "accept_chat", chat: saved.chat })).status, 200);
  assert.equal((await command({ type: "post_agent_message", chat: saved.chat, text: "Yes, Thursday works.",
                                attachments: [] })).status, 200);
  await waitForConversation(page, (lines) => lines.some((l) => l.kind === "agent" && l.text === "Yes, Thursday works."),
                            "the agent's answer over the WebSocket");
  await customerWrites(parley.url, saved, "Great, thanks");
  await settledScreenshot(page, "widget-06-embedded-on-another-site");
  await context.close();
});

test("on a site the server does not allow, the customer is told instead of left waiting", async () => {
  const { context, page } = await startFrom(otherShop.origin);
  await part(page, ".pw-form .pw-problem").filter({ hasText: "cannot reach" }).waitFor();
  assert.match(await part(page, ".pw-form .pw-problem").textContent(), /We cannot reach the support team/);
  await context.close();
});
