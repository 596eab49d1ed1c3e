package admin

import (
	"context"
	"net/http"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"pforte/internal/i18n"
	"pforte/internal/mailtmpl"
	"pforte/internal/validate"
	"pforte/internal/web"
)

// mailTemplateRow is one mail of the templates list with, per language, whether the
// tenant has its own text.
type mailTemplateRow struct {
	Mail  mailtmpl.Mail
	Title string // the mail's title in the reader's language, which the list sorts by
	Langs []mailTemplateCell
}

type mailTemplateCell struct {
	Lang   string
	Custom bool
}

// mailTemplateGroup is one heading of the list with its mails.
type mailTemplateGroup struct {
	Group mailtmpl.Group
	Rows  []mailTemplateRow
}

// mailTemplateList lists the editable mails in their groups (mailtmpl.Group), each
// group sorted by the mail's title as the reader sees it, one row per mail with a link
// per language marking the customised ones. ?q= keeps the mails whose title or purpose
// holds the words (the page's script filters as one types; this is the same without
// it). Mails registered ahead of their built-in texts (parallel work) are left out
// until those texts exist.
func (a *Admin) mailTemplateList(w http.ResponseWriter, r *http.Request, v *visit) {
	custom, err := mailtmpl.Customised(r.Context(), a.env.DB, v.P.TenantID)
	if err != nil {
		a.env.Fail(w, r, err)
		return
	}
	ctx := r.Context()
	q := strings.TrimSpace(validate.Clean(r.URL.Query().Get("q")))
	byGroup := map[mailtmpl.Group][]mailTemplateRow{}
	for _, m := range mailtmpl.All() {
		row := mailTemplateRow{Mail: m, Title: i18n.T(ctx, m.Label())}
		for _, l := range i18n.Languages {
			if mailtmpl.HasDefault(m, l) {
				_, ok := custom[[2]string{m.Key, l}]
				row.Langs = append(row.Langs, mailTemplateCell{Lang: l, Custom: ok})
			}
		}
		if len(row.Langs) > 0 && mailTemplateMatches(row.Title+" "+i18n.T(ctx, m.Purpose()), q) {
			byGroup[m.Group()] = append(byGroup[m.Group()], row)
		}
	}
	col := collate.New(language.Make(i18n.From(ctx).Lang), collate.IgnoreCase)
	var groups []mailTemplateGroup
	for _, g := range mailtmpl.Groups {
		rows := byGroup[g]
		if len(rows) == 0 {
			continue
		}
		slices.SortStableFunc(rows, func(x, y mailTemplateRow) int { return col.CompareString(x.Title, y.Title) })
		groups = append(groups, mailTemplateGroup{Group: g, Rows: rows})
	}
	web.Render(w, r, http.StatusOK, mailTemplatesPage(v.chrome(r, "templates.title"), groups, q))
}

// mailTemplateMatches reports whether text holds every word of q, ignoring case.
func mailTemplateMatches(text, q string) bool {
	text = strings.ToLower(text)
	for _, w := range strings.Fields(strings.ToLower(q)) {
		if !strings.Contains(text, w) {
			return false
		}
	}
	return true
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

// mailTemplateLinkName is what a screen reader hears after a language link's code:
// the language, whether the tenant changed its text, and the mail.
func mailTemplateLinkName(ctx context.Context, row mailTemplateRow, cell mailTemplateCell) string {
	state := "templates.state.default"
	if cell.Custom {
		state = "templates.state.custom"
	}
	// One message, not pieces glued with "): ", so each language places the parts and
	// writes the colon its way (French with a no-break space before it).
	return i18n.T(ctx, "templates.edit_lang", map[string]any{
		"Language": i18n.Names[cell.Lang], "State": i18n.T(ctx, state), "Mail": row.Title})
}

// quotedHint is the i18n key of the editor's line on what a mail quotes below its
// text (mailtmpl.Mail.Quoted).
func quotedHint(quoted string) string {
	switch quoted {
	case mailtmpl.QuoteReply:
		return "templates.quoted_reply"
	case mailtmpl.QuoteAnswer:
		return "templates.quoted_answer"
	case mailtmpl.QuoteNote:
		return "templates.quoted_note"
	case mailtmpl.QuotePlaced:
		return "mailout.quoted_placed"
	}
	return "templates.quoted_message"
}

// buttonHint is the i18n key of the button field's hint: a person's mail has no
// button, its words link to the ticket below the reply when the text places no link
// (outbox.Letter), so the editor says where they go.
func buttonHint(m mailtmpl.Mail) string {
	if m.PlacesReply() {
		return "mailout.button_hint_reply"
	}
	return ""
}

// mailBodyHints is the ids of the body's hints, for aria-describedby.
func mailBodyHints(quoted string) string {
	if quoted == "" {
		return "h-body"
	}
	return "h-body h-quoted"
}
