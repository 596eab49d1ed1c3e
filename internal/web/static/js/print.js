// Buttons marked data-print print the page (the recovery codes). They start hidden and
// show only here, so a browser without JavaScript offers no button that does nothing.
// A file of its own, not an inline handler: the Content-Security-Policy allows no
// inline script.
(() => {
  const wire = () => document.querySelectorAll("button[data-print]").forEach((b) => {
    b.hidden = false;
    b.addEventListener("click", () => window.print());
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire);
  else wire();
})();
