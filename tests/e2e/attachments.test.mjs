// Attaching a file from the composer: "Attach…" opens the browser's file picker, the chosen
// file is uploaded to the server with the session cookie, waits in the composer, and goes out
// with the next message through the console's outbox; the customer sees the message with the
// file and downloads exactly its bytes. A file the server refuses shows the server's sentence
// in the composer. Screens are saved as PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, click, customerMessages, item, openDesk, press, type, waitFor,
} from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

// Clicks "Attach…" and answers the file picker it opens with `file`.
async function attach(page, file) {
  const chooser = page.waitForEvent("filechooser");
  await click(page, "composer.attach");
  await (await chooser).setFiles(file);
}

test("an agent attaches a file; the customer gets the message with it and its bytes", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  const page = maria.page;
  const { customer } = await acceptCustomerChat(page, shared.server.url, {
    name: "Lena Koch", email: "lena@example.com", queue: "Billing", question: "How do I reset the router?",
  });

  const bytes = Buffer.from("1. Unplug the router.\n2. Wait 30 s.\n3. Подключите снова.\n");
  await attach(page, { name: "router-steps.txt", mimeType: "text/plain", buffer: bytes });
  const staged = await item(page, "composer.attachment/router-steps.txt");
  assert.equal(staged.label, "router-steps.txt");
  await click(page, "composer");
  await type(page, "Here are the steps.");
  await shot(page, "40-attachment-staged");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === "Here are the steps."),
                "the message in the transcript");
  await item(page, "attachment/router-steps.txt");
  await waitFor(page, (v) => !v.items.some((i) => i.id.startsWith("composer.attachment/")),
                "the composer emptied of the sent file");
  await shot(page, "41-attachment-sent");

  const received = await customerMessages(shared.server.url, customer);
  const message = received.find((m) => m.text === "Here are the steps.");
  assert.ok(message, "the customer receives the message");
  assert.equal(message.attachments.length, 1);
  const [file] = message.attachments;
  assert.equal(file.name, "router-steps.txt");
  assert.equal(file.content_type, "text/plain");
  assert.equal(file.size_bytes, bytes.length);
  const download = await fetch(shared.server.url + file.ref, {
    headers: { Authorization: `Bearer ${customer.token}` },
  });
  assert.equal(download.status, 200);
  assert.deepEqual(Buffer.from(await download.arrayBuffer()), bytes, "the customer downloads the same bytes");

  // A type the server does not take: its sentence stays in the composer, nothing is sent.
  await attach(page, { name: "setup.exe", mimeType: "application/x-msdownload",
                       buffer: Buffer.from("MZ\x90\x00 not a text file") });
  const problem = await item(page, "composer.upload_problem");
  assert.match(problem.label, /Only PNG, JPEG, GIF and WebP images, PDF and plain text files are taken/);
  await shot(page, "42-attachment-refused");
  const after = await customerMessages(shared.server.url, customer);
  assert.equal(after.length, received.length, "a refused file sends nothing");
  assert.deepEqual(maria.problems.filter((p) => !/status of 415/.test(p)), []);
  await maria.context.close();
});
