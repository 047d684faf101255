import { startServer } from "./harness.mjs";
import { chromium } from "playwright-core";
const extra = (process.env.EXTRA ?? "").split(" ").filter(Boolean);
const launchBrowser = () => chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--use-gl=swiftshader", "--enable-unsafe-swiftshader", ...extra] });
import { openConsole, signIn } from "./console_driver.mjs";
import { readFileSync } from "node:fs";
const cpu = () => { const f = readFileSync("/proc/stat", "utf8").split("\n")[0].split(/\s+/).slice(1).map(Number); return (f[0]+f[1]+f[2]+f[5]+f[6])/100; };
const n = Number(process.argv[2] ?? 3);
const mode = process.argv[3] ?? "load";
const server = await startServer();
const browser = await launchBrowser();
let t0 = cpu();
{ const c = await browser.newContext({ viewport: { width: 1280, height: 800 } }); const { page } = await openConsole(c, server.url); await c.close(); }
console.log("warm-up load", (cpu() - t0).toFixed(1));
t0 = cpu();
for (let i = 0; i < n; ++i) {
  const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const { page } = await openConsole(c, server.url);
  if (mode === "signin") await signIn(page, "maria", "maria-demo");
  await c.close();
}
console.log(mode, "per page", ((cpu() - t0) / n).toFixed(2), "CPU-s");
t0 = cpu();
await new Promise(r => setTimeout(r, 5000));
console.log("idle 5 s (browser open, no page)", (cpu() - t0).toFixed(2));
await browser.close(); await server.stop();
