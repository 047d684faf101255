// When the server ends an agent's session (signed out from another tab with the same cookie, or
// the password reset by an admin), it closes that agent's sockets; the console must then show
// the sign-in card with a sentence saying why, and stay there: no spinner, no reconnect loop.
import assert from "node:assert/strict";
import { test } from "node:test";
import { automation, openDesk, signIn, waitFor } from "./console_driver.mjs";
import { serverAndBrowser, settledScreenshot } from "./harness.mjs";

const shared = serverAndBrowser();
const shot = settledScreenshot;

// Watches the console for `seconds`: it must stay on the sign-in card, never reconnecting.
async function staysSignedOut(page, seconds) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const view = await automation(page);
    assert.equal(view.screen, "sign_in", `left the sign-in card: ${JSON.stringify(view).slice(0, 300)}`);
    assert.equal(view.connection, "sign_in");
    await page.waitForTimeout(200);
  }
}

test("signing out in another tab ends the console's session with a clear sentence", async () => {
  const maria = await openDesk(shared.browser, shared.server.url, "maria", "maria-demo");
  // Another tab of the same browser: same cookie jar.
  // As the console's own page in another tab signs out: same origin, JSON (a cookie alone from
  // anywhere else is refused as a cross-site request).
  const reply = await maria.context.request.delete(shared.server.url + "/api/session", {
    headers: { Origin: shared.server.url, "Content-Type": "application/json" },
  });
  assert.equal(reply.status(), 200);
  const view = await waitFor(maria.page, (v) => v.screen === "sign_in", "the sign-in card");
  assert.equal(view.sign_in_reason, "Your session has ended (signed out). Sign in again.");
  await staysSignedOut(maria.page, 4);
  assert.equal(await maria.page.evaluate(() => document.body.dataset.connection), "sign_in");
  await shot(maria.page, "70-session-ended");

  // Signing in again works from there.
  await signIn(maria.page, "maria", "maria-demo");
  assert.deepEqual(maria.problems, []);
  await maria.context.close();
});

test("an admin resetting the password ends the agent's console session", async () => {
  const ivan = await openDesk(shared.browser, shared.server.url, "ivan", "ivan-demo");
  const admin = await fetch(shared.server.url + "/api/session", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ agent: "admin", password: "admin-demo", bearer: true }),
  });
  assert.equal(admin.status, 200);
  const { token } = await admin.json();
  const reset = await fetch(shared.server.url + "/api/admin/agents/ivan/password", {
    method: "PUT", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify({ password: "a new secret for ivan" }),
  });
  assert.equal(reset.status, 200, await reset.text());
  const view = await waitFor(ivan.page, (v) => v.screen === "sign_in", "Ivan's sign-in card");
  assert.equal(view.sign_in_reason, "Your session has ended (password reset). Sign in again.");
  await staysSignedOut(ivan.page, 3);
  await shot(ivan.page, "71-password-reset");
  await signIn(ivan.page, "ivan", "a new secret for ivan");
  assert.deepEqual(ivan.problems, []);
  await ivan.context.close();
});
