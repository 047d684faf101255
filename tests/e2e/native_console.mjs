// The desktop console under Xvfb, driven as the browser tests drive the browser console: it is
// started with --automation 0 and prints the port of its automation bridge; this module connects
// and gives back a page-like object (mouse, keyboard, screenshot, and a `bridge` for the
// snapshot and frame waits) that every helper of console_driver.mjs accepts. Requests go one at
// a time, each answered by one JSON line (shell/native/bridge_request.h).
import { spawn } from "node:child_process";
import { once } from "node:events";
import net from "node:net";
import path from "node:path";
import { chord, click, press, type, waitFor } from "./console_driver.mjs";

const BUTTONS = { left: 0, right: 1, middle: 2 };

// Waits for the console's "automation: 127.0.0.1:PORT" line.
function automationPort(child, output) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no automation port:\n" + output.text)), 20000);
    const onData = (chunk) => {
      output.text += chunk;
      const match = /automation: 127\.0\.0\.1:(\d+)/.exec(output.text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the desktop console exited with ${code}:\n${output.text}`));
    });
  });
}

// One request after another over the port; each promise holds its answer line, parsed.
function bridgeClient(socket) {
  const waiting = [];
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk) => {
    buffered += chunk;
    for (let end = buffered.indexOf("\n"); end >= 0; end = buffered.indexOf("\n")) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      waiting.shift()?.resolve(JSON.parse(line));
    }
  });
  socket.on("close", () => {
    for (const pending of waiting.splice(0)) pending.reject(new Error("the automation port closed"));
  });
  let turn = Promise.resolve();
  return function ask(request) {
    const answer = turn.then(() => new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      socket.write(JSON.stringify(request) + "\n");
    }));
    turn = answer.catch(() => {});
    return answer.then((reply) => {
      if (reply.error) throw new Error(`${JSON.stringify(request)}: ${reply.error}`);
      return reply;
    });
  };
}

// Starts the desktop console against `serverUrl`; `args` go to it after the defaults; `screen`
// is the virtual screen's size in pixels (a window larger than its screen is not all drawn);
// `env` is added to its environment.
export async function launchNativeConsole(serverUrl, args = [], { screen = "1280x800", env = {} } = {}) {
  const binary = process.env.PARLEY_CONSOLE_BIN;
  if (!binary) throw new Error("PARLEY_CONSOLE_BIN must name the desktop console");
  const address = new URL(serverUrl).host;
  // Its own process group, so that closing it ends xvfb-run, Xvfb and the console together.
  const child = spawn("xvfb-run", ["-a", "-s", `-screen 0 ${screen}x24`, binary, "--server", address,
                                   "--automation", "0", ...args],
                      { stdio: ["ignore", "pipe", "pipe"], detached: true, env: { ...process.env, ...env } });
  const output = { text: "" };
  const port = await automationPort(child, output);
  const socket = net.connect(port, "127.0.0.1");
  await once(socket, "connect");
  const ask = bridgeClient(socket);
  const page = {
    bridge: {
      snapshot: () => ask({ op: "snapshot" }),
      frames: (count) => ask({ op: "frames", count }),
      // How long its frames took (shell/native/frame_stats.h); `reset` starts counting again.
      stats: (reset = false) => ask({ op: "stats", reset }),
    },
    mouse: {
      move: (x, y) => ask({ op: "mouse", x, y }),
      down: ({ button = "left" } = {}) => ask({ op: "button", button: BUTTONS[button], down: true }),
      up: ({ button = "left" } = {}) => ask({ op: "button", button: BUTTONS[button], down: false }),
      // A browser's wheel goes down for positive deltas, ImGui's up; a notch is 100 pixels.
      wheel: (deltaX, deltaY) => ask({ op: "wheel", dy: -deltaY / 100 }),
    },
    keyboard: {
      down: (key) => ask({ op: "key", key, down: true }),
      up: (key) => ask({ op: "key", key, down: false }),
      type: (text) => ask({ op: "text", text }),
    },
    // The person turns to another window (false) or back to the console (true).
    focus: (focused) => ask({ op: "focus", focused }),
    waitForTimeout: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    screenshot: ({ path }) => ask({ op: "screenshot", path }),
  };
  // The files the console saved so far, in order, as it reports them ("saved: PATH").
  const saved = () => [...output.text.matchAll(/^saved: (.+)$/gm)].map((match) => match[1]);
  return {
    page,
    log: () => output.text,
    // Waits until the console has saved `count` downloads in all; returns their paths.
    async downloads(count, timeout = 20000) {
      const deadline = Date.now() + timeout;
      while (saved().length < count) {
        if (Date.now() > deadline) throw new Error(`${count} downloads not saved:\n${output.text}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return saved();
    },
    async close() {
      socket.destroy();
      if (child.exitCode === null) {
        const exited = once(child, "exit");
        process.kill(-child.pid, "SIGTERM");
        await exited;
      }
    },
  };
}

// Runs `body(desk)` with a desktop console started as launchNativeConsole() does (`options` as
// its), and closes it
// however the body ends; a failure carries the console's output.
export async function withNativeConsole(serverUrl, args, body, options = {}) {
  const desk = await launchNativeConsole(serverUrl, args, options);
  try {
    return await body(desk);
  } catch (error) {
    error.message += `\n--- desktop console output ---\n${desk.log()}`;
    throw error;
  } finally {
    await desk.close();
  }
}

// Attaches `file` (a path on this machine) from the composer as a person does with the desktop
// console's file picker: "Attach…", the folder typed over the shown one, the file, "Attach".
// With `screenshot`, the picker is saved there with the file chosen.
export async function attachThroughPicker(page, file, { screenshot } = {}) {
  await click(page, "composer.attach");
  await click(page, "file_picker.folder");
  await chord(page, "Control", "a");
  await type(page, path.dirname(file));
  await press(page, "Enter");
  await click(page, `file_picker.entry/${path.basename(file)}`);
  await waitFor(page, (v) => v.items.some((i) => i.id === "file_picker.choose" && i.enabled), "the file chosen");
  if (screenshot) await page.screenshot({ path: screenshot });
  await click(page, "file_picker.choose");
  await waitFor(page, (v) => !v.items.some((i) => i.id.startsWith("file_picker.")), "the picker closed");
}
