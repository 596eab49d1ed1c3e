package portal

import (
	"net/http"
	"time"

	"pforte/internal/contact"
	"pforte/internal/i18n"
	"pforte/internal/web"
)

// settings shows the language and the way to the notification settings.
func (p *Portal) settings(w http.ResponseWriter, r *http.Request, v *visit) {
	lang := web.NewForm()
	lang.Set("language", v.Contact.Language)
	web.Render(w, r, http.StatusOK, settingsPage(v.chrome(r, "settings.title", "settings"), lang, v.Tenant.HasModule("helpdesk")))
}

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

// languageSwitch remembers a visitor's language choice before login in a cookie; an
// empty choice ("automatic") forgets it, so the browser's language decides again.
func (p *Portal) languageSwitch(w http.ResponseWriter, r *http.Request) {
	f := web.ParseForm(w, r)
	switch lang := f.Get("language"); {
	case i18n.Supported(lang):
		p.env.SetCookie(w, r, web.LangCookie, lang, 365*24*time.Hour)
	case lang == "":
		p.env.ClearCookie(w, r, web.LangCookie)
	}
	http.Redirect(w, r, web.BackTo(r, "/login"), http.StatusSeeOther)
}
