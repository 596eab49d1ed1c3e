package portal

import (
	"net/http"

	"pforte/internal/web"
)

// signedOutFlash says on the login page why a contact has to sign in again: their
// session ended while they were away, by its age, a sign-out elsewhere, or a change of
// their access (a main contact revoked it, or made them a user). Like the page a form
// sent after that gets (web.SessionEnded), it names no company and no reason of its
// own: all the portal knows is that the cookie's session is gone, which tells a
// stranger with a made-up cookie nothing.
const signedOutFlash = "signed_out.ended_notice"

// signedOutNotice puts signedOutFlash on the next page and forgets the dead session's
// cookie, so the notice is shown once, not again on every later visit. htmx's requests
// (the suggestions while typing a ticket's subject) are left alone: the notice would
// be spent on a fragment nobody reads as a page.
func (p *Portal) signedOutNotice(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("HX-Request") == "true" {
		return
	}
	p.env.ClearCookie(w, r, web.PortalCookie)
	p.env.FlashNext(w, r, signedOutFlash)
}
