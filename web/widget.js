// Parley's customer chat widget: the one script a site embeds.
//   <script src="https://support.example.com/widget.js" data-server="https://support.example.com"
//           data-queue="Billing" data-topic="Invoices" data-color="#2b6cb0" data-lang="en" defer></script>
// It reads its options from its own tag, then loads its parts (next to it, in order) and the
// stylesheet, and puts a launcher button on the page.
(function () {
  "use strict";
  const script = document.currentScript;
  if (!script || window.ParleyWidget?.app) return;
  const base = new URL(".", script.src);
  const options = script.dataset;
  const config = {
    server: (options.server || base.origin).replace(/\/+$/, ""),
    queue: options.queue || "",
    topic: options.topic || "",
    color: options.color || "",
    textColor: options.textColor || "",
    title: options.title || "",
    lang: options.lang || document.documentElement.lang || navigator.language || "en",
  };
  const parts = ["widget-labels.js", "widget-connection.js", "widget-chat.js", "widget-view.js", "widget-render.js",
                 "widget-app.js"];
  let left = parts.length;
  const begin = () => window.ParleyWidget.start(config, new URL("widget.css", base).href);
  for (const part of parts) {
    const tag = document.createElement("script");
    tag.src = new URL(part, base).href;
    // Dynamically added scripts run as soon as they arrive unless told to keep their order.
    tag.async = false;
    tag.onload = () => {
      left -= 1;
      if (left === 0) {
        if (document.body) begin();
        else document.addEventListener("DOMContentLoaded", begin, { once: true });
      }
    };
    document.head.append(tag);
  }
})();
