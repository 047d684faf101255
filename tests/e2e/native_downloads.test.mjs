// Downloads from the desktop console under Xvfb: a customer's attachment is saved into the
// --downloads folder under the name the server gives it (Cyrillic, with spaces), with exactly the
// server's bytes. (The analytics export is saved in native_shift.test.mjs.)
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import {
  acceptCustomerChat, click, customerUploads, customerWrites, goOnline, item, signIn, waitFor,
} from "./console_driver.mjs";
import { screenshotDir, serverAndBrowser } from "./harness.mjs";
import { withNativeConsole } from "./native_console.mjs";

const shared = serverAndBrowser({ browser: false });
const folder = mkdtempSync(path.join(tmpdir(), "parley-downloads-"));
after(() => rmSync(folder, { recursive: true, force: true }));

test("the desktop console saves an attachment under the server's name", async () => {
  const url = shared.server.url;
  await withNativeConsole(url, ["--downloads", folder], async (desk) => {
    await signIn(desk.page, "maria", "maria-demo");
    await goOnline(desk.page, "maria");
    const { customer } = await acceptCustomerChat(desk.page, url, {
      name: "Pavel Orlov", email: "pavel@example.com", queue: "Billing", question: "Счёт не сходится",
    });
    const bytes = "Счёт №42: 1 200 ₽\nОплачено: 600 ₽\n";
    // The widget sends a file's name percent-encoded, as headers carry only Latin-1.
    const id = await customerUploads(url, customer, encodeURIComponent("счёт за май.txt"), bytes);
    await customerWrites(url, customer, "Вот счёт", [id]);
    await waitFor(desk.page, (v) => v.chat.lines.some((l) => l.text === "Вот счёт"), "the customer's file");
    await item(desk.page, "attachment/счёт за май.txt");
    await click(desk.page, "attachment/счёт за май.txt");
    const [saved] = await desk.downloads(1);
    assert.equal(saved, path.join(folder, "счёт за май.txt"));
    assert.equal(readFileSync(saved, "utf8"), bytes);
    await desk.page.screenshot({ path: path.join(screenshotDir, "22-native-attachment-saved.png") });
  });
});
