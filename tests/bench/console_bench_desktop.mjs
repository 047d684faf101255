// The desktop console's figures beside the browser's (console_bench_browser.mjs), under Xvfb
// (Mesa's llvmpipe draws in software, as SwiftShader does for chromium): the time from the
// process's start to its first interactive frame, from "Sign in" to a connected desk, and one
// frame's time with a full Queue while the pointer moves: building it (NewFrame to Render, the
// span console_bench measures headless) and drawing it (OpenGL and the swap). The console
// measures itself and answers through its automation bridge (shell/native/frame_stats.h).
// Prints figures only; nothing here passes or fails on time.
//
//   node console_bench_desktop.mjs <parley-console> <web root> <parley-server>
import { benchArguments, startServer } from "../e2e/harness.mjs";
import {
  click, frames, goOnline, signIn, startCustomerChat, type, waitFor,
} from "../e2e/console_driver.mjs";
import { withNativeConsole } from "../e2e/native_console.mjs";

[process.env.PARLEY_CONSOLE_BIN] = benchArguments("console_bench_desktop.mjs",
                                                  ["parley-console", "web root", "parley-server"]);

const STARTS = 5;
const QUEUED = 300;
const MOVES = 300;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const show = (values) => values.map((v) => v.toFixed(0)).join(", ");
const ms = (value) => `${value.toFixed(2)} ms`;

// Start-up and sign-in, each time in a fresh console as an agent starting a shift.
async function startUps(url) {
  const firstFrame = [];
  const desk = [];
  for (let i = 0; i < STARTS; ++i) {
    await withNativeConsole(url, [], async ({ page }) => {
      await waitFor(page, (v) => v.screen === "sign_in", "the sign-in card");
      firstFrame.push((await page.bridge.stats()).first_frame_ms);
      await click(page, "sign_in.agent");
      await type(page, "maria");
      await click(page, "sign_in.password");
      await type(page, "maria-demo");
      const asked = performance.now();
      await click(page, "sign_in.submit");
      await waitFor(page, (v) => v.screen === "desk" && v.connection === "connected", "the desk");
      desk.push(performance.now() - asked);
    });
  }
  console.log(`desktop: process start to first interactive frame (ms): ${show(firstFrame)}; ` +
              `median ${median(firstFrame).toFixed(0)}, worst ${Math.max(...firstFrame).toFixed(0)}`);
  console.log(`desktop: "Sign in" to a connected desk (ms): ${show(desk)}; median ` +
              `${median(desk).toFixed(0)}, worst ${Math.max(...desk).toFixed(0)}`);
}

// Frames while the pointer sweeps over the Queue, every frame drawn anew. The chats wait before
// Maria signs in, so the desk's first sync brings them all at once.
async function frameTimes(url) {
  for (let i = 0; i < QUEUED; ++i) {
    await startCustomerChat(url, { name: `Customer ${i}`, email: `c${i}@example.com`, queue: "Billing",
                                   question: `Question number ${i} about my invoice` });
  }
  await withNativeConsole(url, [], async ({ page }) => {
    await signIn(page, "maria", "maria-demo");
    await goOnline(page, "maria");
    await waitFor(page, (v) => v.queue.length > 0, "the Queue");
    await page.bridge.stats(true);
    for (let i = 0; i < MOVES; ++i) {
      await page.mouse.move(40 + (i * 7) % 300, 120 + (i * 13) % 600);
      await frames(page, 1);
    }
    const after = await page.bridge.stats();
    console.log(`desktop: frame with ${QUEUED} chats in the Queue, pointer moving ` +
                `(${after.frames} frames, ${after.drawn} drawn): ` +
                `build median ${ms(after.build_ms.median)}, p99 ${ms(after.build_ms.p99)}; ` +
                `draw median ${ms(after.draw_ms.median)}, p99 ${ms(after.draw_ms.p99)}`);
  });
}

// The Queue is filled faster than one address may start chats or send requests by default.
const server = await startServer(["--chat-starts-per-address", "1000", "--ip-requests-per-second", "1000"]);
try {
  await startUps(server.url);
  await frameTimes(server.url);
} finally {
  await server.stop();
}
