// The widget's DOM: built once inside a shadow root (the host page's styles cannot reach in,
// ours cannot leak out) and updated by the render functions below. Text from the server is
// always set with textContent, never parsed as HTML.
(function () {
  "use strict";
  const widget = (window.ParleyWidget = window.ParleyWidget || {});

  // element("button", {class: "x", type: "button"}, child, "text") → a new element.
  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";
  function icon(path) {
    const svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const shape = document.createElementNS(SVG_NS, "path");
    shape.setAttribute("d", path);
    svg.append(shape);
    return svg;
  }
  const ICONS = {
    chat: "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
    close: "M6 6l12 12M18 6L6 18",
    download: "M12 4v11m0 0l-4.5-4.5M12 15l4.5-4.5M5 19h14",
    attach: "M16.5 7.5l-7.8 7.8a2.2 2.2 0 0 0 3.1 3.1l8-8a4 4 0 0 0-5.7-5.7l-8.2 8.2a5.8 5.8 0 0 0 8.2 8.2l6.4-6.4",
    send: "M4 12l16-8-6 16-2.5-6.5z",
  };

  function field(id, label, control, hint) {
    const error = element("p", { class: "pw-error", id: id + "-error", hidden: true });
    control.id = id;
    control.setAttribute("aria-describedby", error.id);
    return { wrap: element("div", { class: "pw-field" }, element("label", { for: id }, label), control, hint || "", error),
             control, error };
  }

  function formatSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  }

  function formatTime(at, lang) {
    return new Date(at).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  // Builds the whole widget under `host`; returns the named parts the app drives.
  function build(host, labels, config, stylesheet) {
    const root = host.attachShadow({ mode: "open" });
    root.append(element("link", { rel: "stylesheet", href: stylesheet }));
    const frame = element("div", { class: "pw", lang: config.lang });
    if (config.color) frame.style.setProperty("--pw-accent", config.color);
    if (config.textColor) frame.style.setProperty("--pw-on-accent", config.textColor);

    const badge = element("span", { class: "pw-badge", hidden: true, "aria-hidden": "true" });
    const launcherText = element("span", { class: "pw-launcher-text" }, labels.launcher);
    const launcher = element("button", { class: "pw-launcher", type: "button", "aria-expanded": "false",
                                         "aria-controls": "pw-panel" },
                             icon(ICONS.chat), launcherText, badge);

    const title = element("h2", { id: "pw-title", class: "pw-title" }, config.title || labels.title);
    const subtitle = element("p", { class: "pw-subtitle" }, labels.subtitleForm);
    const transcript = element("button", { class: "pw-icon", type: "button", "aria-label": labels.transcript,
                                           title: labels.transcript, hidden: true }, icon(ICONS.download));
    const minimise = element("button", { class: "pw-icon", type: "button", "aria-label": labels.close,
                                         title: labels.close }, icon(ICONS.close));
    const header = element("header", { class: "pw-header" },
                           element("div", { class: "pw-heading" }, title, subtitle),
                           element("div", { class: "pw-header-actions" }, transcript, minimise));
    const connection = element("p", { class: "pw-connection", role: "status", hidden: true });

    const name = field("pw-name", labels.name, element("input", { type: "text", autocomplete: "name", required: true }));
    const email = field("pw-email", labels.email, element("input", { type: "email", autocomplete: "email", required: true }));
    const question = field("pw-question", labels.question, element("textarea", { rows: "4", required: true }));
    const wantsTranscript = element("input", { type: "checkbox", id: "pw-wants-transcript" });
    const transcriptChoice = element("label", { class: "pw-check", for: "pw-wants-transcript" },
                                     wantsTranscript, labels.wantsTranscript);
    const formProblem = element("p", { class: "pw-problem", role: "alert", hidden: true });
    const start = element("button", { class: "pw-primary", type: "submit" }, labels.start);
    const form = element("form", { class: "pw-form", novalidate: true, "aria-labelledby": "pw-title" },
                         name.wrap, email.wrap, transcriptChoice, question.wrap, formProblem, start);

    const queue = element("div", { class: "pw-queue", role: "status", hidden: true });
    const messages = element("ol", { class: "pw-messages" });
    const scroller = element("div", { class: "pw-scroller", tabindex: "0", role: "region",
                                      "aria-label": labels.messages }, messages);
    const typing = element("p", { class: "pw-typing", hidden: true });

    const fileInput = element("input", { type: "file", class: "pw-file", tabindex: "-1", "aria-hidden": "true",
                                         accept: "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain" });
    const attach = element("button", { class: "pw-icon pw-attach", type: "button", "aria-label": labels.attach,
                                       title: labels.attach }, icon(ICONS.attach));
    const text = element("textarea", { id: "pw-text", rows: "1", "aria-label": labels.messageLabel,
                                       placeholder: labels.messageLabel });
    const send = element("button", { class: "pw-send", type: "submit", "aria-label": labels.send, title: labels.send },
                         icon(ICONS.send));
    const files = element("ul", { class: "pw-files", hidden: true });
    const composerProblem = element("p", { class: "pw-problem", role: "alert", hidden: true });
    const composer = element("form", { class: "pw-composer" }, files, composerProblem,
                             element("div", { class: "pw-compose-row" }, attach, text, send), fileInput);

    const endChat = element("button", { class: "pw-link", type: "button" }, labels.endChat);
    const endYes = element("button", { class: "pw-danger", type: "button" }, labels.endYes);
    const endNo = element("button", { class: "pw-secondary", type: "button" }, labels.endNo);
    const endConfirm = element("div", { class: "pw-confirm", hidden: true, role: "group", "aria-label": labels.endConfirm },
                               element("span", {}, labels.endConfirm), endYes, endNo);
    const endProblem = element("p", { class: "pw-problem", role: "alert", hidden: true });
    const footer = element("div", { class: "pw-footer" }, endChat, endConfirm, endProblem);

    const scores = [];
    const scoreRow = element("div", { class: "pw-scores" });
    for (let n = 1; n <= 5; n++) {
      const radio = element("input", { type: "radio", name: "pw-score", value: String(n), id: `pw-score-${n}` });
      scores.push(radio);
      scoreRow.append(element("span", { class: "pw-score" }, radio,
                              element("label", { for: radio.id, title: labels.surveyScore(n) },
                                      element("span", { "aria-hidden": "true" }, String(n)),
                                      element("span", { class: "pw-sr-only" }, labels.surveyScore(n)))));
    }
    const comment = field("pw-comment", labels.surveyComment, element("textarea", { rows: "3" }));
    const surveyProblem = element("p", { class: "pw-problem", role: "alert", hidden: true });
    const surveySubmit = element("button", { class: "pw-primary", type: "submit" }, labels.surveySubmit);
    const survey = element("form", { class: "pw-survey", hidden: true, "aria-labelledby": "pw-survey-title" },
                           element("h3", { id: "pw-survey-title" }, labels.surveyTitle),
                           element("fieldset", {}, element("legend", { class: "pw-sr-only" }, labels.surveyScoreGroup),
                                   scoreRow,
                                   element("p", { class: "pw-scale", "aria-hidden": "true" },
                                           element("span", {}, labels.surveyLow), element("span", {}, labels.surveyHigh))),
                           comment.wrap, surveyProblem, surveySubmit);
    const thanks = element("p", { class: "pw-thanks", role: "status", hidden: true }, labels.surveyThanks);
    const newChat = element("button", { class: "pw-secondary", type: "button", hidden: true }, labels.newChat);
    // After the close the survey follows the last message, in the same scrolling column.
    const ended = element("div", { class: "pw-ended" }, survey, thanks, newChat);
    scroller.append(ended);

    const conversation = element("div", { class: "pw-conversation", hidden: true },
                                 queue, scroller, typing, composer, footer);
    const live = element("div", { class: "pw-live pw-sr-only", "aria-live": "polite", "aria-atomic": "false" });
    const panel = element("section", { id: "pw-panel", class: "pw-panel", role: "dialog",
                                       "aria-labelledby": "pw-title", hidden: true },
                          header, connection, form, conversation, live);
    frame.append(panel, launcher);
    root.append(frame);
    return {
      root, frame, launcher, launcherText, badge, panel, subtitle, transcript, minimise, connection,
      form, name, email, question, wantsTranscript, formProblem, start,
      conversation, queue, scroller, messages, typing,
      composer, files, composerProblem, attach, fileInput, text, send,
      footer, endChat, endConfirm, endYes, endNo, endProblem,
      ended, survey, scores, comment, surveyProblem, surveySubmit, thanks, newChat, live,
    };
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  function problem(node, text) {
    node.textContent = text || "";
    node.hidden = !text;
  }

  // One message as a list item: author, text, files, time and (for the customer's own) state.
  function messageItem(message, labels, lang, onFile) {
    const kind = message.author.kind;
    // The server's own notices (the close, a reminder) read like the widget's notices; a bot
    // integration is "Bot", as in the console and the transcript (core/transcript.h).
    if (kind === "system") return noticeItem(message.text);
    const who = kind === "customer" ? labels.you
      : kind === "agent" ? message.author.id || labels.someone : labels.bot;
    const item = element("li", { class: `pw-message pw-from-${kind === "customer" ? "me" : kind}`,
                                 "data-state": message.state });
    if (kind !== "customer") item.append(element("span", { class: "pw-author" }, who));
    else item.append(element("span", { class: "pw-sr-only" }, who + ": "));
    if (message.text) item.append(element("p", { class: "pw-text" }, message.text));
    for (const file of message.attachments || []) {
      const button = element("button", { class: "pw-file-link", type: "button" },
                             icon(ICONS.attach), labels.attachment(file.name, formatSize(file.size_bytes || 0)));
      if (file.ref) button.addEventListener("click", () => onFile(file));
      item.append(button);
    }
    const meta = element("span", { class: "pw-meta" }, formatTime(message.at, lang));
    if (kind === "customer") {
      const stateLabel = { sending: labels.stateSending, sent: labels.stateSent, delivered: labels.stateDelivered,
                           read: labels.stateRead, failed: labels.stateFailed }[message.state];
      meta.append(" · ", element("span", { class: "pw-state" }, stateLabel));
      if (message.reason) meta.append(" — ", message.reason);
    }
    item.append(meta);
    return item;
  }

  function noticeItem(text) {
    return element("li", { class: "pw-notice" }, text);
  }

  function fileChip(name, busyText, removeLabel, onRemove) {
    const remove = element("button", { type: "button", class: "pw-chip-remove", "aria-label": removeLabel }, icon(ICONS.close));
    remove.addEventListener("click", onRemove);
    return element("li", { class: "pw-chip" }, element("span", {}, busyText || name), remove);
  }

  widget.view = { build, show, problem, messageItem, noticeItem, fileChip, element };
})();
