package portal

import (
	"net/http"

	"pforte/internal/web"
)

// settings shows the language and the way to the notification settings.
func (p *Portal) settings(w http.ResponseWriter, r *http.Request, v *visit) {
	lang := web.NewForm()
	lang.Set("language", v.Contact.Language)
	web.Render(w, r, http.StatusOK, settingsPage(v.chrome(r, "settings.title", "settings"), lang, v.Tenant.HasModule("helpdesk")))
}
