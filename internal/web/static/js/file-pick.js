// Pforte: file inputs with a button and a status in the page's language. The browser
// writes its own "Choose Files" / "No file chosen" in the browser's language, whatever
// the page's. The native input stays in place, in the tab order and for screen readers
// (visually hidden, css/chrome.css); a label for it, styled as a button, opens the
// picker, and the status beside it names the chosen files. The words come from the
// layout's <body data-file-*> attributes. Without script the native input is shown.
(() => {
  "use strict";
  const words = (key) => document.body.dataset[key] || "";

  const status = (input) => {
    const out = input.parentNode.querySelector(`[data-file-status="${input.id}"]`);
    if (!out) return;
    const names = Array.from(input.files || []).map((f) => f.name);
    // A drop zone lists the chosen files below the field (app.js); the status only
    // says when there are none.
    const listed = input.closest("[data-dropzone]")?.querySelector("[data-file-names]");
    out.textContent = names.length === 0 ? words("fileNone") : listed ? "" : names.join(", ");
  };

  const enhance = (input) => {
    if (!input.id || input.classList.contains("file-enhanced")) return;
    const label = document.createElement("label");
    label.htmlFor = input.id;
    label.className = "btn file-pick";
    label.textContent = words(input.multiple ? "fileChooseMany" : "fileChoose");
    const out = document.createElement("span");
    out.className = "file-status muted";
    out.dataset.fileStatus = input.id;
    input.classList.add("file-enhanced");
    input.after(label, " ", out);
    status(input);
  };

  document.addEventListener("change", (ev) => {
    const el = ev.target;
    if (el instanceof HTMLInputElement && el.type === "file") status(el);
  });
  const start = () => {
    if (!words("fileChoose")) return;
    document.querySelectorAll("input[type=file]").forEach(enhance);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  // A form htmx swaps in (a reply form after an error) gets its buttons too.
  document.addEventListener("htmx:afterSettle", start);
})();
