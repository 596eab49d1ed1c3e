package portal

import (
	"net/http"

	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// languageSave stores the contact's language; it serves the settings form and the
// header's picker alike and returns to the page the contact came from.
func (p *Portal) languageSave(w http.ResponseWriter, r *http.Request, v *visit) {
	f := web.ParseForm(w, r)
	lang := f.Get("language")
	if lang != "" && !i18n.Supported(lang) {
		f.Errors.Add("language", "error.choice", nil)
		web.Render(w, r, http.StatusUnprocessableEntity, settingsPage(v.chrome(r, "settings.title", "settings"), f, v.Tenant.HasModule("helpdesk")))
		return
	}
	if err := contact.SetLanguage(r.Context(), p.env.DB, v.P.TenantID, v.P.ContactID, lang); err != nil {
		p.env.Fail(w, r, err)
		return
	}
	if lang == "" && v.Preview.ID == 0 {
		// "Automatic (browser)": the language cookie, which mirrors an earlier choice
		// (dress) or a pick on the login page, would otherwise keep deciding.
		p.env.ClearCookie(w, r, web.LangCookie)
	}
	// The flash is shown on the next page, already in the new language.
	p.env.Flash(w, r, "settings.language_saved", web.BackTo(r, "/settings"))
}
