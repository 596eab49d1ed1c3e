// Pforte: images pasted (Ctrl+V with a screenshot on the clipboard) or dropped onto a
// knowledge-base article's Markdown textarea are uploaded to the article's images and
// their Markdown is inserted where the cursor was. The textarea names the upload
// address and the words in its data-paste-* attributes (kb_article.templ); the server
// checks the image as it does for the upload form and answers this script with JSON
// (admin/kb_image_json.go): {markdown, id}, or 422 {error} in the page's language.
// The text is never replaced by an answer, so nothing typed is lost. Loaded as an
// external script (the CSP forbids inline ones); without it the page is as before.
(() => {
  "use strict";

  // enhance adds the hint and the status line (a live region, present before it is
  // filled so screen readers announce what it says) below the textarea.
  const enhance = (area) => {
    if (area.dataset.pasteReady) return;
    area.dataset.pasteReady = "1";
    const lang = document.documentElement.lang;
    const hint = document.getElementById("h-body");
    if (hint && area.dataset.pasteHint) {
      const span = document.createElement("span");
      span.lang = lang; // the card around the editor is in the text's language
      span.textContent = " " + area.dataset.pasteHint;
      hint.append(span);
    }
    const out = document.createElement("p");
    out.className = "hint paste-status";
    out.id = "s-body-paste";
    out.lang = lang;
    out.setAttribute("aria-live", "polite");
    area.parentNode.insertBefore(out, hint ? hint.nextSibling : area.nextSibling);
    area.addEventListener("paste", (ev) => paste(area, out, ev));
    area.addEventListener("dragover", (ev) => {
      if (hasFiles(ev.dataTransfer)) ev.preventDefault(); // allow the drop
    });
    area.addEventListener("drop", (ev) => {
      if (!hasFiles(ev.dataTransfer)) return; // dragged text moves as usual
      // Without this the browser would open the file in place of the page, and the
      // text typed so far with it.
      ev.preventDefault();
      upload(area, out, Array.from(ev.dataTransfer.files));
    });
  };

  const hasFiles = (dt) => !!dt && Array.from(dt.types || []).includes("Files");

  // paste uploads the clipboard's images; a clipboard with text (a table copied from
  // a spreadsheet carries a picture of it too) pastes its text as usual.
  const paste = (area, out, ev) => {
    const cb = ev.clipboardData;
    if (!cb || cb.getData("text/plain") !== "") return;
    const files = Array.from(cb.files || []).filter((f) => f.type.startsWith("image/"));
    if (files.length === 0) return;
    ev.preventDefault();
    upload(area, out, files);
  };

  const show = (out, text, failed) => {
    out.textContent = text;
    out.classList.toggle("error-msg", !!failed);
    out.classList.toggle("hint", !failed);
  };

  // upload sends the files one after the other and inserts each one's Markdown; the
  // first refusal stops and is shown.
  const upload = async (area, out, files) => {
    const at = { start: area.selectionStart, end: area.selectionEnd, value: area.value };
    show(out, area.dataset.pasteBusy, false);
    const added = [];
    for (const file of files) {
      const body = new FormData();
      body.append("image", file, file.name || "image.png");
      let res, data = null;
      try {
        res = await fetch(area.dataset.pasteUpload, {
          method: "POST", credentials: "same-origin", headers: { "Accept": "application/json" }, body: body,
        });
        data = await res.json();
      } catch (_) { /* offline, or not JSON: a 404 page, a signed-out session */ }
      if (!res || !data || !res.ok || !data.markdown) {
        if (added.length > 0) insert(area, at, added.join("\n"));
        show(out, (data && data.error) || area.dataset.pasteFailed, true);
        return;
      }
      added.push(data.markdown);
    }
    insert(area, at, added.join("\n"));
    show(out, area.dataset.pasteDone, false);
  };

  // insert puts text where the cursor was when the image came; if the text changed
  // meanwhile (typing goes on during the upload) it goes where the cursor is now.
  const insert = (area, at, text) => {
    let start = at.start, end = at.end;
    if (area.value !== at.value) start = end = area.selectionStart;
    area.setRangeText(text, start, end, "end");
    area.dispatchEvent(new Event("input", { bubbles: true })); // drafts and the like see it
  };

  const start = () => document.querySelectorAll("textarea[data-paste-upload]").forEach(enhance);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
