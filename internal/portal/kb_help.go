package portal

import (
	"net/http"
	"net/url"

	"pforte/internal/i18n"
	"pforte/internal/kb"
	"pforte/internal/tenant"
	"pforte/internal/web"
)

// kbHelp is the way on from an article that did not solve the problem: a new ticket.
// Href is empty when the tenant has no helpdesk; a visitor signs in first (SignIn), and
// the login leads on to the new ticket's form.
type kbHelp struct {
	Href   string
	SignIn bool
}

// kbHelpOf builds the way on for the reader of an article.
func kbHelpOf(r *http.Request, rd *reader) kbHelp {
	t := web.TenantFrom(r.Context())
	if rd.visit != nil {
		t = rd.visit.Tenant
	}
	if !t.HasModule("helpdesk") || !tenant.ModuleAvailable("helpdesk") {
		return kbHelp{}
	}
	if rd.visit == nil {
		return kbHelp{Href: "/login?next=" + url.QueryEscape("/tickets/new"), SignIn: true}
	}
	return kbHelp{Href: "/tickets/new"}
}

// kbLangNote says that an article is not shown in the language the reader wanted (their
// own, or the one they picked with ?lang=) but in another: without it a French reader
// got a German text with no word why. Empty when the article is in the wanted language.
type kbLangNote struct {
	Wanted, Shown string // language codes
}

// kbLangNoteOf is the note for page pg read by rd; asked is the ?lang= version.
func kbLangNoteOf(rd *reader, pg kb.Page, asked string) kbLangNote {
	wanted := asked
	if wanted == "" {
		wanted = rd.V.Lang
	}
	if wanted == "" || pg.Language == wanted {
		return kbLangNote{}
	}
	return kbLangNote{Wanted: wanted, Shown: pg.Language}
}

// text is the note in the reader's language, naming both languages in it too
// (kb_lang_name.go); the language switch under the title keeps their own names.
func (n kbLangNote) text(tr *i18n.Localizer) string {
	return tr.T("portal_qa.kb_lang_note", map[string]any{"Wanted": langNameIn(tr.Lang, n.Wanted), "Shown": langNameIn(tr.Lang, n.Shown)})
}
