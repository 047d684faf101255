// The widget's behaviour: the pre-chat form, the conversation over the WebSocket (receipts,
// typing, files, End chat), the survey and the transcript after the close, and the chat kept
// across page loads (the chat id and its token in localStorage). What the customer may do and
// when is the server's view of the chat (widget-chat.js); nothing here decides it.
//
// [SECTION] Keeping the chat across page loads
// [SECTION] Wiring
// [SECTION] Opening and closing the panel
// [SECTION] The pre-chat form
// [SECTION] The conversation (its rendering is in widget-render.js)
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});
  const { show, problem, element } = widget.view;

  const TYPING_IDLE_MS = 3000;
  // The label of each notice the view names, and the notice's field it takes.
  const NOTICE_LABELS = {
    agent_joined: ["agentJoined", "agent"],
    transferring: ["transferring"],
    back_in_queue: ["backInQueue"],
    moved_to_queue: ["transferredToQueue", "queue"],
    released: ["released", "agent"],
    you_cancelled: ["youCancelled"],
    closed: ["closed"],
    closed_cancelled: ["closedCancelled"],
    closed_not_responding: ["closedNotResponding"],
  };
  const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

  class App {
    constructor(config, stylesheet) {
      this.config = config;
      this.labels = widget.labelsFor(config.lang);
      this.storageKey = "parley-widget:" + config.server;
      const host = document.createElement("div");
      host.className = "parley-widget-host";
      document.body.append(host);
      this.ui = widget.view.build(host, this.labels, config, stylesheet);
      this.link = new widget.Connection(config.server, {
        message: (message) => this.receive(message),
        status: (status, detail) => this.linkStatus(status, detail),
      });
      this.chat = null;
      this.position = null;
      this.files = [];
      this.sendAfterUpload = false;
      this.typingSent = false;
      this.typingTimer = null;
      // The panel opened or the chat began before there was anything to focus.
      this.focusWanted = false;
      this.deliveredUpTo = 0;
      this.readUpTo = 0;
      this.wire();
      const saved = this.saved();
      if (saved) this.resume(saved);
    }

    // [SECTION] Keeping the chat across page loads

    saved() {
      try {
        const value = JSON.parse(localStorage.getItem(this.storageKey) || "null");
        return value && value.chat && value.token ? value : null;
      } catch (_) {
        return null;
      }
    }

    remember(fields) {
      const value = { ...(this.saved() || {}), ...fields };
      try {
        localStorage.setItem(this.storageKey, JSON.stringify(value));
      } catch (_) {
        // Private modes may refuse storage: the chat then simply ends with the page.
      }
    }

    forget() {
      try {
        localStorage.removeItem(this.storageKey);
      } catch (_) {
        // Nothing was stored.
      }
    }

    resume(saved) {
      this.beginConversation(saved.chat, saved.token);
      if (saved.open) this.open();
    }

    // [SECTION] Wiring

    wire() {
      const ui = this.ui;
      ui.launcher.addEventListener("click", () => (ui.panel.hidden ? this.open() : this.minimise()));
      ui.minimise.addEventListener("click", () => this.minimise());
      ui.panel.addEventListener("keydown", (event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          this.minimise();
        }
      });
      ui.form.addEventListener("submit", (event) => {
        event.preventDefault();
        this.startChat();
      });
      ui.composer.addEventListener("submit", (event) => {
        event.preventDefault();
        this.sendMessage();
      });
      ui.text.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.sendMessage();
        }
      });
      ui.text.addEventListener("input", () => {
        this.fitComposer();
        this.typing(ui.text.value.trim() !== "");
      });
      ui.attach.addEventListener("click", () => ui.fileInput.click());
      ui.fileInput.addEventListener("change", () => {
        for (const file of ui.fileInput.files) this.upload(file);
        ui.fileInput.value = "";
      });
      ui.endChat.addEventListener("click", () => {
        show(ui.endChat, false);
        show(ui.endConfirm, true);
        ui.endNo.focus();
      });
      ui.endNo.addEventListener("click", () => this.closeEndConfirm(true));
      ui.endYes.addEventListener("click", () => this.endChat());
      ui.survey.addEventListener("submit", (event) => {
        event.preventDefault();
        this.submitSurvey();
      });
      ui.transcript.addEventListener("click", () => this.downloadTranscript());
      ui.newChat.addEventListener("click", () => this.startOver());
      document.addEventListener("visibilitychange", () => this.markRead());
    }

    // [SECTION] Opening and closing the panel

    open() {
      show(this.ui.panel, true);
      this.ui.launcher.setAttribute("aria-expanded", "true");
      this.ui.frame.classList.add("pw-open");
      this.remember({ open: true });
      this.focusFirst();
      this.scrollToEnd();
      this.markRead();
      this.renderBadge();
    }

    minimise() {
      show(this.ui.panel, false);
      this.ui.launcher.setAttribute("aria-expanded", "false");
      this.ui.frame.classList.remove("pw-open");
      this.remember({ open: false });
      this.ui.launcher.focus();
    }

    isOpen() {
      return !this.ui.panel.hidden;
    }

    focusFirst() {
      const ui = this.ui;
      this.focusWanted = false;
      if (!this.chat) ui.name.control.focus();
      else if (!ui.composer.hidden) ui.text.focus();
      else if (!ui.survey.hidden) ui.scores[0].focus();
      else if (!ui.newChat.hidden) ui.newChat.focus();
      else this.focusWanted = true;
    }

    // [SECTION] The pre-chat form

    validate() {
      const ui = this.ui;
      const l = this.labels;
      const checks = [
        [ui.name, ui.name.control.value.trim() ? "" : l.required(l.fieldName)],
        [ui.email, EMAIL.test(ui.email.control.value.trim()) ? "" : l.badEmail],
        [ui.question, ui.question.control.value.trim() ? "" : l.required(l.fieldQuestion)],
      ];
      let first = null;
      for (const [field, message] of checks) {
        problem(field.error, message);
        field.control.setAttribute("aria-invalid", message ? "true" : "false");
        if (message && !first) first = field.control;
      }
      return first;
    }

    async startChat() {
      const ui = this.ui;
      problem(ui.formProblem, "");
      const invalid = this.validate();
      if (invalid) {
        invalid.focus();
        return;
      }
      ui.start.disabled = true;
      ui.start.textContent = this.labels.starting;
      try {
        const details = { name: ui.name.control.value.trim(), email: ui.email.control.value.trim(),
                          question: ui.question.control.value.trim() };
        if (this.config.queue) details.queue = this.config.queue;
        if (this.config.topic) details.topic = this.config.topic;
        const wantsTranscript = ui.wantsTranscript.checked;
        const started = await this.link.startChat(details);
        this.remember({ chat: started.chat, token: started.token, open: true });
        ui.form.reset();
        this.beginConversation(started.chat, started.token);
        if (wantsTranscript) this.requestTranscript(details.email);
        this.focusFirst();
      } catch (error) {
        problem(ui.formProblem, this.sentenceFor(error));
      } finally {
        ui.start.disabled = false;
        ui.start.textContent = this.labels.start;
      }
    }

    // [SECTION] The conversation (its rendering is in widget-render.js)

    beginConversation(chatId, token) {
      this.chat = new widget.ChatCopy(chatId);
      this.position = null;
      this.deliveredUpTo = 0;
      this.readUpTo = 0;
      show(this.ui.form, false);
      show(this.ui.conversation, true);
      this.link.open(chatId, token);
      this.render();
    }

    receive(message) {
      const chat = this.chat;
      if (!chat) return;
      switch (message.type) {
        case "sync":
          for (const view of message.chat_views || []) this.takeView(view, message.seq, null, 0);
          this.render();
          this.readUpTo = Math.max(this.readUpTo, this.agentMessagesIn("read"));
          this.deliveredUpTo = Math.max(this.deliveredUpTo, this.readUpTo, this.agentMessagesIn("delivered"));
          this.acknowledgeMessages();
          break;
        case "chat_view":
          this.takeView(message.view, message.seq, message.command_id ?? null, message.messages_from);
          break;
        case "queue_position":
          if (message.chat === chat.id) {
            this.position = message;
            this.renderQueue();
          }
          break;
        default:
          break;
      }
    }

    takeView(view, seq, commandId, messagesFrom) {
      const wasEnded = Boolean(this.chat.view?.ended);
      const news = this.chat.takeView(view, seq, commandId, messagesFrom);
      for (const notice of news.notices) this.announce(this.noticeText(notice));
      for (const message of news.agentMessages) {
        this.announce(this.labels.newMessageFrom(message.author.id || this.labels.someone, message.text));
      }
      this.render();
      if (news.agentMessages.length) this.acknowledgeMessages();
      if (this.focusWanted && this.isOpen()) this.focusFirst();
      if (this.chat.view?.ended && !wasEnded) {
        requestAnimationFrame(() => {
          this.scrollToEnd();
          // When the composer that had the focus is gone, the survey (or a new chat) takes it.
          const active = this.ui.root.activeElement;
          if (this.isOpen() && (!active || active.closest("[hidden]"))) this.focusFirst();
        });
      }
    }

    // The highest agent message id the server already holds as `state` or beyond: receipts
    // this copy need not send again.
    agentMessagesIn(state) {
      let upTo = 0;
      for (const m of this.chat.messages()) {
        if (m.author.kind === "agent" && (m.state === state || m.state === "read")) upTo = Math.max(upTo, m.id);
      }
      return upTo;
    }

    // Delivered as soon as the agent's message is here; read once the customer can see it.
    acknowledgeMessages() {
      const last = this.chat.lastAgentMessageId();
      if (last > this.deliveredUpTo && !this.isOpenAndVisible()) {
        this.deliveredUpTo = last;
        this.link.command("mark_delivered", { up_to: last }).catch(() => {});
      }
      this.markRead();
    }

    isOpenAndVisible() {
      return this.isOpen() && document.visibilityState === "visible";
    }

    markRead() {
      if (!this.chat || !this.isOpenAndVisible()) return;
      const last = this.chat.lastAgentMessageId();
      if (last > this.readUpTo) {
        this.readUpTo = last;
        this.deliveredUpTo = Math.max(this.deliveredUpTo, last);
        this.link.command("mark_read", { up_to: last }).catch(() => {});
      }
      this.renderBadge();
    }

    typing(now) {
      clearTimeout(this.typingTimer);
      if (now) this.typingTimer = setTimeout(() => this.typing(false), TYPING_IDLE_MS);
      if (now === this.typingSent || !this.canWrite()) return;
      this.typingSent = now;
      this.link.command("set_typing", { typing: now }).catch(() => {});
    }

    canWrite() {
      return Boolean(this.chat?.may("write"));
    }

    sendMessage() {
      const ui = this.ui;
      const text = ui.text.value.trim();
      const ready = this.files.filter((f) => f.id);
      if ((!text && ready.length === 0) || !this.canWrite()) return;
      if (this.files.some((f) => !f.id)) {
        // Sent as soon as the last file is up, so Enter during an upload is not lost.
        this.sendAfterUpload = true;
        return;
      }
      problem(ui.composerProblem, "");
      const commandId = this.link.newCommandId();
      this.chat.addPending(commandId, text, ready.map((f) => f.attachment));
      ui.text.value = "";
      this.fitComposer();
      this.files = [];
      this.renderFiles();
      this.typing(false);
      const sent = ready.length
        ? this.link.postWithFiles(commandId, text, ready.map((f) => f.id))
        : this.link.command("post_customer_message", { text, attachments: [] }, commandId);
      sent.then((answer) => {
        this.chat.settlePending(commandId, answer.seq, answer.duplicate);
        this.renderMessages();
      }, (error) => {
        this.chat.failPending(commandId, error.message);
        this.renderMessages();
      });
      this.renderMessages();
      this.scrollToEnd();
    }

    async upload(file) {
      const entry = { name: file.name, id: null, attachment: null };
      this.files.push(entry);
      problem(this.ui.composerProblem, "");
      this.renderFiles();
      try {
        const stored = await this.link.upload(file);
        entry.id = stored.id;
        entry.attachment = { name: stored.name, content_type: stored.content_type, size_bytes: stored.size, ref: stored.id };
      } catch (error) {
        this.files = this.files.filter((f) => f !== entry);
        this.sendAfterUpload = false;
        problem(this.ui.composerProblem, this.sentenceFor(error));
      }
      this.renderFiles();
      if (this.sendAfterUpload && this.files.every((f) => f.id)) {
        this.sendAfterUpload = false;
        this.sendMessage();
      }
    }

    // The server's own sentence when it answered; when it could not be reached (offline, or a
    // site whose origin the server does not allow) fetch throws a bare TypeError instead.
    sentenceFor(error) {
      if (typeof error?.code !== "string") return this.labels.unreachable;
      return error.message || this.labels.failed;
    }

    closeEndConfirm(focus) {
      show(this.ui.endConfirm, false);
      show(this.ui.endChat, this.chat.may("end_chat"));
      if (focus) this.ui.endChat.focus();
    }

    // The core decides whether the customer may end the chat now; its refusal is shown as is.
    async endChat() {
      problem(this.ui.endProblem, "");
      try {
        await this.link.command("customer_cancel_chat", {});
        this.closeEndConfirm(false);
        this.focusFirst();
      } catch (error) {
        this.closeEndConfirm(true);
        problem(this.ui.endProblem, this.sentenceFor(error));
      }
    }

    // Sent once the socket is welcomed; the core checks the address and that the chat is ours.
    async requestTranscript(address) {
      try {
        await this.link.command("request_transcript", { address });
      } catch (error) {
        problem(this.ui.composerProblem, this.sentenceFor(error));
      }
    }

    async submitSurvey() {
      const ui = this.ui;
      const picked = ui.scores.find((radio) => radio.checked);
      if (!picked) {
        problem(ui.surveyProblem, this.labels.surveyPick);
        ui.scores[0].focus();
        return;
      }
      problem(ui.surveyProblem, "");
      ui.surveySubmit.disabled = true;
      try {
        await this.link.command("submit_csat", { score: Number(picked.value), comment: ui.comment.control.value.trim() });
        this.chat.ratedHere = true;
        this.render();
        ui.thanks.focus();
      } catch (error) {
        problem(ui.surveyProblem, this.sentenceFor(error));
      } finally {
        ui.surveySubmit.disabled = false;
      }
    }

    async downloadTranscript() {
      try {
        this.save(await this.link.transcript(), `chat-transcript-${this.chat.id}.txt`);
      } catch (_) {
        this.announce(this.labels.transcriptFailed);
      }
    }

    async openFile(file) {
      try {
        this.save(await this.link.attachment(file.ref), file.name);
      } catch (_) {
        this.announce(this.labels.failed);
      }
    }

    // Hands a downloaded file to the browser's own download, under the file's name.
    save(blob, name) {
      const url = URL.createObjectURL(blob);
      const anchor = element("a", { href: url, download: name, hidden: true });
      this.ui.root.append(anchor);
      anchor.click();
      anchor.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    }

    startOver() {
      this.link.stop();
      this.forget();
      this.chat = null;
      this.position = null;
      this.files = [];
      show(this.ui.conversation, false);
      show(this.ui.transcript, false);
      show(this.ui.connection, false);
      show(this.ui.form, true);
      this.ui.survey.reset();
      this.remember({ open: true });
      this.render();
      this.focusFirst();
    }

    linkStatus(status, detail) {
      const ui = this.ui;
      if (status === "refused") {
        // The stored token no longer opens the chat (expired): start afresh.
        this.startOver();
        problem(ui.formProblem, detail?.message || "");
        return;
      }
      const text = status === "lost" ? this.labels.reconnecting : status === "connecting" ? this.labels.connecting : "";
      ui.connection.textContent = text;
      show(ui.connection, Boolean(text));
    }

    announce(text) {
      const line = element("p", {}, text);
      this.ui.live.append(line);
      while (this.ui.live.childElementCount > 3) this.ui.live.firstElementChild.remove();
    }

    noticeText(notice) {
      const [key, argument] = NOTICE_LABELS[notice.kind];
      const label = this.labels[key];
      return typeof label === "function" ? label(notice[argument]) : label;
    }

    fitComposer() {
      const text = this.ui.text;
      text.style.height = "auto";
      text.style.height = Math.min(text.scrollHeight, 120) + "px";
    }

    scrollToEnd() {
      this.ui.scroller.scrollTop = this.ui.scroller.scrollHeight;
    }
  }

  Object.assign(App.prototype, widget.rendering);

  widget.start = (config, stylesheet) => {
    widget.app = new App(config, stylesheet);
    return widget.app;
  };
})();
