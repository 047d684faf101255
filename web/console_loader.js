// Hosts a Parley console canvas (the served console and the no-install demo): Emscripten's
// settings, then the console's script, and a sentence for people when something goes wrong.
// The page names its script and what to call itself: <body data-script data-app>.
(function () {
  const statusBox = document.getElementById("status");
  const app = document.body.dataset.app;
  function fail(text) {
    statusBox.textContent = text;
    statusBox.className = "failed";
    document.body.dataset.connection = "failed";
  }
  const canvas = document.getElementById("canvas");
  // Here, not in an inline handler: the page's Content Security Policy runs no inline script.
  canvas.addEventListener("contextmenu", (event) => event.preventDefault());
  window.Module = {
    canvas: canvas,
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onRuntimeInitialized: () => { statusBox.textContent = ""; window.Module.canvas.focus(); },
    onAbort: (what) => fail("The " + app + " stopped: " + what + ". Reload the page to start again."),
  };
  window.addEventListener("error", (event) => {
    if (event.target && event.target.tagName === "SCRIPT") {
      fail("The " + app + " could not be downloaded. Check the connection and reload.");
    }
  }, true);
  if (!window.WebAssembly) {
    fail("This browser cannot run WebAssembly, which the Parley " + app + " needs.");
    return;
  }
  const script = document.createElement("script");
  script.async = true;
  script.src = document.body.dataset.script;
  document.body.appendChild(script);
})();
