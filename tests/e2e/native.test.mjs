// The desktop console under Xvfb against the real server. It draws its sign-in card and saves
// that frame as a PNG (--screenshot); and, driven through its automation bridge by the same
// helpers that drive the browser console, it signs in with a bearer token, goes online and
// shows the desk, attaches files through its in-console file picker (one the customer receives,
// one the server refuses with its sentence), and copies and pastes through the desktop's
// clipboard; on a screen of twice the pixels it draws at that scale while tests and people still
// click in logical pixels; a new chat waiting raises a desktop notification. Screenshots are saved
// for people to look at.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import {
  acceptCustomerChat, chord, click, customerMessages, goOnline, item, press, rightClick, signIn,
  startCustomerChat, type, waitFor,
} from "./console_driver.mjs";
import { screenshotDir, serverAndBrowser } from "./harness.mjs";
import { attachThroughPicker, withNativeConsole } from "./native_console.mjs";

const shared = serverAndBrowser({ browser: false });

test("the desktop console draws its sign-in card under Xvfb", async () => {
  const binary = process.env.PARLEY_CONSOLE_BIN;
  assert.ok(binary, "PARLEY_CONSOLE_BIN names the desktop console");
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, "20-native-sign-in.png");
  const address = new URL(shared.server.url).host;
  const child = spawn("xvfb-run", ["-a", "-s", "-screen 0 1280x800x24", binary,
                                   "--server", address, "--screenshot", file],
                      { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => { output += chunk; });
  child.stderr.on("data", (chunk) => { output += chunk; });
  const code = await new Promise((resolve) => child.on("exit", resolve));
  assert.equal(code, 0, output);
  const png = readFileSync(file);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from("PNG")]);
  assert.equal(png.readUInt32BE(16), 1280, "as wide as the window");
  console.log(`screenshot: ${file}`);
});

test("the desktop console signs in and goes online through its automation bridge", async () => {
  await withNativeConsole(shared.server.url, [], async (desk) => {
    const view = await signIn(desk.page, "maria", "maria-demo");
    assert.equal(view.agent, "Maria Garcia");
    await click(desk.page, "presence");
    await click(desk.page, "presence.online");
    await waitFor(desk.page, (v) => v.presence === "online", "Maria online");
    const file = path.join(screenshotDir, "21-native-desk.png");
    await desk.page.screenshot({ path: file });
    const png = readFileSync(file);
    assert.equal(png.readUInt32BE(16), 1280, "the whole window");
    console.log(`screenshot: ${file}`);
  });
});

test("the desktop console attaches files through its file picker", async () => {
  const url = shared.server.url;
  const folder = mkdtempSync(path.join(tmpdir(), "parley-attach-"));
  const steps = path.join(folder, "router-steps.txt");
  const bytes = "1. Unplug the router.\n2. Wait 30 s.\n3. Подключите снова.\n";
  writeFileSync(steps, bytes);
  writeFileSync(path.join(folder, "setup.exe"), "MZ not a text file");
  try {
    await withNativeConsole(url, [], async (desk) => {
      const page = desk.page;
      await signIn(page, "maria", "maria-demo");
      await goOnline(page, "maria");
      const { customer } = await acceptCustomerChat(page, url, {
        name: "Lena Koch", email: "lena@example.com", queue: "Billing", question: "How do I reset the router?",
      });
      // Cancelling attaches nothing.
      await click(page, "composer.attach");
      assert.equal((await item(page, "file_picker.choose")).enabled, false);
      await click(page, "file_picker.cancel");
      await waitFor(page, (v) => !v.items.some((i) => i.id.startsWith("file_picker.")), "the picker closed");
      assert.ok(!(await waitFor(page, () => true)).items.some((i) => i.id.startsWith("composer.attachment/")));
      await attachThroughPicker(page, steps, { screenshot: path.join(screenshotDir, "24-native-file-picker.png") });
      const staged = await item(page, "composer.attachment/router-steps.txt");
      assert.equal(staged.label, "router-steps.txt");
      await click(page, "composer");
      await type(page, "Here are the steps.");
      await press(page, "Enter");
      await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === "Here are the steps."),
                    "the message in the transcript");
      const message = (await customerMessages(url, customer)).find((m) => m.text === "Here are the steps.");
      assert.ok(message, "the customer receives the message");
      assert.equal(message.attachments.length, 1);
      const [file] = message.attachments;
      assert.equal(file.name, "router-steps.txt");
      assert.equal(file.content_type, "text/plain");
      const download = await fetch(url + file.ref, { headers: { Authorization: `Bearer ${customer.token}` } });
      assert.equal(await download.text(), bytes, "the customer downloads the same bytes");

      await attachThroughPicker(page, path.join(folder, "setup.exe"));
      const problem = await item(page, "composer.upload_problem");
      assert.match(problem.label, /Only PNG, JPEG, GIF and WebP images, PDF and plain text files are taken/);
      await page.screenshot({ path: path.join(screenshotDir, "25-native-attachment-refused.png") });
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("the desktop console copies a transcript line and pastes it through the clipboard", async () => {
  const url = shared.server.url;
  await withNativeConsole(url, [], async ({ page }) => {
    await signIn(page, "maria", "maria-demo");
    await goOnline(page, "maria");
    const question = "Заказ A-1041 пришёл разбитым — box crushed";
    const { customer } = await acceptCustomerChat(page, url, {
      name: "Pavel Orlov", email: "pavel@example.com", queue: "Billing", question,
    });
    const view = await waitFor(page, (v) => v.items.some((i) => i.id.startsWith("transcript.line/") &&
                                                               i.label === question), "the question's line");
    await rightClick(page, view.items.find((i) => i.label === question).id);
    await click(page, "transcript.copy");

    // Ctrl+A, Ctrl+C in the composer replaces the clipboard with the draft; Ctrl+V brings it back.
    await click(page, "composer");
    await type(page, "draft to copy");
    await chord(page, "Control", "a");
    await chord(page, "Control", "c");
    await press(page, "Delete");
    await waitFor(page, (v) => v.resources?.draft === "", "the composer emptied");
    await chord(page, "Control", "v");
    await waitFor(page, (v) => v.resources?.draft === "draft to copy", "the draft pasted back");
    await chord(page, "Control", "a");
    await press(page, "Delete");

    // The line copied first, copied again and pasted: exactly its text goes to the customer.
    await rightClick(page, view.items.find((i) => i.label === question).id);
    await click(page, "transcript.copy");
    await click(page, "composer");
    await chord(page, "Control", "v");
    await waitFor(page, (v) => v.resources?.draft === question, "the line pasted");
    await page.screenshot({ path: path.join(screenshotDir, "26-native-pasted.png") });
    await press(page, "Enter");
    await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === question), "the reply");
    const received = await customerMessages(url, customer);
    assert.ok(received.some((m) => m.text === question), "the customer receives the pasted Cyrillic text");
  });
});

test("the desktop console on a high-DPI screen draws at twice the pixels, clicked in logical ones", async () => {
  await withNativeConsole(shared.server.url, ["--scale", "2"], async ({ page }) => {
    const card = await waitFor(page, (v) => v.screen === "sign_in", "the sign-in card");
    const submit = card.items.find((i) => i.id === "sign_in.submit");
    assert.ok(submit.x + submit.width < 1280 && submit.y + submit.height < 800,
              `published in logical pixels: ${JSON.stringify(submit)}`);
    await signIn(page, "chen", "chen-demo");
    await goOnline(page, "chen");
    const file = path.join(screenshotDir, "29-native-hidpi-desk.png");
    await page.screenshot({ path: file });
    const png = readFileSync(file);
    assert.equal(png.readUInt32BE(16), 2560, "twice as many device pixels across");
    assert.equal(png.readUInt32BE(20), 1600, "and down");
    console.log(`screenshot: ${file}`);
  }, { screen: "2560x1600" });
});

test("a new chat waiting raises a desktop notification through notify-send", async () => {
  // A notify-send of the test's own, first on PATH, writes down what it was asked to show.
  const bin = mkdtempSync(path.join(tmpdir(), "parley-notify-"));
  const log = path.join(bin, "shown.txt");
  writeFileSync(path.join(bin, "notify-send"), `#!/bin/sh\nprintf '%s\\n' "$@" >> '${log}'\n`);
  chmodSync(path.join(bin, "notify-send"), 0o755);
  try {
    await withNativeConsole(shared.server.url, [], async ({ page }) => {
      await signIn(page, "ivan", "ivan-demo");
      await goOnline(page, "ivan");
      // In front, the Queue itself shows a new chat: notifications are for when it is not.
      await page.focus(false);
      await startCustomerChat(shared.server.url, {
        name: "-Greta Berg", email: "greta@example.com", queue: "General", question: "Ist mein Paket unterwegs?",
      });
      await waitFor(page, (v) => v.queue.some((r) => r.customer === "-Greta Berg"), "Greta in the Queue");
      const deadline = Date.now() + 10000;
      while (!existsSync(log) && Date.now() < deadline) await page.waitForTimeout(50);
      const shown = readFileSync(log, "utf8").split("\n");
      assert.deepEqual(shown.slice(0, 2), ["--app-name=Parley", "--"], "options end before the notice's text");
      assert.ok(shown.some((line) => line.includes("-Greta Berg")), `the customer named: ${shown}`);
      assert.ok(shown.some((line) => line.includes("Ist mein Paket unterwegs?")), `her words shown: ${shown}`);
    }, { env: { PATH: `${bin}:${process.env.PATH}` } });
  } finally {
    rmSync(bin, { recursive: true, force: true });
  }
});
