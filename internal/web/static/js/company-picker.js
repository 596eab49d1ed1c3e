// Pforte back office, the companies picker of a restricted download or article
// (admin/company_picker.templ): Enter in its search runs the search (htmx) instead of
// submitting the form around it. Both key events are stopped: browsers submit on the
// keypress that follows the keydown.
(() => {
  "use strict";
  const stop = (ev) => {
    const el = ev.target;
    if (ev.key === "Enter" && el instanceof HTMLInputElement && el.hasAttribute("data-no-submit")) {
      ev.preventDefault();
    }
  };
  document.addEventListener("keydown", stop);
  document.addEventListener("keypress", stop);
})();
