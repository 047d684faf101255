// The no-install demo as a visitor meets it: the built folder served by a plain static file
// server written here (no parley-server), opened in chromium. Nothing may be requested but
// that server's files; the visitor is at the desk at once, simulated customers arrive in the
// Queue within seconds, the visitor accepts one, answers, and the customer writes back; signing
// out offers the other demo accounts, checked in the page.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { after, before, test } from "node:test";
import { click, openConsole, press, signIn, type, waitFor } from "./console_driver.mjs";
import { launchBrowser, settledScreenshot } from "./harness.mjs";

const root = process.env.PARLEY_DEMO_ROOT;
const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
  ".data": "application/octet-stream", ".svg": "image/svg+xml",
};
const shared = { server: null, url: "", served: [], browser: null };

// Any static host: files from the folder with their types, nothing else.
function serveFolder(folder) {
  return http.createServer(async (request, response) => {
    const name = decodeURIComponent(new URL(request.url, "http://demo").pathname);
    shared.served.push(name);
    const file = path.join(folder, name.endsWith("/") ? name + "index.html" : name);
    if (!file.startsWith(folder + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "Content-Type": types[path.extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}

before(async () => {
  assert.ok(root, "PARLEY_DEMO_ROOT must name the built demo folder");
  shared.server = serveFolder(path.resolve(root));
  await new Promise((resolve) => shared.server.listen(0, "127.0.0.1", resolve));
  shared.url = `http://127.0.0.1:${shared.server.address().port}`;
  shared.browser = await launchBrowser();
});

after(async () => {
  await shared.browser?.close();
  await new Promise((resolve) => shared.server?.close(resolve));
});

test("a visitor tries Parley from static files: customers arrive, one is answered and writes back", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const elsewhere = [];
  context.on("request", (request) => {
    if (!request.url().startsWith(shared.url + "/")) elsewhere.push(request.url());
  });
  context.on("websocket", (socket) => elsewhere.push(socket.url()));
  // Seed 4's first customers stay and talk, so the conversation below always happens.
  // openConsole appends a slash, which the "#" keeps out of the query.
  const { page, problems } = await openConsole(context, shared.url + "/?seed=4#");
  assert.equal(await page.title(), "Parley — try it in your browser (no server)");
  assert.match(await page.locator("header p").innerText(), /You start as Maria Garcia/);

  let view = await waitFor(page, (v) => v.screen === "desk" && v.connection === "connected",
                           "the desk, without signing in");
  assert.equal(view.agent, "Maria Garcia");
  assert.equal(view.presence, "online");
  view = await waitFor(page, (v) => v.queue.some((r) => r.preview), "a customer in the Queue", 15000);
  await settledScreenshot(page, "demo-01-queue");

  const row = view.queue.find((r) => r.preview);
  await click(page, `accept/${row.key}`);
  view = await waitFor(page, (v) => v.chat?.key === row.key && v.chat.status === "active",
                       `${row.customer}'s chat open`);
  await page.waitForTimeout(300);
  await type(page, "Hello, I'm Maria. Let me look into it for you.");
  await press(page, "Enter");
  view = await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent"), "the answer in the transcript");
  await settledScreenshot(page, "demo-02-answered");

  const customerLines = (v) => v.chat.lines.filter((l) => l.kind === "customer").length;
  const before = customerLines(view);
  view = await waitFor(page, (v) => v.chat?.key === row.key && customerLines(v) > before,
                       `${row.customer} writing back`, 40000);
  await settledScreenshot(page, "demo-03-customer-replied");

  assert.deepEqual(elsewhere, [], "the demo reached only its own static files");
  assert.ok(!shared.served.some((name) => name.startsWith("/api") || name.startsWith("/ws")),
            `no server calls: ${shared.served.join(" ")}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test("signing out offers the other demo accounts; the supervisor's desk fills too", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page, problems } = await openConsole(context, shared.url + "/?seed=9#");
  await waitFor(page, (v) => v.screen === "desk" && v.connection === "connected", "the desk");
  await click(page, "sign_out");
  await waitFor(page, (v) => v.screen === "sign_in", "the sign-in card");
  await settledScreenshot(page, "demo-04-signed-out");

  const view = await signIn(page, "sofia", "sofia-demo");
  assert.equal(view.agent, "Sofia Rossi");
  await waitFor(page, (v) => v.queue.some((r) => r.preview), "customers in Sofia's queues", 20000);
  await settledScreenshot(page, "demo-05-supervisor");
  assert.deepEqual(problems, []);
  await context.close();
});
