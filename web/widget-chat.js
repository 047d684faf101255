// The customer's copy of their chat: the server's view of it (core::customer_view, protocol
// README "chat_view": status, messages, notices, what the customer may do now and why not) and
// what only this page knows, the messages sent that the view does not show yet. It decides
// nothing; the widget draws what the view says. No DOM here.
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});

  class ChatCopy {
    constructor(chatId) {
      this.id = chatId;
      // The latest view and the sequence number it came with; null until the first arrives.
      this.view = null;
      this.viewSeq = -1;
      // Sent by this page and not yet in the view: {command_id, text, attachments, state,
      // reason, seq}; `seq` once the server has answered with the event's number.
      this.pending = [];
      // The survey was sent from this page: thanks show before the view brings the rating.
      this.ratedHere = false;
    }

    // Takes a view from a sync (whole: `messagesFrom` 0, `commandId` null) or a chat_view
    // message, whose messages replace this copy's from index `messagesFrom` on. Returns what it
    // brought that the previous view did not: {notices, agentMessages}, for the screen reader.
    takeView(view, seq, commandId, messagesFrom) {
      if (view.chat !== this.id || seq < this.viewSeq) return { notices: [], agentMessages: [] };
      const before = this.view;
      const kept = (before?.messages || []).slice(0, messagesFrom);
      this.view = { ...view, messages: kept.concat(view.messages) };
      this.viewSeq = seq;
      this.pending = this.pending.filter((m) => m.command_id !== commandId && !(m.seq !== null && m.seq <= seq));
      if (!before) return { notices: [], agentMessages: [] };
      const known = new Set(before.messages.map((m) => m.id));
      return {
        notices: view.notices.slice(before.notices.length),
        agentMessages: this.view.messages.filter((m) => m.author.kind === "agent" && !known.has(m.id)),
      };
    }

    // The view's messages, then this page's own still on their way.
    messages() {
      return (this.view?.messages || []).concat(this.pending);
    }

    settledCount() {
      return this.view?.messages.length || 0;
    }

    notices() {
      return this.view?.notices || [];
    }

    // Whether the customer may take `action` now (a key of the view's actions); false until the
    // first view arrives.
    may(action) {
      return Boolean(this.view?.actions[action].allowed);
    }

    addPending(commandId, text, attachments) {
      this.pending.push({ pending: true, command_id: commandId, text, attachments, state: "sending", seq: null,
                          author: { kind: "customer" }, at: Date.now() });
    }

    // A sent message was answered with the seq of its event. A duplicate was posted before this
    // copy's view, which already holds it.
    settlePending(commandId, seq, duplicate) {
      const message = this.pending.find((m) => m.command_id === commandId);
      if (!message) return;
      if (duplicate || seq <= this.viewSeq) this.pending = this.pending.filter((m) => m !== message);
      else message.seq = seq;
    }

    failPending(commandId, reason) {
      const message = this.pending.find((m) => m.command_id === commandId);
      if (message) {
        message.state = "failed";
        message.reason = reason;
      }
    }

    // The newest agent message id, for delivered and read receipts.
    lastAgentMessageId() {
      let last = 0;
      for (const m of this.view?.messages || []) if (m.author.kind === "agent") last = Math.max(last, m.id);
      return last;
    }
  }

  widget.ChatCopy = ChatCopy;
})();
