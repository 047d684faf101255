// How the widget shows its state: the header, the queue box, the conversation with its
// notices, the files waiting to be sent and the launcher's unread count. Methods of the app
// (widget-app.js), kept apart so that file holds only behaviour.
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});
  const { show, messageItem, noticeItem, fileChip, element } = widget.view;

  widget.rendering = {
    render() {
      const ui = this.ui;
      const l = this.labels;
      const chat = this.chat;
      if (!chat) {
        ui.subtitle.textContent = l.subtitleForm;
        this.renderBadge();
        return;
      }
      const closed = !this.canWrite();
      const agent = chat.agentName(chat.assignee);
      ui.subtitle.textContent = closed ? l.subtitleClosed
        : chat.status === "active" && agent ? l.subtitleActive(agent) : l.subtitleQueued;
      show(ui.composer, !closed);
      if (closed) show(ui.endConfirm, false);
      show(ui.footer, !closed);
      show(ui.endChat, !closed && !chat.customerCancelled && ui.endConfirm.hidden);
      // A chat the customer gave up on before anyone answered has nobody to rate.
      show(ui.survey, closed && !chat.csat && chat.resolution?.outcome !== "cancelled_by_customer");
      show(ui.thanks, closed && Boolean(chat.csat));
      ui.thanks.tabIndex = -1;
      show(ui.newChat, closed);
      show(ui.ended, closed);
      const typingName = agent || l.someone;
      ui.typing.textContent = chat.agentTyping && !closed ? l.agentTyping(typingName) : "";
      show(ui.typing, chat.agentTyping && !closed);
      this.renderQueue();
      this.renderMessages();
      this.renderBadge();
    },

    renderQueue() {
      const ui = this.ui;
      const l = this.labels;
      const waiting = this.chat && this.chat.waiting();
      show(ui.queue, Boolean(waiting));
      if (!waiting) return;
      ui.queue.replaceChildren();
      // An offered chat has left the line: its last position would mislead.
      const p = this.chat.status === "queued" ? this.position : null;
      if (!p) {
        ui.queue.append(element("strong", {}, l.waitingForAgent));
        return;
      }
      ui.queue.append(element("strong", {}, p.position <= 1 ? l.queueNext : l.queuePosition(p.position, p.waiting)));
      const minutes = Math.max(1, Math.round(p.estimated_wait / 60000));
      ui.queue.append(element("span", {}, l.estimatedWait(l.minutes(minutes))));
    },

    renderMessages() {
      const chat = this.chat;
      const items = [];
      const settled = chat.messages.filter((m) => !m.pending).length;
      chat.messages.forEach((message, index) => {
        for (const notice of chat.notices) {
          if (notice.before === index && index < settled) items.push(noticeItem(this.noticeText([notice.key, ...notice.args])));
        }
        items.push(messageItem(message, chat, this.labels, this.config.lang, (file) => this.openFile(file)));
      });
      for (const notice of chat.notices) {
        if (notice.before >= settled) items.push(noticeItem(this.noticeText([notice.key, ...notice.args])));
      }
      const atEnd = this.ui.scroller.scrollHeight - this.ui.scroller.scrollTop - this.ui.scroller.clientHeight < 40;
      this.ui.messages.replaceChildren(...items);
      if (atEnd) this.scrollToEnd();
    },

    renderFiles() {
      const ui = this.ui;
      ui.files.replaceChildren(...this.files.map((file) => fileChip(
        file.name, file.id ? "" : this.labels.uploading(file.name), this.labels.removeFile(file.name), () => {
          this.files = this.files.filter((f) => f !== file);
          this.renderFiles();
          ui.text.focus();
        })));
      show(ui.files, this.files.length > 0);
    },

    renderBadge() {
      const unread = this.chat && !this.isOpen()
        ? this.chat.messages.filter((m) => m.author.kind === "agent" && m.id > this.readUpTo).length : 0;
      this.ui.badge.textContent = String(unread);
      show(this.ui.badge, unread > 0);
      this.ui.launcher.setAttribute("aria-label", unread > 0 ? this.labels.launcherUnread(unread) : this.labels.launcher);
    },
  };
})();
