package web

import (
	"net/http"
	"net/url"
	"time"
)

// Cookie names. Staff and contacts have separate cookies, so one browser can hold both
// (staff testing the portal) without one replacing the other.
const (
	PortalCookie = "pforte_portal"
	AdminCookie  = "pforte_admin"
	// PreviewCookie holds a staff member's read-only customer preview. It is separate
	// from PortalCookie, so a staff member who is also logged in as a contact keeps that
	// session, and ending the preview returns to it.
	PreviewCookie = "pforte_preview"
	flashCookie   = "pforte_flash"
)

// hostPrefix marks a cookie the browser only accepts when it is Secure, has Path=/ and no
// Domain, and only sends back to the very host that set it. A sibling host under the same
// domain (another tenant's portal, a customer's web space) can then neither set nor shadow
// the portal's session, flash or sign-in cookies. Browsers refuse the prefix over plain
// HTTP, so it is used only when the request is secure.
const hostPrefix = "__Host-"

// cookieName is the name a cookie goes by on this request: with the __Host- prefix over
// HTTPS, plain otherwise.
func (e *Env) cookieName(r *http.Request, name string) string {
	if e.Secure(r) {
		return hostPrefix + name
	}
	return name
}

// Cookie reads the cookie set by SetCookie under name on this request.
func (e *Env) Cookie(r *http.Request, name string) (*http.Cookie, error) {
	return r.Cookie(e.cookieName(r, name))
}

// SetCookie sets an HttpOnly, SameSite=Lax cookie, Secure (and __Host- prefixed) when the
// request is.
func (e *Env) SetCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge time.Duration) {
	http.SetCookie(w, &http.Cookie{
		Name: e.cookieName(r, name), Value: value, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: e.Secure(r), MaxAge: int(maxAge.Seconds()),
	})
}

// ClearCookie removes a cookie. Over HTTPS the language cookie goes under its plain name
// as well: VisitorLanguage reads either, so a pick from before the prefix (or from plain
// HTTP) would otherwise outlive "automatic" by up to a year.
func (e *Env) ClearCookie(w http.ResponseWriter, r *http.Request, name string) {
	http.SetCookie(w, &http.Cookie{Name: e.cookieName(r, name), Value: "", Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: e.Secure(r), MaxAge: -1})
	if name == LangCookie && e.Secure(r) {
		http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", HttpOnly: true,
			SameSite: http.SameSiteLaxMode, Secure: true, MaxAge: -1})
	}
}

// Flash stores a message id shown once on the next page, then redirects (303) to to.
func (e *Env) Flash(w http.ResponseWriter, r *http.Request, msgID, to string) {
	e.SetCookie(w, r, flashCookie, url.QueryEscape(msgID), time.Minute)
	http.Redirect(w, r, to, http.StatusSeeOther)
}

// TakeFlash returns the pending flash message id, if any, and clears it.
func (e *Env) TakeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := e.Cookie(r, flashCookie)
	if err != nil || c.Value == "" {
		return ""
	}
	e.ClearCookie(w, r, flashCookie)
	v, _ := url.QueryUnescape(c.Value)
	return v
}
