// The desktop console losing its connection and resuming: it reaches the server through a TCP
// relay the test can cut. While it is cut the customer writes; once the relay lets it through
// again the console reconnects by itself, says hello with the last sequence number it has, and
// receives exactly what it missed (the customer's line once, not twice, nothing lost), still
// signed in with the same bearer token. Screens are saved as PNGs.
import assert from "node:assert/strict";
import net from "node:net";
import path from "node:path";
import { after, before, test } from "node:test";
import {
  acceptCustomerChat, click, customerMessages, customerWrites, goOnline, press, signIn, type, waitFor,
} from "./console_driver.mjs";
import { screenshotDir, startServer } from "./harness.mjs";
import { withNativeConsole } from "./native_console.mjs";

// Passes connections to `target` (host and port) until cut(); while cut it drops every
// connection it has and refuses new ones, as a network that went away would.
function relay() {
  const sockets = new Set();
  let target = null;
  let open = true;
  const server = net.createServer((client) => {
    if (!open || !target) {
      client.destroy();
      return;
    }
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {});
      socket.on("close", () => {
        client.destroy();
        upstream.destroy();
        sockets.delete(socket);
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  return {
    listen: () => new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server.address().port))),
    to(url) { target = { host: url.hostname, port: Number(url.port) }; },
    cut() {
      open = false;
      for (const socket of sockets) socket.destroy();
    },
    restore() { open = true; },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

const line = relay();
let server = null;
let relayed = "";

before(async () => {
  const port = await line.listen();
  relayed = `http://127.0.0.1:${port}`;
  // The console names the relay's address in its Host header.
  server = await startServer(["--allowed-hosts", `127.0.0.1:${port}`]);
  line.to(new URL(server.url));
});

after(async () => {
  await line.close();
  await server?.stop();
});

test("the desktop console reconnects and resumes from its last sequence number", async () => {
  await withNativeConsole(relayed, [], async ({ page }) => {
    await signIn(page, "maria", "maria-demo");
    await goOnline(page, "maria");
    const { customer, key } = await acceptCustomerChat(page, server.url, {
      name: "Olga Ivanova", email: "olga@example.com", queue: "Billing", question: "Is my refund on its way?",
    });

    line.cut();
    await waitFor(page, (v) => v.connection !== "connected", "the console noticing the lost connection");
    await page.screenshot({ path: path.join(screenshotDir, "27-native-reconnecting.png") });
    await customerWrites(server.url, customer, "Hello? Я всё ещё жду.");
    line.restore();

    const view = await waitFor(page, (v) => v.connection === "connected" &&
                               v.chat?.lines.some((l) => l.text === "Hello? Я всё ещё жду."),
                               "reconnected with the line written meanwhile", 30000);
    assert.equal(view.chat.key, key);
    assert.equal(view.chat.lines.filter((l) => l.text === "Hello? Я всё ещё жду.").length, 1,
                 "what was missed arrives once");
    assert.equal(view.chat.lines.filter((l) => l.text === "Is my refund on its way?").length, 1,
                 "what was there before is not repeated");
    assert.equal(view.screen, "desk", "still signed in");

    await click(page, "composer");
    await type(page, "Yes, it left yesterday.");
    await press(page, "Enter");
    await waitFor(page, (v) => v.chat.lines.some((l) => l.kind === "agent" && l.text === "Yes, it left yesterday."),
                  "the reply after the reconnect");
    const received = await customerMessages(server.url, customer);
    assert.ok(received.some((m) => m.text === "Yes, it left yesterday."), "the customer receives it");
    await page.screenshot({ path: path.join(screenshotDir, "28-native-resumed.png") });
  });
});
