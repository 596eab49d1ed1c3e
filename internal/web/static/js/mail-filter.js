// Pforte back office, email templates: the filter box narrows the list as one types.
// Each row carries its title and purpose in data-search; a group whose rows are all
// hidden hides its heading too, and "no email matches" shows when nothing is left.
// Without this script the box is a plain search form (?q=) that the server answers.
(() => {
  "use strict";
  const box = document.querySelector("input[data-mail-filter]");
  if (!box) {
    return;
  }
  const none = document.getElementById("mail-none");
  const apply = () => {
    const words = box.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    document.querySelectorAll("[data-mail-group]").forEach((group) => {
      let inGroup = 0;
      group.querySelectorAll("tr[data-search]").forEach((row) => {
        const text = row.getAttribute("data-search").toLocaleLowerCase();
        const match = words.every((w) => text.includes(w));
        row.hidden = !match;
        if (match) {
          inGroup++;
        }
      });
      group.hidden = inGroup === 0;
      shown += inGroup;
    });
    if (none) {
      none.hidden = shown > 0;
    }
  };
  box.addEventListener("input", apply);
})();
