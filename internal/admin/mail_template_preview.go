package admin

import (
	"net/http"
	"strings"

	"pforte/internal/mailtmpl"
	"pforte/internal/outbox"
	"pforte/internal/ticket"
	"pforte/internal/web"
)

// mailPreview is a rendered mail as the preview shows it: subject and text part, and
// the address its HTML part is posted from with the draft (see mailTemplatePreviewHTML).
type mailPreview struct {
	Subject, Text, HTMLPath string
	Draft                   mailtmpl.Text
}

// mailTemplatePreview renders the text as typed (not saved) with sample data, through
// the same Letter rendering real mails use. The whole editor page comes back, so errors
// stand next to their fields; with htmx only the editor part is swapped in.
func (a *Admin) mailTemplatePreview(w http.ResponseWriter, r *http.Request, v *visit) {
	ed, t, ok := a.mailTemplateSubmitted(w, r, v)
	if !ok {
		return
	}
	if ed.Form.Invalid() {
		status := http.StatusUnprocessableEntity
		if r.Header.Get("HX-Request") == "true" {
			status = http.StatusOK // htmx swaps only 2xx answers; the errors must show
		}
		web.Render(w, r, status, mailTemplatePage(v.chrome(r, "templates.title"), ed))
		return
	}
	msg, err := previewLetter(v, ed.Mail, ed.Lang, ed.Samples, t, ed.CanReply).Render()
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	ed.Preview = &mailPreview{Subject: msg.Subject, Text: msg.Text, HTMLPath: previewHTMLPath(ed.Mail, ed.Lang), Draft: t}
	web.Render(w, r, http.StatusOK, mailTemplatePage(v.chrome(r, "templates.title"), ed))
}

// previewLetter is mail m in lang with text t and the sample values, as the tenant
// would send it: a ticket's mail to a contact that can be answered (canReply) has the
// line above which answers are typed, and one that cannot does not ask for an answer
// by mail (outbox.Letter goes by the marker).
func previewLetter(v *visit, m mailtmpl.Mail, lang string, samples map[string]any, t mailtmpl.Text, canReply bool) outbox.Letter {
	link, _ := samples[mailtmpl.Link.Data].(string)
	l := outbox.Letter{Lang: lang, Key: m.Key, Data: samples, ActionURL: link, Sender: v.Tenant.Name, Override: &t}
	if canReply && m.AnswerableByMail() {
		l.Marker = ticket.ReplyMarker(lang)
	}
	return l
}

// mailSamples are the preview's values: the registry's samples, with the tenant's own
// name and portal address (in the link too) where the mail offers them.
func (a *Admin) mailSamples(r *http.Request, v *visit, m mailtmpl.Mail, lang string) map[string]any {
	s := mailtmpl.Sample(m, lang)
	if _, ok := m.Placeholder(mailtmpl.Portal.Name); ok {
		s[mailtmpl.Portal.Data] = v.Tenant.Name
	}
	for _, p := range []mailtmpl.Placeholder{mailtmpl.PortalURL, mailtmpl.Link} {
		if sample, ok := s[p.Data].(string); ok {
			s[p.Data] = a.env.Origin(r) + strings.TrimPrefix(sample, mailtmpl.ExamplePortal)
		}
	}
	return s
}
