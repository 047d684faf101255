// The wasm console loads from the running server, connects over its WebSocket with the session
// cookie of a signed-in agent, completes the protocol handshake, and renders without a single
// page error; without a session the server refuses it and the console says so.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { launchBrowser, screenshot, startServer } from "./harness.mjs";

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("console loads, connects and renders without page errors", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") pageErrors.push(message.text());
  });
  page.on("response", (reply) => {
    if (reply.status() >= 400) pageErrors.push(`${reply.status()} for ${reply.url()}`);
  });

  const signIn = await page.request.post(server.url + "/api/session",
                                        { data: { agent: "maria", password: "maria-demo" } });
  assert.equal(signIn.status(), 200);
  assert.match(signIn.headers()["set-cookie"], /HttpOnly/);
  assert.equal((await signIn.json()).token, undefined, "the browser never sees the token");

  const response = await page.goto(server.url + "/");
  assert.equal(response.status(), 200);
  await page.waitForFunction(() => document.body.dataset.connection === "connected",
                             null, { timeout: 30000 });
  assert.match(await page.title(), /Connected/);
  await page.waitForTimeout(300);  // let a few frames draw the connected state
  const file = await screenshot(page, "console-connected");
  console.log(`screenshot: ${file}`);

  const canvas = await page.$("canvas");
  const box = await canvas.boundingBox();
  assert.equal(Math.round(box.width), 1280, "the canvas fills the window");
  assert.deepEqual(pageErrors, [], "no page errors");
});

test("without a session the server refuses the console and it says so", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.url + "/");
  await page.waitForFunction(() => document.body.dataset.connection === "refused",
                             null, { timeout: 30000 });
  await page.waitForTimeout(300);
  const file = await screenshot(page, "console-not-signed-in");
  console.log(`screenshot: ${file}`);
  await context.close();
});

test("the server serves wasm as application/wasm and answers /healthz", async () => {
  const wasm = await fetch(server.url + "/parley.wasm");
  assert.equal(wasm.status, 200);
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  const health = await fetch(server.url + "/healthz");
  assert.equal(health.status, 200);
  assert.equal((await health.json()).status, "ok");
});
