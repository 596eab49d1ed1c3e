package admin

import (
	"errors"
	"net/http"

	"pforte/internal/db"
	"pforte/internal/mailtmpl"
	"pforte/internal/tenant"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// mailTemplateEditor is what the editor page shows.
type mailTemplateEditor struct {
	Mail    mailtmpl.Mail
	Lang    string
	Custom  bool // the tenant has its own text (reset is offered)
	Form    web.Form
	Preview *mailPreview // set after "Preview"
	Samples map[string]any
	// CanReply: the tenant has a support address, so an answer by mail to a ticket's
	// mail comes back; without one the mail does not ask for it (mailtmpl.DefaultFor).
	CanReply bool
}

// mailTemplateForm shows the editor with the tenant's text, or the built-in one written
// with placeholders when the tenant has none: the one its mails send, which asks for
// an answer by mail only when one can come back.
func (a *Admin) mailTemplateForm(w http.ResponseWriter, r *http.Request, v *visit) {
	m, lang, ok := a.mailTemplateTarget(w, r)
	if !ok {
		return
	}
	ed, err := a.mailTemplateLoad(r, v, m, lang)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	t := mailtmpl.DefaultFor(m, lang, ed.CanReply)
	if ed.Custom {
		if t, err = mailtmpl.Get(r.Context(), a.env.DB, v.P.TenantID, m.Key, lang); err != nil {
			a.env.Fail(w, r, err)
			return
		}
	}
	ed.Form.Set("subject", t.Subject)
	ed.Form.Set("greeting", t.Greeting)
	ed.Form.Set("body", t.Body)
	ed.Form.Set("button", t.Button)
	web.Render(w, r, http.StatusOK, mailTemplatePage(v.chrome(r, "templates.title"), ed))
}

// mailTemplateLoad starts an editor: whether the tenant has its own text, whether
// answers by mail come back, and samples.
func (a *Admin) mailTemplateLoad(r *http.Request, v *visit, m mailtmpl.Mail, lang string) (mailTemplateEditor, error) {
	_, err := mailtmpl.Get(r.Context(), a.env.DB, v.P.TenantID, m.Key, lang)
	if err != nil && !errors.Is(err, db.ErrNotFound) {
		return mailTemplateEditor{}, err
	}
	custom := err == nil
	canReply, err := a.mailCanReply(r, v)
	if err != nil {
		return mailTemplateEditor{}, err
	}
	return mailTemplateEditor{Mail: m, Lang: lang, Custom: custom, Form: web.NewForm(),
		Samples: a.mailSamples(r, v, m, lang), CanReply: canReply}, nil
}

// mailCanReply reports whether answers by mail to the tenant's ticket mails come back:
// only with a support address (ticket.NewNotifier gives them a Reply-To to it).
func (a *Admin) mailCanReply(r *http.Request, v *visit) (bool, error) {
	addrs, err := tenant.SupportAddresses(r.Context(), a.env.DB, v.P.TenantID)
	return len(addrs) > 0, err
}

// mailTemplateSubmitted reads a posted editor (save or preview): the mail, the text as
// typed and checked against the mail's placeholders, problems set on the form. ok is
// false when the answer has been written already (unknown mail, server error).
func (a *Admin) mailTemplateSubmitted(w http.ResponseWriter, r *http.Request, v *visit) (mailTemplateEditor, mailtmpl.Text, bool) {
	m, lang, ok := a.mailTemplateTarget(w, r)
	if !ok {
		return mailTemplateEditor{}, mailtmpl.Text{}, false
	}
	ed, err := a.mailTemplateLoad(r, v, m, lang)
	if err != nil {
		a.env.Fail(w, r, err)
		return mailTemplateEditor{}, mailtmpl.Text{}, false
	}
	ed.Form = web.ParseForm(w, r)
	t := formText(ed.Form)
	if ed.Form.Err == "" {
		ed.Form.Take(t.Check(m))
		if t.Greeting == "" && !m.PlacesReply() { // say why, with this mail's own opening as the example
			ed.Form.Errors["greeting"] = validate.Msg{ID: "templates.greeting_required",
				Data: map[string]any{"Example": mailtmpl.Default(m, lang).Greeting}}
		}
	}
	return ed, t, true
}

// formText reads the editor's fields, tidied.
func formText(f web.Form) mailtmpl.Text {
	return mailtmpl.Text{Subject: f.Raw("subject"), Greeting: f.Raw("greeting"), Body: f.Raw("body"),
		Button: f.Raw("button")}.Normal()
}
