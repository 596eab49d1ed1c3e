// Pforte: small progressive enhancements. Loaded as an external script
// (the CSP forbids inline scripts). Plain ES2020, no dependencies.
(() => {
  "use strict";

  // Lets CSS hide no-JS fallbacks such as the submit button next to an
  // auto-submitting select (class "js-hide").
  document.documentElement.classList.add("js");

  const submit = (form) => {
    if (typeof form.requestSubmit === "function") form.requestSubmit();
    else form.submit();
  };

  // (a) <select data-autosubmit> submits its form when changed.
  document.addEventListener("change", (ev) => {
    const el = ev.target;
    if (el instanceof HTMLSelectElement && el.hasAttribute("data-autosubmit") && el.form) {
      submit(el.form);
    }
  });

  // (b) data-confirm on a form, or on the button that submits it, asks first.
  document.addEventListener("submit", (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement)) return;
    const btn = ev.submitter;
    const msg = (btn && btn.dataset.confirm) || form.dataset.confirm;
    if (msg && !window.confirm(msg)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }, true);

  // data-confirm on a plain link or a non-submit button.
  document.addEventListener("click", (ev) => {
    const el = ev.target instanceof Element ? ev.target.closest("a[data-confirm], button[data-confirm]") : null;
    if (!el || (el instanceof HTMLButtonElement && el.type === "submit" && el.form)) return;
    if (!window.confirm(el.dataset.confirm)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }, true);
})();
