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
    // data-confirm-when="field=value" asks only when the form sends that value: a main
    // contact's role form asks before the downgrade, not when the role is sent unchanged.
    const when = form.dataset.confirmWhen;
    if (when) {
      const eq = when.indexOf("=");
      const field = form.elements.namedItem(when.slice(0, eq));
      if (!field || field.value !== when.slice(eq + 1)) return;
    }
    if (msg && !window.confirm(msg)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }, true);

  // (b2) A form sent once is not sent again by a second click or Enter while the page
  // loads (a double click used to open the same ticket twice). Runs after (b), in the
  // bubbling phase, so a cancelled confirmation or a script that handles the submit
  // itself (htmx, passkeys: they call preventDefault) leaves the form alone. The
  // buttons are disabled a moment later: disabled at once, the clicked button's
  // name=value would be left out of the request. GET forms (search, filters) and forms
  // opening another window are not locked; data-no-lock opts a form out.
  const locked = new Set();
  document.addEventListener("submit", (ev) => {
    const form = ev.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.hasAttribute("data-submitting")) {
      ev.preventDefault();
      return;
    }
    if (ev.defaultPrevented || form.method !== "post" || form.hasAttribute("data-no-lock") ||
        (form.target && form.target !== "_self")) return;
    form.setAttribute("data-submitting", "");
    locked.add(form);
    setTimeout(() => {
      if (!locked.has(form)) return;
      form.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]").forEach((b) => {
        if (!b.disabled) {
          b.disabled = true;
          b.setAttribute("data-locked", "");
        }
      });
    }, 0);
  });
  // Back to a page from the browser's cache (back button, or a download that did not
  // leave the page): its forms work again.
  window.addEventListener("pageshow", () => {
    locked.forEach((form) => {
      form.removeAttribute("data-submitting");
      form.querySelectorAll("[data-locked]").forEach((b) => {
        b.disabled = false;
        b.removeAttribute("data-locked");
      });
    });
    locked.clear();
  });

  // data-confirm on a plain link or a non-submit button.
  document.addEventListener("click", (ev) => {
    const el = ev.target instanceof Element ? ev.target.closest("a[data-confirm], button[data-confirm]") : null;
    if (!el || (el instanceof HTMLButtonElement && el.type === "submit" && el.form)) return;
    if (!window.confirm(el.dataset.confirm)) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
    }
  }, true);

  // (c) [data-dropzone]: files dropped on the zone go into its file input; the
  // chosen names are listed so people see what will be sent.
  const listFiles = (zone, input) => {
    const list = zone.querySelector("[data-file-names]");
    if (!list) return;
    list.replaceChildren(...Array.from(input.files).map((f) => {
      const li = document.createElement("li");
      li.textContent = f.name;
      return li;
    }));
  };
  const dropzones = () => document.querySelectorAll("[data-dropzone]").forEach((zone) => {
    const input = zone.querySelector("input[type=file]");
    if (!input) return;
    input.addEventListener("change", () => listFiles(zone, input));
    zone.addEventListener("dragover", (ev) => { ev.preventDefault(); zone.classList.add("dragging"); });
    zone.addEventListener("dragleave", () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (ev) => {
      ev.preventDefault();
      zone.classList.remove("dragging");
      if (!ev.dataTransfer || ev.dataTransfer.files.length === 0) return;
      const dt = new DataTransfer();
      Array.from(input.files).concat(Array.from(ev.dataTransfer.files)).forEach((f) => dt.items.add(f));
      input.files = dt.files;
      // Setting files fires no change event; the listener lists them, and the file
      // button's status (file-pick.js) follows.
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", dropzones);
  else dropzones();

  // (d) Text modules on the back office's ticket page: the "Insert" button carries
  // data-text-module-base, data-module-select (the select's id), data-insert-into (the
  // textarea's id) and hx-get. htmx fetches the chosen module, filled in for the ticket,
  // from base + the chosen id; its plain text goes into the textarea where the cursor
  // was (on lines of its own), or at the end when the cursor was never there. Without
  // script the same button sends the form, and the server appends the module.
  const touched = new WeakSet();
  document.addEventListener("focusin", (ev) => {
    if (ev.target instanceof HTMLTextAreaElement) touched.add(ev.target);
  });
  const insertText = (ta, text) => {
    let start = ta.value.length;
    let end = start;
    if (touched.has(ta)) {
      start = ta.selectionStart;
      end = ta.selectionEnd;
      if (start > 0 && ta.value[start - 1] !== "\n") text = "\n" + text;
      if (end < ta.value.length && ta.value[end] !== "\n") text += "\n";
    } else if (ta.value.trim() !== "") {
      text = (ta.value.endsWith("\n\n") ? "" : ta.value.endsWith("\n") ? "\n" : "\n\n") + text;
    }
    ta.setRangeText(text, start, end, "end");
    ta.focus();
    ta.dispatchEvent(new Event("input", { bubbles: true }));
  };
  document.addEventListener("htmx:configRequest", (ev) => {
    const el = ev.detail.elt;
    if (!(el instanceof HTMLElement) || !el.dataset.textModuleBase) return;
    const sel = document.getElementById(el.dataset.moduleSelect || "");
    if (!(sel instanceof HTMLSelectElement) || !/^[0-9]+$/.test(sel.value)) {
      ev.preventDefault(); // the "choose…" line: nothing to fetch
      if (sel instanceof HTMLSelectElement) sel.focus();
      return;
    }
    ev.detail.path = el.dataset.textModuleBase + sel.value;
  });
  document.addEventListener("htmx:afterRequest", (ev) => {
    const el = ev.detail.elt;
    if (!(el instanceof HTMLElement) || !el.dataset.insertInto || !ev.detail.successful) return;
    const ta = document.getElementById(el.dataset.insertInto);
    if (ta instanceof HTMLTextAreaElement) insertText(ta, ev.detail.xhr.responseText);
    const sel = document.getElementById(el.dataset.moduleSelect || "");
    if (sel instanceof HTMLSelectElement) sel.value = "";
  });

  // (e) A table or mail text wider or taller than its box scrolls inside it; keyboard
  // users can only scroll what can take the focus (WCAG 2.1.1), so such a box joins the
  // tab order while it scrolls and leaves it when it fits (a resize, a swap by htmx).
  const scrollers = () => document.querySelectorAll(".table-wrap, pre.mail").forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1;
    if (scrolls && !el.hasAttribute("tabindex")) el.setAttribute("tabindex", "0");
    else if (!scrolls && el.getAttribute("tabindex") === "0") el.removeAttribute("tabindex");
  });
  let resizing = 0;
  window.addEventListener("resize", () => {
    cancelAnimationFrame(resizing);
    resizing = requestAnimationFrame(scrollers);
  });
  document.addEventListener("htmx:afterSettle", scrollers);
  window.addEventListener("load", scrollers); // images and fonts may change the sizes
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scrollers);
  else scrollers();

  // (f) The ticket queue's bulk form: "all tickets on this page" ([data-bulk-all])
  // ticks or clears every row's box ([data-bulk-pick]), and the rows' boxes show in it:
  // ticked when all are, mixed when some are. Without script the server reads "all"
  // by itself, so this only shows what will happen.
  const bulkShow = (form) => {
    const all = form.querySelector("input[data-bulk-all]");
    const picks = Array.from(form.querySelectorAll("input[data-bulk-pick]"));
    if (!all || picks.length === 0) return;
    const n = picks.filter((p) => p.checked).length;
    all.checked = n === picks.length;
    all.indeterminate = n > 0 && n < picks.length;
  };
  document.addEventListener("change", (ev) => {
    const el = ev.target;
    if (!(el instanceof HTMLInputElement) || !el.form) return;
    if (el.hasAttribute("data-bulk-all")) {
      el.form.querySelectorAll("input[data-bulk-pick]").forEach((p) => { p.checked = el.checked; });
    } else if (el.hasAttribute("data-bulk-pick")) {
      bulkShow(el.form);
      // A ticked row opens the folded bulk bar (phones), whose action it waits for.
      const fold = el.form.querySelector("details.fold-box");
      if (fold && el.checked) fold.open = true;
    }
  });
  // A page sent back with its boxes (422), or restored by the back button.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("input[data-bulk-all]").forEach((all) => { if (all.form) bulkShow(all.form); });
  });

  // (g) form[data-autoload] is sent once as it appears (on load, or swapped in by htmx):
  // the mail template preview posts the draft into its sandboxed frame this way, as the
  // draft is too long for the frame's address. Without script its button sends it.
  const autoload = () => document.querySelectorAll("form[data-autoload]:not([data-loaded])").forEach((form) => {
    form.setAttribute("data-loaded", "");
    form.submit();
  });
  document.addEventListener("htmx:afterSettle", autoload);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", autoload);
  else autoload();

  // (h) form[data-draft]: the text typed into the form's boxes (the ticket page's reply
  // or note) is kept in sessionStorage under the form's data-draft, so that another
  // form on the page (assign, status, follow-up…), a link or a reload does not throw it
  // away: an empty box gets it back on the next load. The server marks the page after a
  // successful send with data-draft-sent (no inline script under the CSP), which ends
  // the draft; text the server sends back (a refused send) is the draft from then on.
  // Leaving with unsent text asks first, unless through the form itself or another
  // form of the same page (a POST under data-draft-scope), which comes back to it.
  const drafts = new Set();
  let store = null;
  try { store = window.sessionStorage; } catch (e) { /* storage off: the warning still helps */ }
  const draftBoxes = (form) => Array.from(form.querySelectorAll("textarea[name]"));
  const draftTyped = (form) => draftBoxes(form).some((b) => b.value.trim() !== "");
  const draftKey = (form) => "pforte.draft." + form.dataset.draft;
  const draftSave = (form) => {
    if (!store) return;
    const text = {};
    const picked = {};
    draftBoxes(form).forEach((b) => { text[b.name] = b.value; });
    form.querySelectorAll("input[type=radio][name]:checked").forEach((r) => { picked[r.name] = r.value; });
    try {
      if (draftTyped(form)) store.setItem(draftKey(form), JSON.stringify({ text, picked }));
      else store.removeItem(draftKey(form));
    } catch (e) { /* full: the warning still protects the text */ }
  };
  const draftRestore = (form) => {
    let d = null;
    try { d = JSON.parse(store.getItem(draftKey(form)) || "null"); } catch (e) { d = null; }
    if (!d || typeof d.text !== "object") return;
    draftBoxes(form).forEach((b) => { if (typeof d.text[b.name] === "string") b.value = d.text[b.name]; });
    form.querySelectorAll("input[type=radio][name]").forEach((r) => {
      if (d.picked && typeof d.picked[r.name] === "string") r.checked = d.picked[r.name] === r.value;
    });
  };
  const draftForms = () => document.querySelectorAll("form[data-draft]").forEach((form) => {
    if (drafts.has(form)) return;
    drafts.add(form);
    if (form.hasAttribute("data-draft-sent")) {
      if (store) store.removeItem(draftKey(form));
    } else if (!draftTyped(form)) {
      if (store) draftRestore(form);
    } else {
      draftSave(form);
    }
    form.addEventListener("input", () => draftSave(form));
    form.addEventListener("change", () => draftSave(form));
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draftForms);
  else draftForms();
  // The form being sent, noted last (on window, after every other submit handler had
  // its say): a cancelled confirmation or a locked second send leaves nothing.
  let leavingBy = "";
  window.addEventListener("submit", (ev) => {
    const form = ev.target;
    if (ev.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    const by = ev.submitter && ev.submitter.hasAttribute("formaction") ? ev.submitter.formAction : form.action;
    leavingBy = form.method === "post" ? new URL(by, location.href).pathname : "";
    if (drafts.has(form)) leavingBy = "draft";
  });
  window.addEventListener("pageshow", () => { leavingBy = ""; });
  // Signing out (the sign-out form, /logout or /admin/logout) ends every draft of the
  // tab (a customer's details, internal notes): on a shared computer the next person in
  // the tab must not find them in sessionStorage. Cleared once the page really goes
  // (pagehide), so a sign-out cancelled at the unsent-text question keeps them (the
  // next click or key forgets that sign-out); a session that simply expired keeps them.
  let signingOut = false;
  window.addEventListener("submit", (ev) => {
    if (!ev.defaultPrevented && /\/logout$/.test(leavingBy)) signingOut = true;
  });
  ["click", "keydown", "pageshow"].forEach((t) => window.addEventListener(t, () => { signingOut = false; }, true));
  window.addEventListener("pagehide", () => {
    if (!store || !signingOut) return;
    try {
      for (let i = store.length - 1; i >= 0; i--) {
        const k = store.key(i);
        if (k && k.startsWith("pforte.draft.")) store.removeItem(k);
      }
    } catch (e) { /* storage gone: nothing to clear */ }
  });
  window.addEventListener("beforeunload", (ev) => {
    for (const form of drafts) {
      if (!form.isConnected || !draftTyped(form)) continue;
      const scope = form.dataset.draftScope || "";
      if (leavingBy === "draft" || (scope && (leavingBy === scope || leavingBy.startsWith(scope + "/")))) continue;
      ev.preventDefault();
      ev.returnValue = form.dataset.draftWarn || ""; // older browsers; all show their own words
      return;
    }
  });

  // (i) The reply form's keyboard: Ctrl+Enter (Cmd+Enter) in a box sends its form with
  // its button[data-send], and Enter in a field of it (time spent) sends too: the text
  // module's "Insert" button, first in the form, becomes a plain button, as htmx does
  // its work on click (without script it stays a submit button and the server inserts).
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "Enter" || !(ev.ctrlKey || ev.metaKey) || ev.isComposing) return;
    const ta = ev.target;
    if (!(ta instanceof HTMLTextAreaElement) || !ta.form) return;
    const send = ta.form.querySelector("button[data-send]");
    if (!(send instanceof HTMLButtonElement) || send.disabled) return;
    ev.preventDefault();
    if (typeof ta.form.requestSubmit === "function") ta.form.requestSubmit(send);
    else send.click();
  });
  const plainInsert = () => document.querySelectorAll("button[data-text-module-base][type=submit]").forEach((b) => {
    b.type = "button";
  });
  document.addEventListener("htmx:afterSettle", plainInsert);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", plainInsert);
  else plainInsert();

  // (j) On a phone the navigation is a row that scrolls sideways (chrome.css), which
  // opens at its start: on the pages of its later entries (the back office's Settings,
  // the portal's Account) the marked entry was out of sight, so nothing showed where
  // one was. The row scrolls it into view, clear of the edge's shadow; scrollLeft grows
  // towards the right in both reading directions, so this works mirrored too.
  const showCurrentNav = () => document.querySelectorAll(".mainnav ul").forEach((ul) => {
    const cur = ul.querySelector("a[aria-current]");
    if (!cur || ul.scrollWidth <= ul.clientWidth + 1) return;
    const box = ul.getBoundingClientRect();
    const at = cur.getBoundingClientRect();
    const edge = 24; // the shadow's 1.5rem
    if (at.left < box.left + edge) ul.scrollLeft -= box.left + edge - at.left;
    else if (at.right > box.right - edge) ul.scrollLeft += at.right - (box.right - edge);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showCurrentNav);
  else showCurrentNav();
})();
