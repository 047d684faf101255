// The customer's copy of their chat, folded from the server's sync, chat and event messages
// (protocol README, "Session"), and the notices each change deserves. No DOM here.
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});

  const STATE_RANK = { sending: 0, sent: 1, delivered: 2, read: 3 };

  class ChatCopy {
    constructor(chatId) {
      this.id = chatId;
      this.status = "queued";
      this.assignee = null;
      this.messages = [];
      this.queueNames = new Map();
      this.csat = null;
      this.resolution = null;
      this.customerCancelled = false;
      this.agentTyping = false;
      // [{before, key, args}]: shown before the message at index `before`.
      this.notices = [];
      // Sequence numbers of the messages posted while connected, to settle messages sent over
      // REST (whose answer names the seq, not the command id) in whichever order both arrive.
      this.postedSeqs = new Set();
    }

    // The server names staff to customers by display name (never by account id).
    agentName(name) {
      return name || null;
    }

    replaceChat(chat) {
      this.status = chat.status;
      this.assignee = chat.assignee ?? null;
      this.csat = chat.csat ?? null;
      this.resolution = chat.resolution ?? null;
      this.customerCancelled = Boolean(chat.customer_cancelled);
      const pending = this.messages.filter((m) => m.pending);
      this.messages = (chat.messages || []).map((m) => ({ ...m }));
      this.messages.push(...pending);
      this.notices = [];
      for (const activity of chat.activity || []) {
        const notice = activityNotice(activity, this.queueNames);
        if (notice) this.notices.push({ before: activity.messages_before, key: notice[0], args: notice.slice(1) });
      }
      const end = (chat.messages || []).length;
      if (this.customerCancelled) this.notices.push({ before: end, key: "youCancelled", args: [] });
      if (this.status === "closed" || this.status === "archived") {
        this.notices.push({ before: end, key: closedNotice(this.resolution?.outcome), args: [] });
      }
    }

    // Records a live change's notice where it happened: after the messages so far.
    notice(key, ...args) {
      const before = this.messages.filter((m) => !m.pending).length;
      this.notices.push({ before, key, args });
      return [key, ...args];
    }

    applySync(snapshot) {
      for (const queue of listOf(snapshot.queues)) {
        this.queueNames.set(queue.id, queue.config?.name || String(queue.id));
      }
      const chat = listOf(snapshot.chats).find((c) => c.id === this.id);
      if (chat) this.replaceChat(chat);
    }

    // Applies one event (brought by message `seq`); returns what changed for the customer:
    // {notice, message, typing, receipts, closed, csat}.
    applyEvent(envelope, seq) {
      const e = envelope;
      if (e.chat !== this.id) return {};
      switch (e.type) {
        case "message_posted": {
          const message = { id: e.message, author: e.author, text: e.text, attachments: e.attachments || [],
                            state: "sent", at: e.at, command_id: e.command_id };
          this.postedSeqs.add(seq);
          const pending = this.messages.findIndex((m) => m.pending &&
                                                  (m.command_id === e.command_id || m.seq === seq));
          if (pending >= 0) this.messages.splice(pending, 1);
          if (!this.messages.some((m) => !m.pending && m.id === message.id)) {
            const firstPending = this.messages.findIndex((m) => m.pending);
            this.messages.splice(firstPending < 0 ? this.messages.length : firstPending, 0, message);
          }
          if (e.author.kind === "agent") this.agentTyping = false;
          return { message };
        }
        case "typing_changed":
          if (e.side === "staff") this.agentTyping = e.typing;
          return { typing: true };
        case "messages_delivered":
        case "messages_read":
          this.raiseStates(e.reader === "staff" ? "customer" : "agent", e.up_to,
                           e.type === "messages_read" ? "read" : "delivered");
          return { receipts: true };
        case "chat_assigned": {
          this.status = "active";
          this.assignee = e.agent;
          return { notice: this.notice("agentJoined", e.agent) };
        }
        case "transfer_requested":
          this.status = "pending_transfer";
          return { notice: this.notice("transferring") };
        case "transfer_declined":
          this.status = "queued";
          this.assignee = null;
          return { notice: this.notice("backInQueue") };
        case "chat_moved_to_queue":
          this.status = "queued";
          this.assignee = null;
          return { notice: this.notice("transferredToQueue", this.queueNames.get(e.to) || String(e.to)) };
        case "chat_released":
          this.status = "queued";
          this.assignee = null;
          this.agentTyping = false;
          return { notice: this.notice("released", e.agent) };
        case "customer_cancelled":
          this.customerCancelled = true;
          return { notice: this.notice("youCancelled") };
        case "chat_closed":
          this.status = "closed";
          this.assignee = null;
          this.agentTyping = false;
          this.resolution = { outcome: e.outcome };
          return { notice: this.notice(closedNotice(e.outcome)), closed: true };
        case "csat_submitted":
          this.csat = { score: e.score, comment: e.comment, at: e.at };
          return { csat: true };
        default:
          return {};
      }
    }

    // The messages by `authorKind` up to `upTo` reached `state` on the other side.
    raiseStates(authorKind, upTo, state) {
      for (const message of this.messages) {
        if (!message.pending && message.author.kind === authorKind && message.id <= upTo &&
            STATE_RANK[state] > STATE_RANK[message.state]) {
          message.state = state;
        }
      }
    }

    addPending(commandId, text, attachments) {
      this.messages.push({ pending: true, command_id: commandId, text, attachments, state: "sending",
                           author: { kind: "customer" }, at: Date.now() });
    }

    // A sent message was answered with the seq of its event. A duplicate was posted before
    // this copy's sync, which already holds it.
    settlePending(commandId, seq, duplicate) {
      const index = this.messages.findIndex((m) => m.pending && m.command_id === commandId);
      if (index < 0) return;
      if (duplicate || this.postedSeqs.has(seq)) this.messages.splice(index, 1);
      else this.messages[index].seq = seq;
    }

    failPending(commandId, reason) {
      const message = this.messages.find((m) => m.pending && m.command_id === commandId);
      if (message) {
        message.state = "failed";
        message.reason = reason;
      }
    }

    // The newest agent message id, for delivered and read receipts.
    lastAgentMessageId() {
      let last = 0;
      for (const m of this.messages) if (!m.pending && m.author.kind === "agent") last = Math.max(last, m.id);
      return last;
    }

    waiting() {
      return this.status === "queued" || this.status === "offered";
    }
  }

  // The hand-overs a customer's copy keeps (core::chat_for), as notices.
  function activityNotice(activity, queueNames) {
    switch (activity.kind) {
      case "assigned": return ["agentJoined", activity.agent];
      case "transfer_requested": return ["transferring"];
      case "transfer_declined": return ["backInQueue"];
      case "moved_to_queue": return ["transferredToQueue", queueNames.get(activity.queue) || String(activity.queue)];
      case "released": return ["released", activity.agent];
      default: return null;
    }
  }

  function closedNotice(outcome) {
    if (outcome === "cancelled_by_customer") return "closedCancelled";
    if (outcome === "not_responding") return "closedNotResponding";
    return "closed";
  }

  // Snapshot collections travel as arrays or as objects keyed by id.
  function listOf(collection) {
    if (!collection) return [];
    return Array.isArray(collection) ? collection : Object.values(collection);
  }

  widget.ChatCopy = ChatCopy;
})();
