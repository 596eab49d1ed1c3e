// Pforte back office, download area: Enter in the company search of the visibility
// picker runs the search (htmx) instead of submitting the form around it.
(() => {
  "use strict";
  document.addEventListener("keydown", (ev) => {
    const el = ev.target;
    if (ev.key === "Enter" && el instanceof HTMLInputElement && el.hasAttribute("data-no-submit")) {
      ev.preventDefault();
    }
  });
})();
