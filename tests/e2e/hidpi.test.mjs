// High-DPI screens: on a 2x screen the canvas's backing store has twice the CSS pixels, the
// font atlas is rasterised for that ratio, the automation bridge still publishes CSS pixels and
// real clicks land on the items; when the ratio changes to 1.5x (zoom, another screen) the
// canvas and the font follow and clicks still land. Screens are saved as PNGs.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  acceptCustomerChat, automation, click, customerMessages, frames, openDesk, press, type, waitFor,
} from "./console_driver.mjs";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { screenshotDir, serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;
const viewport = { width: 1280, height: 800 };

// The canvas's backing store and the ratio the font was last rasterised for.
async function canvasScale(page) {
  return page.evaluate(() => {
    const canvas = document.getElementById("canvas");
    const box = canvas.getBoundingClientRect();
    return { width: canvas.width, height: canvas.height, cssWidth: box.width, cssHeight: box.height,
             fontRatio: Number(document.body.dataset.pixelRatio), ratio: window.devicePixelRatio };
  });
}

async function waitForScale(page, ratio) {
  const deadline = Date.now() + 10000;
  let scale;
  while (Date.now() < deadline) {
    scale = await canvasScale(page);
    if (scale.ratio === ratio && scale.fontRatio === ratio &&
        scale.width === Math.round(viewport.width * ratio)) {
      await frames(page, 3);
      return scale;
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`the canvas did not follow ratio ${ratio}: ${JSON.stringify(scale)}`);
}

// Playwright's own screenshot puts back the context's 2x metrics first, which resizes the
// canvas under it; DevTools captures the page as the override shows it.
// Returns the PNG's bytes.
async function devtoolsShot(devtools, name) {
  const { data } = await devtools.send("Page.captureScreenshot", { format: "png" });
  const png = Buffer.from(data, "base64");
  const file = path.join(screenshotDir, `${name}.png`);
  writeFileSync(file, png);
  console.log(`screenshot: ${file}`);
  return png;
}

// Every published rectangle lies inside the CSS viewport: device pixels would overflow it.
function assertCssPixels(view) {
  assert.ok(view.items.length > 0);
  for (const item of view.items) {
    assert.ok(item.x >= 0 && item.x + item.width <= viewport.width + 1,
              `${item.id} at x ${item.x}+${item.width} is outside the CSS viewport`);
    assert.ok(item.y >= 0 && item.y + item.height <= viewport.height + 1,
              `${item.id} at y ${item.y}+${item.height} is outside the CSS viewport`);
  }
}

test("the console is sharp and clickable at 2x, and follows a change to 1.5x", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo",
                               { viewport, deviceScaleFactor: 2 });
  const page = maria.page;
  // WebGL reports misuse (a buffer overflowed after the font was rebuilt) as warnings.
  const webglProblems = [];
  page.on("console", (message) => {
    if (/WebGL|GL_INVALID/.test(message.text())) webglProblems.push(message.text());
  });
  let scale = await waitForScale(page, 2);
  assert.deepEqual([scale.width, scale.height], [2560, 1600], "the backing store is CSS size × 2");
  assert.deepEqual([scale.cssWidth, scale.cssHeight], [1280, 800], "the canvas fills the page");
  assertCssPixels(await automation(page));

  const { customer, key } = await acceptCustomerChat(page, shared.server.url, {
    name: "Hana Sato", email: "hana@example.com", queue: "Billing", question: "Is my refund on its way?",
  });
  await page.waitForTimeout(300);
  await type(page, "Yes, it left today.");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === "Yes, it left today."),
                "the reply typed at 2x");
  await shot(page, "30-hidpi-2x");

  const devtools = await maria.context.newCDPSession(page);
  await devtools.send("Emulation.setDeviceMetricsOverride",
                      { ...viewport, deviceScaleFactor: 1.5, mobile: false });
  scale = await waitForScale(page, 1.5);
  assert.deepEqual([scale.width, scale.height], [1920, 1200], "the backing store is CSS size × 1.5");
  assertCssPixels(await automation(page));

  // Clicks still land: the presence menu, then the chat's Release action.
  await click(page, "presence");
  await click(page, "presence.away");
  await waitFor(page, (v) => v.presence === "away", "Maria away at 1.5x");
  await click(page, "composer");
  await type(page, "One more thing: keep the receipt.");
  await press(page, "Enter");
  await waitFor(page, (v) => v.chat.lines.some((l) => l.text === "One more thing: keep the receipt."),
                "the reply typed at 1.5x");
  const picture = await devtoolsShot(devtools, "31-hidpi-1.5x");
  // A canvas that drew nothing but its clear colour compresses to a few kilobytes.
  assert.ok(picture.length > 40000, `the 1.5x frame looks empty (${picture.length} bytes of PNG)`);
  await click(page, `action.release/${key}`);
  await waitFor(page, (v) => v.mine.length === 0, "released at 1.5x");

  const received = (await customerMessages(shared.server.url, customer)).map((m) => m.text);
  assert.ok(received.includes("Yes, it left today."));
  assert.ok(received.includes("One more thing: keep the receipt."));
  assert.deepEqual(webglProblems, []);
  assert.deepEqual(maria.problems, []);
  await maria.context.close();
});
