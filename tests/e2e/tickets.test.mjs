// Tickets in the browser against the real server: an integration attaches the customer's
// contact details and assets and Maria sees them in the customer panel; she raises a ticket
// from the chat; it reaches a webhook receiver signed and, after one failure, retried; the
// service desk resolves it through the REST API with an API key and the console shows it
// resolved; the admin's Service desk screen shows the delivery. Screens are saved as PNGs.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import http from "node:http";
import { test } from "node:test";
import { acceptCustomerChat, click, openDesk, type, waitFor } from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

async function api(token, method, path, body) {
  const reply = await fetch(shared.server.url + path, {
    method,
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  return { status: reply.status, body: text ? JSON.parse(text) : null };
}

async function bearer(agent) {
  const reply = await fetch(shared.server.url + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password: `${agent}-demo`, bearer: true }),
  });
  assert.equal(reply.status, 200);
  return (await reply.json()).token;
}

const itemLabel = (view, id) => view.items.find((i) => i.id === id)?.label ?? "";

const SECRET = "e2e-signing-secret-0123456789";

// A service desk stand-in: answers 500 to the first delivery and 200 to the rest.
async function startReceiver() {
  const received = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => { body += chunk; });
    request.on("end", () => {
      received.push({ headers: request.headers, body });
      response.writeHead(received.length === 1 ? 500 : 200);
      response.end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { received, server, url: `http://127.0.0.1:${server.address().port}/parley` };
}

async function until(condition, what) {
  const deadline = Date.now() + 20000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test("a ticket raised in the console is resolved by the service desk and shows resolved", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const { page } = maria;
  const { customer, key } = await acceptCustomerChat(page, shared.server.url, {
    name: "Petra Lind", email: "petra@example.com", queue: "General",
    question: "My fibre line drops every evening",
  });

  const receiver = await startReceiver();
  const adminToken = await bearer("admin");
  const hook = await api(adminToken, "PUT", "/api/admin/webhook",
                         { url: receiver.url, secret: SECRET, enabled: true });
  assert.equal(hook.status, 200, JSON.stringify(hook.body));
  const made = await api(adminToken, "POST", "/api/admin/api-keys", { name: "Service desk" });
  assert.equal(made.status, 201);
  const desk = made.body.key;
  const profile = await api(desk, "PUT", `/api/customers/${customer.customer}/profile`, {
    phone: "+46 8 555 0142",
    email: "petra.lind@example.com",
    company: "Lind Design AB",
    assets: [
      { name: "Fibre 1000", type: "subscription", identifier: "SUB-220981" },
      { name: "Home gateway", type: "device", identifier: "SN-GW-7731" },
    ],
  });
  assert.equal(profile.status, 200, JSON.stringify(profile.body));
  await waitFor(page, (v) => itemLabel(v, `customer.asset.1/${key}`).includes("SN-GW-7731"),
                "the assets in the customer panel");

  await click(page, `action.create_ticket/${key}`);
  await click(page, "dialog.text");
  await type(page, "Line drops nightly, check the gateway");
  await settledScreenshot(page, "tickets-01-create");
  await click(page, "dialog.confirm");
  await waitFor(page, (v) => itemLabel(v, `chat.ticket/${key}`).includes("open"), "the open ticket");
  await settledScreenshot(page, "tickets-02-open-with-assets");
  await until(() => receiver.received.length >= 2, "the ticket delivered after one retry");
  for (const { headers, body } of receiver.received) {
    assert.equal(headers["x-parley-event"], "ticket_created");
    const expected = "sha256=" + createHmac("sha256", SECRET).update(body).digest("hex");
    assert.equal(headers["x-parley-signature"], expected);
  }
  assert.equal(JSON.parse(receiver.received[0].body).ticket.summary,
               "Line drops nightly, check the gateway");

  const chat = await api(await bearer("maria"), "GET", `/api/chats/${customer.chat}`);
  const ticket = chat.body.ticket;
  assert.ok(ticket, "the ticket is linked to the chat");
  const resolved = await api(desk, "POST", `/api/tickets/${ticket}/status`,
                             { status: "resolved", reference: "SD-2041" });
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body));
  await waitFor(page, (v) => itemLabel(v, `chat.ticket/${key}`).includes("resolved"),
                "the ticket resolved outside shown resolved");
  await waitFor(page, (v) => itemLabel(v, `customer.ticket.${ticket}`).includes("[resolved]"),
                "the customer's ticket list showing it resolved");
  await settledScreenshot(page, "tickets-03-resolved-outside");
  // Customer information sits below the actions: fold Chat details and Actions to bring it up.
  for (const header of [272, 300]) {
    await page.mouse.move(1110, header);
    await page.waitForTimeout(100);
    await page.mouse.down();
    await page.waitForTimeout(100);
    await page.mouse.up();
    await page.waitForTimeout(150);
  }
  await settledScreenshot(page, "tickets-04-customer-information");
  assert.deepEqual(maria.problems, []);
  await maria.context.close();

  const admin = await openDesk(shared.browser, shared.server.url, "admin", "admin-demo");
  await click(admin.page, "nav.admin");
  await click(admin.page, "admin.tab.service_desk");
  await waitFor(admin.page, (v) => v.items.some((i) => i.id.startsWith("admin.webhook.delivery/") &&
                                                    /ticket_status_changed delivered/.test(i.label)),
                "the delivery log");
  await settledScreenshot(admin.page, "tickets-05-service-desk");
  assert.deepEqual(admin.problems, []);
  await admin.context.close();
  receiver.server.close();
});
