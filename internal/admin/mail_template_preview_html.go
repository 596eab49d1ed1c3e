package admin

import (
	"html"
	"net/http"

	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/web"
)

// mailPreviewCSP is the Content-Security-Policy of a mail's HTML part in the preview.
// The mail carries inline styles (mail clients know no style sheets), which the back
// office's policy forbids, so the part is a page of its own, framed by the editor:
// sandboxed (an origin of its own: no script, no forms, no cookies of the portal),
// nothing loaded but its inline styles, framed only by our own pages. The editor's
// policy stays as it is: its default-src 'self' already lets it frame this address.
const mailPreviewCSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; " +
	"frame-ancestors 'self'"

// mailTemplatePreviewHTML answers the editor's preview frame with the HTML part of the
// mail, rendered from the text as typed, never from the saved text. The preview page
// posts the draft into the frame (a form targeting it, sent by app.js or by a click):
// in the frame's address a long body made a URL proxies refuse (414). Only admins
// reach it, like the editor.
func (a *Admin) mailTemplatePreviewHTML(w http.ResponseWriter, r *http.Request, v *visit) {
	m, lang, ok := a.mailTemplateTarget(w, r)
	if !ok {
		return
	}
	f := web.ParseForm(w, r)
	t := formText(f)
	h := w.Header()
	h.Set("Content-Security-Policy", mailPreviewCSP)
	h.Set("X-Frame-Options", "SAMEORIGIN") // the pipeline's DENY would keep it out of the editor's frame
	h.Set("Content-Type", "text/html; charset=utf-8")
	if f.Err != "" || t.Check(m).Any() { // a draft posted by hand: the editor shows the errors, not the frame
		w.WriteHeader(http.StatusUnprocessableEntity)
		w.Write([]byte("<!DOCTYPE html><meta charset=\"utf-8\"><p>" +
			html.EscapeString(i18n.T(r.Context(), "templates.preview_invalid")) + "</p>"))
		return
	}
	canReply, err := a.mailCanReply(r, v)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	msg, err := previewLetter(v, m, lang, a.mailSamples(r, v, m, lang), t, canReply).Render()
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	w.Write([]byte(msg.HTML))
}

// previewHTMLPath is the address the draft of mail m in lang is posted to for its
// HTML part.
func previewHTMLPath(m mailtmpl.Mail, lang string) string {
	return mailTemplatePath(m, lang) + "/preview/html"
}
