// The widget's link to the server: the REST calls a customer makes (start a chat, upload a
// file, post a message naming files, download the transcript) and the WebSocket session
// (hello with the chat token, resume from the last sequence number after a drop, commands
// re-sent with the same id until answered, so a retry never doubles a message).
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});

  const RECONNECT_MS = [500, 1000, 2000, 4000, 8000];

  class ServerError extends Error {
    constructor(code, message, status) {
      super(message);
      this.code = code;
      this.status = status;
    }
  }

  async function answerOf(response) {
    const text = await response.text();
    let body = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      throw new ServerError(body?.code || "http_" + response.status, body?.message || text, response.status);
    }
    return body;
  }

  function randomId(prefix) {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  class Connection {
    // `events.message(object)` gets every server message after the welcome;
    // `events.status("connecting" | "open" | "lost" | "refused", detail)` the link's state.
    constructor(server, events) {
      this.server = server.replace(/\/+$/, "");
      this.events = events;
      this.chat = null;
      this.token = null;
      this.seq = null;
      this.socket = null;
      this.unanswered = new Map();
      this.attempt = 0;
      this.timer = null;
      this.stopped = true;
    }

    async startChat(details) {
      const response = await fetch(this.server + "/api/chats", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": randomId("start-") },
        body: JSON.stringify(details),
      });
      return answerOf(response);
    }

    authorised(extra = {}) {
      return { Authorization: "Bearer " + this.token, ...extra };
    }

    async upload(file) {
      const response = await fetch(`${this.server}/api/chats/${encodeURIComponent(this.chat)}/attachments`, {
        method: "POST",
        headers: this.authorised({
          "Content-Type": file.type || "application/octet-stream",
          "X-File-Name": encodeURIComponent(file.name),
        }),
        body: file,
      });
      return answerOf(response);
    }

    // Messages naming files go over REST, which checks each file belongs to this chat; the
    // Idempotency-Key is the command id, so the event that comes back names it.
    async postWithFiles(commandId, text, attachmentIds) {
      const response = await fetch(`${this.server}/api/chats/${encodeURIComponent(this.chat)}/messages`, {
        method: "POST",
        headers: this.authorised({ "Content-Type": "application/json", "Idempotency-Key": commandId }),
        body: JSON.stringify({ text, attachments: attachmentIds }),
      });
      return answerOf(response);
    }

    // Files and the transcript are fetched with the chat token, which never goes into a URL.
    async download(path) {
      const response = await fetch(this.server + path, { headers: this.authorised() });
      if (!response.ok) await answerOf(response);
      return response.blob();
    }

    transcript() {
      return this.download(`/api/chats/${encodeURIComponent(this.chat)}/transcript?format=text`);
    }

    attachment(ref) {
      return this.download(`/api/attachments/${encodeURIComponent(ref)}`);
    }

    open(chat, token) {
      this.chat = chat;
      this.token = token;
      this.seq = null;
      this.stopped = false;
      this.connect();
    }

    stop() {
      this.stopped = true;
      clearTimeout(this.timer);
      this.unanswered.clear();
      if (this.socket) this.socket.close(1000, "chat finished");
      this.socket = null;
    }

    newCommandId() {
      return randomId("w-");
    }

    // Sends now if connected; otherwise on the next welcome. Resolves with the ack, rejects
    // with the core's refusal (code and sentence).
    command(type, fields, commandId = this.newCommandId()) {
      return new Promise((resolve, reject) => {
        const text = JSON.stringify({ type, command_id: commandId, chat: this.chat, ...fields });
        this.unanswered.set(commandId, { text, resolve, reject });
        if (this.socket?.readyState === WebSocket.OPEN && this.welcomed) this.socket.send(text);
      });
    }

    connect() {
      if (this.stopped) return;
      this.events.status(this.attempt === 0 ? "connecting" : "lost");
      const url = this.server.replace(/^http/, "ws") + "/ws";
      const socket = new WebSocket(url);
      this.socket = socket;
      this.welcomed = false;
      socket.onopen = () => {
        const hello = { type: "hello", protocol_version: 1, client: "parley-widget/0.1.0", token: this.token };
        if (this.seq !== null) hello.resume_from = this.seq;
        socket.send(JSON.stringify(hello));
      };
      socket.onmessage = (event) => this.receive(socket, event.data);
      socket.onclose = () => {
        if (socket !== this.socket || this.stopped) return;
        this.socket = null;
        const delay = RECONNECT_MS[Math.min(this.attempt, RECONNECT_MS.length - 1)];
        this.attempt += 1;
        this.events.status("lost");
        this.timer = setTimeout(() => this.connect(), delay);
      };
    }

    receive(socket, text) {
      let message;
      try {
        message = JSON.parse(text);
      } catch (_) {
        return;
      }
      if (message.type === "welcome") {
        this.welcomed = true;
        this.attempt = 0;
        this.events.status("open");
        for (const pending of this.unanswered.values()) socket.send(pending.text);
        return;
      }
      if (message.type === "error") {
        // The token ended or the protocol changed: retrying would be refused the same way.
        this.stopped = true;
        this.events.status("refused", message);
        return;
      }
      if (message.type === "ack" || message.type === "rejected") {
        const pending = this.unanswered.get(message.command_id);
        if (pending) {
          this.unanswered.delete(message.command_id);
          if (message.type === "ack") pending.resolve(message);
          else pending.reject(new ServerError(message.code, message.message, 0));
        }
      }
      if (typeof message.seq === "number" && message.type !== "ack") {
        this.seq = message.type === "sync" ? message.seq : Math.max(this.seq ?? 0, message.seq);
      }
      this.events.message(message);
    }
  }

  widget.Connection = Connection;
  widget.ServerError = ServerError;
})();
