package portal

import (
	"net/http"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/web"
)

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
