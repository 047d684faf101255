// How the widget shows its state: the header, the queue box, the conversation with its
// notices, the files waiting to be sent and the launcher's unread count. Methods of the app
// (widget-app.js), kept apart so that file holds only behaviour.
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});
  const { show, messageItem, noticeItem, fileChip, element } = widget.view;

  // The header's line for each status the view names.
  const SUBTITLES = {
    waiting: (l) => l.subtitleQueued,
    transferring: (l) => l.subtitleQueued,
    with_agent: (l, agent) => l.subtitleActive(agent),
    ended: (l) => l.subtitleClosed,
  };

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
      const view = chat.view;
      ui.subtitle.textContent = view ? SUBTITLES[view.status](l, view.agent) : l.subtitleQueued;
      show(ui.transcript, chat.may("download_transcript"));
      show(ui.composer, chat.may("write"));
      show(ui.attach, chat.may("attach"));
      if (!chat.may("end_chat")) show(ui.endConfirm, false);
      const ended = Boolean(view?.ended);
      show(ui.footer, Boolean(view) && !ended);
      show(ui.endChat, chat.may("end_chat") && ui.endConfirm.hidden);
      show(ui.survey, chat.may("rate") && !chat.ratedHere);
      show(ui.thanks, ended && (Boolean(view.csat) || Boolean(chat.ratedHere)));
      ui.thanks.tabIndex = -1;
      show(ui.newChat, ended);
      show(ui.ended, ended);
      const typing = Boolean(view?.agent_typing);
      ui.typing.textContent = typing ? l.agentTyping(view.agent || l.someone) : "";
      show(ui.typing, typing);
      this.renderQueue();
      this.renderMessages();
      this.renderBadge();
    },

    renderQueue() {
      const ui = this.ui;
      const l = this.labels;
      const waiting = Boolean(this.chat?.view?.waiting);
      show(ui.queue, waiting);
      if (!waiting) return;
      ui.queue.replaceChildren();
      const p = this.position;
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
      const settled = chat.settledCount();
      chat.messages().forEach((message, index) => {
        for (const notice of chat.notices()) {
          if (notice.before === index && index < settled) items.push(noticeItem(this.noticeText(notice)));
        }
        items.push(messageItem(message, this.labels, this.config.lang, (file) => this.openFile(file)));
      });
      for (const notice of chat.notices()) {
        if (notice.before >= settled) items.push(noticeItem(this.noticeText(notice)));
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
        ? this.chat.messages().filter((m) => m.author.kind === "agent" && m.id > this.readUpTo).length : 0;
      this.ui.badge.textContent = String(unread);
      show(this.ui.badge, unread > 0);
      this.ui.launcher.setAttribute("aria-label", unread > 0 ? this.labels.launcherUnread(unread) : this.labels.launcher);
    },
  };
})();
