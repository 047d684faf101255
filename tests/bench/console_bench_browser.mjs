// The console's figures in the browser, for issue 5's aims: one frame's CPU time (NewFrame to
// Render) in wasm in chromium with 100,000 queued chats and a 10,000-message transcript, and
// the time from navigation to the first interactive frame, and to a connected desk, on
// loopback against the real server (the download's size: download_size.mjs). Prints figures
// only; nothing here passes or fails on time.
//
//   node console_bench_browser.mjs <console_bench_web.js> <web root> <parley-server>
import { readFileSync } from "node:fs";
import path from "node:path";
import { benchArguments, launchBrowser, startServer } from "../e2e/harness.mjs";

const [benchJs, webRoot] = benchArguments("console_bench_browser.mjs",
                                          ["console_bench_web.js", "web root", "parley-server"]);

const NAVIGATIONS = 7;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The headless frame benchmark compiled for the web, served from memory to a blank origin.
async function frameTimes(browser) {
  const dir = path.dirname(benchJs);
  const page = await browser.newPage();
  const lines = [];
  let finished;
  const done = new Promise((resolve) => { finished = resolve; });
  page.on("console", (message) => {
    const text = message.text();
    lines.push(text);
    if (text.startsWith("frame, All chats")) finished();
  });
  page.on("pageerror", (error) => { lines.push(`page error: ${error.message}`); finished(); });
  await page.route("http://bench.parley/**", (route) => {
    const name = new URL(route.request().url()).pathname.slice(1) || "index.html";
    if (name === "index.html") {
      return route.fulfill({ contentType: "text/html", body:
        "<!doctype html><script>var Module = { print: (t) => console.log(t), " +
        "printErr: (t) => console.log(t) };</script><script src='console_bench_web.js'></script>" });
    }
    const type = name.endsWith(".wasm") ? "application/wasm" : "text/javascript";
    return route.fulfill({ contentType: type, body: readFileSync(path.join(dir, name)) });
  });
  await page.goto("http://bench.parley/");
  await Promise.race([done, page.waitForTimeout(600000)]);
  await page.close();
  for (const line of lines) console.log(`chromium (wasm): ${line}`);
}

async function signInCookie(url) {
  const response = await fetch(`${url}/api/session`, {
    method: "POST", headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ agent: "maria", password: "maria-demo" }),
  });
  if (!response.ok) throw new Error(`demo sign-in refused: ${response.status} ${await response.text()}`);
  return response.headers.get("set-cookie").split(";")[0];
}

// Fresh contexts, so every navigation downloads the console again as a first visit would.
async function navigations(browser, server) {
  const firstFrame = [];
  const desk = [];
  const cookie = await signInCookie(server.url);
  const [name, value] = cookie.split("=");
  for (let i = 0; i < NAVIGATIONS; ++i) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    await page.goto(server.url + "/");
    firstFrame.push(await page.evaluate(() => new Promise((resolve) => {
      const check = () => (window.parley && window.parley.firstFrameMs !== undefined
        ? resolve(window.parley.firstFrameMs) : requestAnimationFrame(check));
      check();
    })));
    await page.waitForFunction(() => document.body.dataset.connection === "connected",
                               null, { polling: "raf", timeout: 30000 });
    desk.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  const show = (values) => values.map((v) => v.toFixed(0)).join(", ");
  console.log(`navigation to first interactive frame (ms): ${show(firstFrame)}; median ` +
              `${median(firstFrame).toFixed(0)}, worst ${Math.max(...firstFrame).toFixed(0)} ` +
              `(aim under 1000: ${median(firstFrame) < 1000 ? "met" : "NOT met"})`);
  console.log(`navigation to a connected desk, signed in (ms): ${show(desk)}; median ` +
              `${median(desk).toFixed(0)}, worst ${Math.max(...desk).toFixed(0)}`);
}

const browser = await launchBrowser();
const server = await startServer();
try {
  await frameTimes(browser);
  await navigations(browser, server);
} finally {
  await browser.close();
  await server.stop();
}
