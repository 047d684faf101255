// A shift on the desktop console under Xvfb against the real server, driven through its
// automation bridge by the same helpers as the browser console, waiting on what the console
// publishes: Maria signs in, accepts a customer's chat from the Queue, answers (the customer
// reads it over REST), attaches a file through the desktop's file picker, transfers the chat to
// Chen, who accepts it in a browser console and hands it back, and closes it with a resolution.
// Meanwhile Sofia, a supervisor on a second desktop console, follows the floor, then exports the
// analytics by queue as a CSV saved to disk, compared with /api/analytics. Screenshots of every
// step are saved for people to look at.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import {
  acceptCustomerChat, assertExportMatchesApi, bearer, click, completeDialog, customerChat, customerMessages,
  goOnline, openDesk, press, signIn, type, waitFor,
} from "./console_driver.mjs";
import { screenshotDir, serverAndBrowser, settledScreenshot } from "./harness.mjs";
import { attachThroughPicker, withNativeConsole } from "./native_console.mjs";

const shared = serverAndBrowser();
const folder = mkdtempSync(path.join(tmpdir(), "parley-shift-"));
after(() => rmSync(folder, { recursive: true, force: true }));

async function shot(page, name) {
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(`screenshot: ${file}`);
}

const billing = (view) => view.floor?.queues.find((q) => q.name === "Billing");

test("a chat's whole life on the desktop console, with a colleague in the browser and a supervisor", async () => {
  const url = shared.server.url;
  const label = path.join(folder, "return-label-1187.txt");
  writeFileSync(label, "Return label for order 1187\nParcel ID: RL-55-1187\n");
  const downloads = path.join(folder, "downloads");
  const chen = await openDesk(shared.browser, url, "chen", "chen-demo");

  await withNativeConsole(url, ["--downloads", downloads], async (sofia) => {
    await signIn(sofia.page, "sofia", "sofia-demo");
    await click(sofia.page, "nav.floor");
    await waitFor(sofia.page, (v) => v.workspace === "floor" && billing(v), "the floor");

    await withNativeConsole(url, [], async (maria) => {
      const page = maria.page;
      await signIn(page, "maria", "maria-demo");
      await goOnline(page, "maria");
      const { customer, key } = await acceptCustomerChat(page, url, {
        name: "Nadia Petrova", email: "nadia@example.com", queue: "Billing",
        question: "Заказ 1187 пришёл повреждённым",
      });
      await shot(page, "30-native-shift-accepted");
      const floor = await waitFor(sofia.page, (v) => billing(v)?.active === 1 &&
                                  v.floor.agents.find((a) => a.id === "maria")?.load === 1,
                                  "Nadia's chat active with Maria on the floor");
      assert.equal(billing(floor).waiting, 0);
      await shot(sofia.page, "31-native-shift-floor");

      // The reply reaches the customer, read as the widget reads it.
      await click(page, "composer");
      await type(page, "Мне жаль, Nadia. I will arrange a return.");
      await press(page, "Enter");
      await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text.startsWith("Мне жаль")),
                    "the reply in the transcript");
      let received = await customerMessages(url, customer);
      assert.ok(received.some((m) => m.text === "Мне жаль, Nadia. I will arrange a return."),
                "the customer receives the reply");

      await attachThroughPicker(page, label, { screenshot: path.join(screenshotDir, "32-native-shift-file-picker.png") });
      await click(page, "composer");
      await type(page, "Here is your return label.");
      await press(page, "Enter");
      await waitFor(page, (v) => v.chat.lines.some((l) => l.text === "Here is your return label."), "the file sent");
      received = await customerMessages(url, customer);
      const withFile = received.find((m) => m.text === "Here is your return label.");
      assert.deepEqual(withFile.attachments.map((f) => f.name), ["return-label-1187.txt"]);
      await shot(page, "33-native-shift-reply-and-file");

      // To Chen, who works in the browser console.
      await completeDialog(page, `action.transfer_to_agent/${key}`, ["transfer.tab.agents", "transfer.agent/chen"],
                           "Damaged parcel, label sent; please approve the refund",
                           (p) => shot(p, "34-native-shift-transfer-dialog"));
      await waitFor(page, (v) => v.mine.length === 0, "gone from Maria's My chats");

      await waitFor(chen.page, (v) => v.transferred.some((r) => r.key === key), "in Chen's Transferred list");
      await click(chen.page, "tab.Transferred");
      await click(chen.page, `accept/${key}`);
      const held = await waitFor(chen.page, (v) => v.chat?.key === key && v.chat.status === "active", "Chen holds it");
      assert.ok(held.chat.lines.some((l) => l.kind === "system" &&
                                     /Maria.* transferred the chat to Chen.*: Damaged parcel/.test(l.text)),
                `the transcript says who transferred it, with the note: ${JSON.stringify(held.chat.lines)}`);
      await settledScreenshot(chen.page, "35-browser-shift-chen-accepts");

      // Chen hands it back; Maria takes it from her Transferred list and closes it.
      await completeDialog(chen.page, `action.transfer_to_agent/${key}`,
                           ["transfer.tab.agents", "transfer.agent/maria"]);
      await waitFor(page, (v) => v.transferred.some((r) => r.key === key), "back in Maria's Transferred list");
      await click(page, "tab.Transferred");
      await click(page, `accept/${key}`);
      await waitFor(page, (v) => v.chat?.key === key && v.chat.status === "active", "Maria holds it again");

      await completeDialog(page, `action.close/${key}`, ["close.category/Problem solved"],
                           "Return label sent, refund approved by Chen.",
                           (p) => shot(p, "36-native-shift-close-dialog"));
      await waitFor(page, (v) => v.mine.length === 0, "My chats empty");
      const closed = await customerChat(url, customer);
      assert.equal(closed.status, "closed");
      await shot(page, "37-native-shift-closed");
    });

    // The supervisor's figures: the closed chat counted, exported to disk as the API has them.
    await click(sofia.page, "nav.analytics");
    await click(sofia.page, "analytics.by.queue");
    const shown = await waitFor(sofia.page, (v) => v.analytics?.by === "queue" &&
                                v.analytics.rows.some((r) => r.group === "Billing" && r.chats === 1),
                                "Billing's figures in the console");
    await click(sofia.page, "analytics.export");
    const [saved] = await sofia.downloads(1);
    assert.equal(path.dirname(saved), downloads);
    assert.match(path.basename(saved), /^parley-analytics-by-queue.*\.csv$/);
    const token = await bearer(url, "sofia", "sofia-demo");
    const { csv } = await assertExportMatchesApi(url, token, shown.analytics.csv, readFileSync(saved, "utf8"));
    assert.equal(csv.find((r) => r.queue === "Billing").chats, "1");
    await shot(sofia.page, "38-native-shift-analytics-exported");
  });

  assert.deepEqual(chen.problems, []);
  await chen.context.close();
});
