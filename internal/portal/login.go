package portal

import (
	"net/http"

	"pforte/internal/web"
)

func (p *Portal) loginForm(w http.ResponseWriter, r *http.Request) {
	if _, ok := p.resolve(w, r); ok {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	c := guestChrome(r, "login.title")
	flash := p.env.TakeFlash(w, r)
	c.SetFlash(r.Context(), flash)
	if flash == signedOutFlash { // the company whose access ended, to its own browser only
		c.Flash = p.signedOutText(w, r, c.Flash)
	}
	f := web.NewForm()
	f.Set("next", web.LocalPath(r.URL.Query().Get("next"), ""))
	web.Render(w, r, http.StatusOK, loginPage(c, f))
}
