// A supervisor audits a chat: a customer starts it over REST, Maria accepts and answers it in
// her console, the customer writes again; Sofia opens the History workspace, picks the chat,
// sees every event in order with who caused it, and replays the chat to the moment before the
// accept (queued, nobody holds it) and to the latest event (Maria holds it). An agent asking
// for the same history over REST is refused. Screens are saved as PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, click, customerWrites, openDesk, press, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();

async function staffToken(agent) {
  const reply = await fetch(shared.server.url + "/api/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent, password: `${agent}-demo`, bearer: true }),
  });
  const answer = await reply.text();
  assert.equal(reply.status, 200, answer);
  return JSON.parse(answer).token;
}

test("a supervisor replays a chat's history event by event", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const { customer, key } = await acceptCustomerChat(maria.page, shared.server.url, {
    name: "Ann Lee", email: "ann@example.com", queue: "General", question: "Where is my invoice?",
  });
  await maria.page.waitForTimeout(300);
  await type(maria.page, "Hello Ann, it is in your account.");
  await press(maria.page, "Enter");
  await waitFor(maria.page, (v) => v.chat.lines.some((l) => l.kind === "agent"), "Maria's answer");
  await customerWrites(shared.server.url, customer, "Found it, thank you!");
  await waitFor(maria.page, (v) => v.chat.lines.some((l) => l.text === "Found it, thank you!"),
                "Ann's thanks at Maria's desk");

  const sofia = await openDesk(shared.browser, shared.server.url, "sofia", "sofia-demo");
  await click(sofia.page, "nav.history");
  await waitFor(sofia.page, (v) => v.history && v.items.some((i) => i.id === `history.pick/${key}`),
                "Ann's chat among the chats to pick");
  await click(sofia.page, `history.pick/${key}`);
  let view = await waitFor(sofia.page, (v) => v.history?.chat === key && !v.history.loading &&
                                              v.history.rows.some((r) => r.what.includes("Found it")),
                           "the history of Ann's chat");
  const rows = view.history.rows;
  const at = (pattern) => rows.findIndex((r) => pattern.test(r.what));
  const started = at(/^Ann Lee started the chat on web in the General queue$/);
  const asked = at(/^Ann Lee wrote: Where is my invoice\?$/);
  const accepted = at(/^Maria Garcia accepted the chat$/);
  const answered = at(/^Maria Garcia wrote: Hello Ann, it is in your account\.$/);
  const thanked = at(/^Ann Lee wrote: Found it, thank you!$/);
  assert.deepEqual([started, asked, accepted, answered, thanked].map((i) => i >= 0), Array(5).fill(true),
                   `every step is listed: ${JSON.stringify(rows)}`);
  assert.ok(started < asked && asked < accepted && accepted < answered && answered < thanked,
            `in the order they happened: ${JSON.stringify(rows)}`);
  assert.equal(rows[accepted].who, "Maria Garcia");
  assert.equal(rows[started].who, "Ann Lee");
  assert.ok(rows.every((r, i) => i === 0 || r.seq > rows[i - 1].seq), "sequence numbers ascend");
  assert.equal(view.history.events, rows.length);

  await click(sofia.page, `history.event/${accepted - 1}`);
  view = await waitFor(sofia.page, (v) => v.history.selected === accepted - 1, "the event before the accept");
  assert.equal(view.history.replayed.status, "queued");
  assert.equal(view.history.replayed.assignee, "");
  await settledScreenshot(sofia.page, "history-01-before-accept");

  await click(sofia.page, `history.event/${rows.length - 1}`);
  view = await waitFor(sofia.page, (v) => v.history.selected === rows.length - 1, "the latest event");
  assert.equal(view.history.replayed.status, "active");
  assert.equal(view.history.replayed.assignee, "Maria Garcia");
  assert.ok(view.history.replayed.lines >= 3, "the transcript so far: question, accept, answer, thanks");
  await settledScreenshot(sofia.page, "history-02-latest");

  const refused = await fetch(`${shared.server.url}/api/chats/${key}/history`, {
    headers: { Authorization: `Bearer ${await staffToken("maria")}` },
  });
  assert.equal(refused.status, 403);
  assert.equal((await refused.json()).code, "not_authorized");

  assert.deepEqual(maria.problems, []);
  assert.deepEqual(sofia.problems, []);
  await maria.context.close();
  await sofia.context.close();
});
