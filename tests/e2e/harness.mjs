// Shared by the browser tests: start parley-server on a free port with a fresh data folder and
// the demo organisation,
// launch Debian's chromium through playwright-core, and save screenshots where people look.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { chromium } from "playwright-core";

export const screenshotDir = process.env.PARLEY_SCREENSHOTS ?? path.resolve("screenshots");

// `extraArgs` go to the server after the defaults (for example --allowed-origins).
export async function startServer(extraArgs = []) {
  const binary = process.env.PARLEY_SERVER_BIN;
  const webRoot = process.env.PARLEY_WEB_ROOT;
  if (!binary || !webRoot) {
    throw new Error("PARLEY_SERVER_BIN and PARLEY_WEB_ROOT must name the server and the web build");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "parley-e2e-"));
  const child = spawn(binary, ["--listen", "127.0.0.1:0", "--web-root", webRoot, "--data-dir", dataDir,
                              "--demo", "--password-cost", "test", ...extraArgs],
                      { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start:\n" + log)), 15000);
    const onData = (chunk) => {
      log += chunk;
      const match = /listening on (http:\/\/[0-9.]+:\d+)/.exec(log);
      // The demo accounts are usable once their lines are printed.
      if (match && log.includes("chen / chen-demo")) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${log}`)));
  });
  return {
    url,
    log: () => log,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--use-gl=swiftshader",
           "--enable-unsafe-swiftshader"],
  });
}

export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

// Starts one server and (unless told not to) one browser for the test file and stops them
// after it; the returned object's `server` and `browser` are set once the file's tests run.
export function serverAndBrowser({ browser = true } = {}) {
  const shared = { server: null, browser: null };
  before(async () => {
    shared.server = await startServer();
    shared.browser = browser ? await launchBrowser() : null;
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.stop();
  });
  return shared;
}

// A screenshot after a few frames, so the picture shows the settled state; the path is
// printed for people to look at.
export async function settledScreenshot(page, name) {
  await page.waitForTimeout(250);
  console.log(`screenshot: ${await screenshot(page, name)}`);
}

// A benchmark script's arguments, named in the usage line it prints (exiting 2) when one is
// missing; the server's binary and web root, when named, become the harness's environment.
export function benchArguments(script, names) {
  const values = process.argv.slice(2, 2 + names.length);
  if (values.length < names.length || values.some((value) => !value)) {
    console.error(`usage: node ${script} ${names.map((name) => `<${name}>`).join(" ")}`);
    process.exit(2);
  }
  const named = Object.fromEntries(names.map((name, i) => [name, values[i]]));
  if (named["parley-server"]) process.env.PARLEY_SERVER_BIN = named["parley-server"];
  if (named["web root"]) process.env.PARLEY_WEB_ROOT = named["web root"];
  return values;
}
