// An admin's work on the desktop console under Xvfb, every screen fed and changed by REST calls on
// the console's I/O thread: the admin creates a staff account who can then sign in, and an API key
// whose secret, shown once, works against the API. Screens are saved as PNGs.
import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { click, createApiKey, createStaffAccount, signIn, waitFor } from "./console_driver.mjs";
import { screenshotDir, serverAndBrowser } from "./harness.mjs";
import { withNativeConsole } from "./native_console.mjs";

const shared = serverAndBrowser({ browser: false });

test("the admin creates an account and an API key on the desktop console", async () => {
  await withNativeConsole(shared.server.url, [], async ({ page }) => {
    await signIn(page, "admin", "admin-demo");
    await click(page, "nav.admin");
    await waitFor(page, (v) => v.items.some((i) => i.id === "admin.tab.agents"), "the Admin workspace");
    const signedIn = await createStaffAccount(page, shared.server.url,
                                              { id: "pavel", name: "Pavel Novák", password: "pavel-secret-1" });
    assert.equal(signedIn, 200, "the new account signs in");
    await page.screenshot({ path: path.join(screenshotDir, "39-native-admin-agents.png") });

    const secret = await createApiKey(page, "Telegram gateway");
    const session = await fetch(shared.server.url + "/api/session", { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(session.status, 200, "the key works");
    assert.equal((await session.json()).actor.kind, "integration");
    await page.screenshot({ path: path.join(screenshotDir, "40-native-admin-api-key.png") });
    await click(page, "admin.api_key.dismiss");
    await waitFor(page, (v) => !v.items.some((i) => i.id === "admin.api_key.secret"), "the secret shown once");
  });
});
