// Two agents in two browser contexts against the real server: Maria accepts a customer's chat
// and transfers it to Chen with a side note; Chen sees who sent it and the note, accepts it,
// moves it to the General queue; Maria takes it there and releases it back; each hand-over is
// a system line in the transcript. A refused action shows the core's reason on hover. Screens
// are saved as PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  click, hover, item, openDesk, startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

function agentDesk(agent, password) {
  return openDesk(shared.browser, shared.server.url, agent, password);
}

test("transfer to an agent with a note, to a queue, and release", async () => {
  const maria = await agentDesk("maria", "maria-demo");
  const chen = await agentDesk("chen", "chen-demo");

  await startCustomerChat(shared.server.url, {
    name: "Olga Ivanova", email: "olga@example.com", queue: "Billing", question: "Двойное списание по карте",
  });
  let view = await waitFor(maria.page, (v) => v.queue.some((r) => r.customer === "Olga Ivanova" && r.preview),
                           "Olga in Maria's Queue");
  const key = view.queue.find((r) => r.customer === "Olga Ivanova").key;
  await click(maria.page, `accept/${key}`);
  await waitFor(maria.page, (v) => v.mine.length === 1 && v.chat?.status === "active", "Maria holds it");

  // A refused action carries the core's reason: Chen cannot accept what Maria holds.
  await waitFor(chen.page, (v) => !v.queue.some((r) => r.key === key), "the chat gone from Chen's Queue");

  await click(maria.page, `action.transfer_to_agent/${key}`);
  await click(maria.page, "transfer.tab.agents");
  await click(maria.page, "transfer.agent/chen");
  await click(maria.page, "dialog.text");
  await type(maria.page, "Card charged twice, refund approved by billing lead");
  await shot(maria.page, "10-transfer-dialog");
  await click(maria.page, "dialog.confirm");
  await waitFor(maria.page, (v) => v.mine.length === 0, "gone from Maria's My chats");

  view = await waitFor(chen.page, (v) => v.transferred.length === 1, "in Chen's Transferred list");
  await click(chen.page, "tab.Transferred");
  await shot(chen.page, "11-transferred-to-chen");
  await click(chen.page, `accept/${key}`);
  view = await waitFor(chen.page, (v) => v.mine.length === 1 && v.chat?.status === "active", "Chen holds it");
  assert.ok(view.chat.lines.some((l) => l.text.includes("Двойное")), "Cyrillic text arrives intact");
  assert.ok(view.chat.lines.some((l) => l.kind === "system" &&
                                        /Maria.* transferred the chat to Chen.*: Card charged twice/.test(l.text)),
            `the transcript says who transferred it, to whom, with the note: ${JSON.stringify(view.chat.lines)}`);
  await shot(chen.page, "12-chen-holds-cyrillic");

  await click(chen.page, `action.transfer_to_agent/${key}`);
  await click(chen.page, "transfer.tab.queues");
  await click(chen.page, "transfer.queue/General");
  await click(chen.page, "dialog.confirm");
  await waitFor(chen.page, (v) => v.mine.length === 0, "gone from Chen's My chats");

  view = await waitFor(maria.page, (v) => v.queue.some((r) => r.key === key), "back in Maria's Queue (General)");
  await click(maria.page, "tab.Queue");
  await click(maria.page, `accept/${key}`);
  await waitFor(maria.page, (v) => v.mine.length === 1, "Maria holds it again");
  await click(maria.page, `action.release/${key}`);
  await waitFor(maria.page, (v) => v.mine.length === 0 && v.queue.some((r) => r.key === key), "released to the queue");

  // Close is refused on a chat nobody holds; hovering says why, in the core's words.
  await click(maria.page, `open/${key}`);
  view = await waitFor(maria.page, (v) => v.chat?.lines.some((l) => /Maria.* released the chat/.test(l.text)),
                       "the release in the transcript");
  assert.ok(view.chat.lines.some((l) => /Chen.* transferred the chat to the General queue/.test(l.text)));
  const refused = await item(maria.page, `action.close/${key}`);
  assert.equal(refused.enabled, false);
  assert.ok(refused.reason.length > 0);
  await hover(maria.page, `action.close/${key}`);
  await shot(maria.page, "13-refused-action-reason");

  assert.deepEqual(maria.problems, []);
  assert.deepEqual(chen.problems, []);
  await maria.context.close();
  await chen.context.close();
});
