package admin

import (
	"net/http"
	"strings"

	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/web"
)

// mailTemplateRow is one mail of the templates list with, per language, whether the
// tenant has its own text.
type mailTemplateRow struct {
	Mail  mailtmpl.Mail
	Langs []mailTemplateCell
}

type mailTemplateCell struct {
	Lang   string
	Custom bool
}

// mailTemplateList lists the editable mails × languages and marks the customised ones.
// Mails registered ahead of their built-in texts (parallel work) are left out until
// those texts exist.
func (a *Admin) mailTemplateList(w http.ResponseWriter, r *http.Request, v *visit) {
	custom, err := mailtmpl.Customised(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	var rows []mailTemplateRow
	for _, m := range mailtmpl.All() {
		row := mailTemplateRow{Mail: m}
		for _, l := range i18n.Languages {
			if mailtmpl.HasDefault(m, l) {
				_, ok := custom[[2]string{m.Key, l}]
				row.Langs = append(row.Langs, mailTemplateCell{Lang: l, Custom: ok})
			}
		}
		if len(row.Langs) > 0 {
			rows = append(rows, row)
		}
	}
	web.Render(w, r, http.StatusOK, mailTemplatesPage(v.chrome(r, "templates.title"), rows))
}

// mailTemplateTarget resolves the {name} and {lang} of a template URL; an unknown mail,
// an unsupported language or a mail without built-in texts is a 404.
func (a *Admin) mailTemplateTarget(w http.ResponseWriter, r *http.Request) (mailtmpl.Mail, string, bool) {
	m, ok := mailtmpl.ByName(r.PathValue("name"))
	lang := r.PathValue("lang")
	if !ok || !i18n.Supported(lang) || !mailtmpl.HasDefault(m, lang) {
		a.env.NotFound(w, r)
		return mailtmpl.Mail{}, "", false
	}
	return m, lang, true
}

// mailTemplatePath is the editor's address.
func mailTemplatePath(m mailtmpl.Mail, lang string) string {
	return "/admin/settings/mails/" + m.Name() + "/" + lang
}

// ticketMailWithLink reports whether m is a ticket mail to contacts offering {{link}}:
// the ticket's contacts without portal access get it too, without the paragraphs that
// use the link (ticket.Notifier), which its editor says.
func ticketMailWithLink(m mailtmpl.Mail) bool {
	_, ok := m.Placeholder(mailtmpl.Link.Name)
	return ok && !m.Staff && strings.HasPrefix(m.Name(), "ticket_")
}

// sampleText shows a sample value.
func sampleText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}
