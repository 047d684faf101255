// The published REST contract (GET /api/openapi.json) checked by an independent OpenAPI 3.1
// validator from npm, and real answers of a running server checked against its schemas with
// ajv (JSON Schema 2020-12, as OpenAPI 3.1 uses): the contract is valid, and the server keeps it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Validator } from "@seriousme/openapi-schema-validator";
import Ajv2020 from "ajv/dist/2020.js";
import { startServer } from "./harness.mjs";

async function call(server, method, path, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(server.url + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

test("the contract validates and the server's answers match its schemas", async () => {
  const server = await startServer();
  try {
    const { status, json: document } = await call(server, "GET", "/api/openapi.json");
    assert.equal(status, 200);

    const result = await new Validator().validate(document);
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));

    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addSchema(document, "openapi.json");
    const conforms = (name, body) => {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
      assert.ok(validate, `no schema ${name}`);
      assert.ok(validate(body), `${name}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(body)}`);
    };

    const signedIn = await call(server, "POST", "/api/session",
                                { body: { agent: "admin", password: "admin-demo", bearer: true } });
    assert.equal(signedIn.status, 200);
    conforms("SessionAnswer", signedIn.json);
    const token = signedIn.json.token;

    const started = await call(server, "POST", "/api/chats", {
      body: { name: "Ann Lee", email: "ann@example.com", queue: "General", question: "Where is my invoice?" },
    });
    assert.equal(started.status, 201);
    conforms("ChatStarted", started.json);
    const chat = started.json.chat;

    const reads = [
      ["/api/session", "SessionAnswer"], ["/api/queues", "QueueList"], ["/api/agents", "AgentList"],
      ["/api/canned-responses", "CannedResponseList"], ["/api/settings", "SettingsAnswer"],
      ["/api/chats", "ChatPage"], [`/api/chats/${chat}`, "ChatAnswer"],
      [`/api/chats/${chat}/messages`, "MessagesAnswer"], [`/api/chats/${chat}/transcript`, "TranscriptAnswer"],
      [`/api/chats/${chat}/history`, "ChatHistory"], ["/api/analytics?by=queue", "AnalyticsReport"],
      ["/api/admin/api-keys", "ApiKeyList"], ["/api/admin/webhook", "WebhookAnswer"],
      ["/api/admin/webhook/deliveries", "DeliveryLog"], ["/api/knowledge/articles?q=refund", "ArticleSearch"],
      ["/api/outages", "OutageList"],
    ];
    for (const [path, name] of reads) {
      const answer = await call(server, "GET", path, { token });
      assert.equal(answer.status, 200, `${path}: ${JSON.stringify(answer.json)}`);
      conforms(name, answer.json);
    }

    const refused = await call(server, "GET", "/api/chats/cht_nothing", { token });
    assert.equal(refused.status, 404);
    conforms("ErrorAnswer", refused.json);

    const command = await call(server, "POST", "/api/commands", {
      token, body: { type: "accept_chat", command_id: "contract-1", chat },
    });
    assert.equal(command.status, 200, JSON.stringify(command.json));
    conforms("CommandAnswer", command.json);
    conforms("ClientCommand", { type: "accept_chat", command_id: "contract-1", chat });
  } finally {
    await server.stop();
  }
});
