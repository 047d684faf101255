// Drives the ImGui console the way a person does: real mouse clicks and key presses at the
// rectangles the console publishes through its automation bridge. Each frame the console
// hands the page a JSON summary (window.parley.automation()): which screen is up, the lists,
// the open chat's last lines, and every labelled interactive item with its stable id,
// rectangle, whether it is enabled and, if not, the core's reason. Nothing here reaches into
// the wasm module or sends anything but input events. The desktop console offers the same
// summary and takes the same input through its automation port (native_console.mjs): a page
// with a `bridge` is one, and every helper here drives it alike.
import assert from "node:assert/strict";

// ImGui 1.86 polls keys and buttons once per frame: input must stay down across a frame to
// count. Software WebGL in a loaded machine may draw only ~10 frames a second, so waits count
// the page's own animation frames instead of milliseconds.
const HOLD_FRAMES = 2;

export async function frames(page, count = HOLD_FRAMES) {
  if (page.bridge) return page.bridge.frames(count);
  await page.evaluate((n) => new Promise((resolve) => {
    const step = () => (n-- <= 0 ? resolve() : requestAnimationFrame(step));
    requestAnimationFrame(step);
  }), count);
}

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

// The console publishes rectangles in the canvas's pixels; a page may place the canvas below
// a banner (the demo), so they are moved to the page's.
export async function automation(page) {
  if (page.bridge) return page.bridge.snapshot();
  return page.evaluate(() => {
    if (!(window.parley && window.parley.automation)) return null;
    const view = window.parley.automation();
    const canvas = document.getElementById("canvas").getBoundingClientRect();
    for (const target of view.items) {
      target.x += canvas.left;
      target.y += canvas.top;
    }
    return view;
  });
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

// Puts the mouse on the middle of a published item.
async function pointAt(page, target) {
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2);
}

export async function item(page, id) {
  const view = await waitFor(page, (v) => v.items.some((i) => i.id === id), `item ${id}`);
  return view.items.find((i) => i.id === id);
}

// Where `id` stands once nothing is about to move it: no command of the console's is waiting for
// the server's answer (the answer and its events change the layout, and a click read from the
// frame before lands on whatever moved under the mouse), and the item kept its place in a frame
// the console drew after the mouse came to it. The console's own frame number says so, not the
// page's animation frames: a resting console draws only when something happens, and the move is
// what wakes it. Leaves the mouse over the item.
async function settledItem(page, id) {
  const same = (a, b) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
  // A layout that never stops moving (none should) is clicked where it last was.
  for (let tries = 0; tries < 20; ++tries) {
    await waitFor(page, (v) => v.pending === 0 || v.connection !== "connected",
                  `the console's commands answered before clicking ${id}`);
    const seen = await waitFor(page, (v) => v.items.some((i) => i.id === id), `item ${id}`);
    const before = seen.items.find((i) => i.id === id);
    await pointAt(page, before);
    const later = await waitFor(page, (v) => v.frame > seen.frame, `a frame after moving to ${id}`);
    const after = later.items.find((i) => i.id === id);
    if (after && same(before, after)) return after;
  }
  const target = await item(page, id);
  await pointAt(page, target);
  return target;
}

export async function click(page, id) {
  const target = await settledItem(page, id);
  assert.ok(target.enabled, `${id} is disabled: ${target.reason}`);
  await page.mouse.down();
  await frames(page);
  await page.mouse.up();
  await frames(page);
}

export async function rightClick(page, id) {
  await settledItem(page, id);
  await page.mouse.down({ button: "right" });
  await frames(page);
  await page.mouse.up({ button: "right" });
  await frames(page);
}

// Holds a key with a modifier (Control+V) across frames, as ImGui 1.86 needs to see it.
export async function chord(page, modifier, key) {
  await page.keyboard.down(modifier);
  await page.keyboard.down(key);
  await frames(page);
  await page.keyboard.up(key);
  await page.keyboard.up(modifier);
  await frames(page);
}

export async function hover(page, id) {
  const target = await item(page, id);
  await pointAt(page, target);
  await frames(page, 4);  // tooltips wait a moment before they show
  return target;
}

export async function type(page, text) {
  await page.keyboard.type(text, { delay: 20 });
  await frames(page);
}

export async function press(page, key) {
  await page.keyboard.down(key);
  await frames(page);
  await page.keyboard.up(key);
  await frames(page);
}

// Opens a dialog with the item `open`, clicks each item of `choose`, types `note` (if any) into
// its text box and confirms; `beforeConfirm(page)` runs just before, for a screenshot.
export async function completeDialog(page, open, choose, note, beforeConfirm = async () => {}) {
  await click(page, open);
  for (const id of choose) await click(page, id);
  if (note !== undefined) {
    await click(page, "dialog.text");
    await type(page, note);
  }
  await beforeConfirm(page);
  await click(page, "dialog.confirm");
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

// A new browser context signed in as `agent` and online. It signs in as the sign-in card does
// (POST /api/session, whose cookie the context keeps) and opens the console straight onto the
// desk, one page load instead of the card's; the suites about signing in (console, session_end,
// notices, demo, the desktop's) drive the card itself.
export async function openDesk(browser, serverUrl, agent, password, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const reply = await context.request.post(serverUrl + "/api/session", { data: { agent, password } });
  assert.ok(reply.ok(), `signing ${agent} in: ${reply.status()} ${await reply.text()}`);
  const { page, problems } = await openConsole(context, serverUrl);
  await waitFor(page, (v) => v.screen === "desk" && v.connection === "connected", `${agent}'s desk`);
  await goOnline(page, agent);
  return { context, page, problems };
}

export async function goOnline(page, agent) {
  await click(page, "presence");
  await click(page, "presence.online");
  await waitFor(page, (v) => v.presence === "online", `${agent} online`);
}

// A customer writes in; the agent accepts the chat from the Queue. Returns the customer's
// credentials and the chat's key in the console.
export async function acceptCustomerChat(page, serverUrl, details) {
  const customer = await startCustomerChat(serverUrl, details);
  const view = await waitFor(page, (v) => v.queue.some((r) => r.customer === details.name && r.preview),
                             `${details.name} in the Queue`);
  const key = view.queue.find((r) => r.customer === details.name).key;
  await click(page, `accept/${key}`);
  await waitFor(page, (v) => v.chat?.key === key && v.chat.status === "active", `${details.name}'s chat open`);
  return { customer, key };
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

export async function customerWrites(serverUrl, customer, text, attachments = []) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${customer.token}` },
    body: JSON.stringify({ text, attachments }),
  });
  const answer = await reply.text();
  assert.equal(reply.status, 201, answer);
}

// Uploads a text file to the customer's chat; returns its attachment id.
export async function customerUploads(serverUrl, customer, name, text) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}/attachments`, {
    method: "POST",
    headers: { "Content-Type": "text/plain", "X-File-Name": name, Authorization: `Bearer ${customer.token}` },
    body: text,
  });
  const answer = await reply.text();
  assert.equal(reply.status, 201, answer);
  return JSON.parse(answer).id;
}

export async function customerChat(serverUrl, customer) {
  const reply = await fetch(`${serverUrl}/api/chats/${customer.chat}`, {
    headers: { Authorization: `Bearer ${customer.token}` },
  });
  assert.equal(reply.status, 200);
  return reply.json();
}

// A staff member's bearer token, for reading the REST API as they would.
export async function bearer(serverUrl, agent, password) {
  const reply = await fetch(serverUrl + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password, bearer: true }),
  });
  assert.equal(reply.status, 200);
  return (await reply.json()).token;
}

// RFC 4180 as the server writes it: no quoted commas in these rows (queue names), CRLF lines.
export function csvRows(text) {
  const [header, ...lines] = text.trim().split("\r\n");
  const names = header.split(",");
  return lines.map((line) => Object.fromEntries(line.split(",").map((cell, i) => [names[i], cell])));
}

// An analytics export (`csvText`, fetched from `csvQuery`) is the server's figures row for row:
// the same query's JSON answer, read with `token`. Returns the CSV's rows.
export async function assertExportMatchesApi(serverUrl, token, csvQuery, csvText) {
  const csv = csvRows(csvText);
  const query = csvQuery.replace("format=csv", "format=json");
  const json = await (await fetch(serverUrl + query, { headers: { Authorization: `Bearer ${token}` } })).json();
  const key = Object.keys(csv[0] ?? {})[0];
  assert.deepEqual(csv.map((r) => r[key]), json.rows.map((r) => r.group));
  for (const r of json.rows) {
    const exported = csv.find((c) => c[key] === r.group);
    assert.equal(Number(exported.chats), r.chats);
    assert.equal(Number(exported.abandoned), r.abandoned);
    assert.equal(Number(exported.messages), r.messages);
  }
  return { csv, json };
}

// Whether `agent` can sign in with `password` (the HTTP status of the attempt).
export async function signInStatus(serverUrl, agent, password) {
  const reply = await fetch(serverUrl + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password, bearer: true }),
  });
  return reply.status;
}

// In the Admin workspace: a new staff account in General, made through Agents → New. Returns the
// status of the new account's first sign-in, once it succeeds or 10 s have passed (the list shows
// the account once its command ran; the password is set just after).
export async function createStaffAccount(page, serverUrl, { id, name, company, password }) {
  await click(page, "admin.tab.agents");
  await click(page, "admin.agent.new");
  const fields = [["id", id], ["name", name], ["company", company], ["password", password]];
  for (const [field, value] of fields.filter(([, value]) => value !== undefined)) {
    await click(page, `admin.new_agent.${field}`);
    await type(page, value);
  }
  await click(page, "admin.new_agent.queue/1");
  await click(page, "admin.new_agent.create");
  await waitFor(page, (v) => v.items.some((i) => i.id === `admin.agent/${id}`), `${name} in the list`);
  const deadline = Date.now() + 10000;
  let status = await signInStatus(serverUrl, id, password);
  while (status !== 200 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    status = await signInStatus(serverUrl, id, password);
  }
  return status;
}

// In the Admin workspace: a new API key named `name`; returns its secret, shown once.
export async function createApiKey(page, name) {
  await click(page, "admin.tab.api_keys");
  await click(page, "admin.api_key.name");
  await type(page, name);
  await click(page, "admin.api_key.create");
  const view = await waitFor(page, (v) => v.items.some((i) => i.id === "admin.api_key.secret"),
                             "the new key's secret");
  return view.items.find((i) => i.id === "admin.api_key.secret").label;
}
