// Drives the ImGui console the way a person does: real mouse clicks and key presses at the
// rectangles the console publishes through its automation bridge. Each frame the console
// hands the page a JSON summary (window.parley.automation()): which screen is up, the lists,
// the open chat's last lines, and every labelled interactive item with its stable id,
// rectangle, whether it is enabled and, if not, the core's reason. Nothing here reaches into
// the wasm module or sends anything but input events.
import assert from "node:assert/strict";

// ImGui 1.86 polls keys once per frame: a key must stay down across a frame to count.
const KEY_HOLD_MS = 100;

export async function openConsole(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (error) => problems.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(message.text());
  });
  await page.goto(url + "/");
  await waitFor(page, (view) => view.screen === "sign_in" || view.screen === "desk");
  return { page, problems };
}

export async function automation(page) {
  return page.evaluate(() => (window.parley && window.parley.automation ? window.parley.automation() : null));
}

// Waits until `predicate(view)` holds for the console's published summary; returns the view.
export async function waitFor(page, predicate, what = predicate.toString(), timeout = 20000) {
  const deadline = Date.now() + timeout;
  let view = null;
  while (Date.now() < deadline) {
    view = await automation(page);
    if (view && predicate(view)) return view;
    await page.waitForTimeout(50);
  }
  throw new Error(`timed out waiting for ${what}; last view: ${JSON.stringify(view)?.slice(0, 2000)}`);
}

export async function item(page, id) {
  const view = await waitFor(page, (v) => v.items.some((i) => i.id === id), `item ${id}`);
  return view.items.find((i) => i.id === id);
}

export async function click(page, id) {
  const target = await item(page, id);
  assert.ok(target.enabled, `${id} is disabled: ${target.reason}`);
  await page.mouse.click(target.x + target.width / 2, target.y + target.height / 2, { delay: KEY_HOLD_MS });
  await page.waitForTimeout(KEY_HOLD_MS);
}

export async function hover(page, id) {
  const target = await item(page, id);
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
  await page.waitForTimeout(300);
  return target;
}

export async function type(page, text) {
  await page.keyboard.type(text, { delay: 20 });
  await page.waitForTimeout(KEY_HOLD_MS);
}

export async function press(page, key) {
  await page.keyboard.press(key, { delay: KEY_HOLD_MS });
  await page.waitForTimeout(KEY_HOLD_MS);
}

export async function signIn(page, agent, password) {
  await waitFor(page, (v) => v.screen === "sign_in", "the sign-in screen");
  await click(page, "sign_in.agent");
  await type(page, agent);
  await click(page, "sign_in.password");
  await type(page, password);
  await click(page, "sign_in.submit");
  return waitFor(page, (v) => v.screen === "desk" && v.connection === "connected", "the desk");
}

// A customer starts a chat over the REST API, as the widget does.
export async function startCustomerChat(serverUrl, { name, email, queue, question }) {
  const reply = await fetch(serverUrl + "/api/chats", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name, email, queue, question }),
  });
  const answer = await reply.text();
  assert.equal(reply.status, 201, answer);
  return JSON.parse(answer);
}

export async function customerMessages(serverUrl, customer) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}/messages`, {
    headers: { Authorization: `Bearer ${customer.token}` },
  });
  assert.equal(reply.status, 200);
  return (await reply.json()).messages;
}

export async function customerWrites(serverUrl, customer, text) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${customer.token}` },
    body: JSON.stringify({ text }),
  });
  const answer = await reply.text();
  assert.equal(reply.status, 201, answer);
}

export async function customerChat(serverUrl, customer) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}`, {
    headers: { Authorization: `Bearer ${customer.token}` },
  });
  assert.equal(reply.status, 200);
  return reply.json();
}
