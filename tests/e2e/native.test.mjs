// The desktop console under Xvfb against the real server. It draws its sign-in card and saves
// that frame as a PNG (--screenshot); and, driven through its automation bridge by the same
// helpers that drive the browser console, it signs in with a bearer token, goes online and
// shows the desk. Screenshots are saved for people to look at.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { click, signIn, waitFor } from "./console_driver.mjs";
import { screenshotDir, serverAndBrowser } from "./harness.mjs";
import { withNativeConsole } from "./native_console.mjs";

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
