// The clipboard in the browser, where emscripten's GLFW has none: "Copy text" on a transcript
// line's right-click menu puts exactly that line on the system clipboard; Ctrl+C copies the
// composer's selection; Ctrl+V pastes the clipboard (Cyrillic included) into the composer and
// the pasted text is what the customer receives. Screens are saved as PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, chord, click, customerMessages, item, openDesk, press, rightClick, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

const readClipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function waitForClipboard(page, expected) {
  const deadline = Date.now() + 10000;
  let text;
  while (Date.now() < deadline) {
    text = await readClipboard(page);
    if (text === expected) return text;
    await page.waitForTimeout(50);
  }
  return text;
}

test("copy a transcript line, copy and paste in the composer", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const page = maria.page;
  await maria.context.grantPermissions(["clipboard-read", "clipboard-write"],
                                       { origin: shared.server.url });
  const question = "Order A-1041 arrived damaged — box crushed, 2 cups broken";
  const { customer } = await acceptCustomerChat(page, shared.server.url, {
    name: "Pavel Orlov", email: "pavel@example.com", queue: "Billing", question,
  });

  const view = await waitFor(page, (v) => v.items.some((i) => i.id.startsWith("transcript.line/") &&
                                                             i.label === question), "the question's line");
  const line = view.items.find((i) => i.id.startsWith("transcript.line/") && i.label === question);
  await page.evaluate(() => navigator.clipboard.writeText("something else"));
  await rightClick(page, line.id);
  await item(page, "transcript.copy");
  await shot(page, "50-copy-line-menu");
  await click(page, "transcript.copy");
  assert.equal(await waitForClipboard(page, question), question, "exactly the line's text is copied");

  // Ctrl+A, Ctrl+C in the composer copies what is typed there.
  await click(page, "composer");
  await type(page, "draft to copy");
  await chord(page, "Control", "a");
  await chord(page, "Control", "c");
  assert.equal(await waitForClipboard(page, "draft to copy"), "draft to copy");
  await press(page, "Delete");

  const reply = "Здравствуйте, Павел! Заменим заказ A-1041 за наш счёт.";
  await page.evaluate((text) => navigator.clipboard.writeText(text), reply);
  await chord(page, "Control", "v");
  await shot(page, "51-pasted");
  await press(page, "Enter");
  const sent = await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent"), "the pasted reply");
  assert.equal(sent.chat.lines.filter((l) => l.kind === "agent").at(-1).text, reply,
               "the composer held exactly the pasted text");
  const received = await customerMessages(shared.server.url, customer);
  assert.ok(received.some((m) => m.text === reply), "the customer receives the pasted Cyrillic text");
  assert.deepEqual(maria.problems, []);
  await maria.context.close();
});
