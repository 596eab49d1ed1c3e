package portal

import (
	"context"
	"net/http"
	"time"

	"pforte/internal/i18n"
	"pforte/internal/session"
	"pforte/internal/web"
)

// signedOutFlash says on the login page why a contact has to sign in again: their
// session ended while they were away, by its age, a sign-out elsewhere, or a change of
// their access (a main contact revoked it, or made them a user). Like the page a form
// sent after that gets (web.SessionEnded), it names no company and no reason of its
// own: all the flash carries is a message id, which a stranger can forge. When the
// session was ended because the contact lost their access to the company it was
// acting for, the login page names that company instead (signedOutText).
const signedOutFlash = "signed_out.ended_notice"

// endedCookie carries the ended session's cookie value from the page that found it
// ended to the login page, for a minute: the proof that this browser held the session,
// without which the login page names no company.
const endedCookie = "pforte_ended"

// signedOutNotice puts signedOutFlash on the next page and forgets the dead session's
// cookie, so the notice is shown once, not again on every later visit; its value moves
// to endedCookie for the login page. htmx's requests (the suggestions while typing a
// ticket's subject) are left alone: the notice would be spent on a fragment nobody
// reads as a page.
func (p *Portal) signedOutNotice(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("HX-Request") == "true" {
		return
	}
	if ck, err := p.env.Cookie(r, web.PortalCookie); err == nil && ck.Value != "" {
		p.env.SetCookie(w, r, endedCookie, ck.Value, time.Minute)
	}
	p.env.ClearCookie(w, r, web.PortalCookie)
	p.env.FlashNext(w, r, signedOutFlash)
}

// signedOutText is the login page's notice after signedOutFlash: "your access to
// Müller GmbH was ended" when endedCookie holds a session whose contact lost their
// access to its company (session.TakeEnded), else the flash's own neutral words. The
// cookie is spent either way, so the notice is shown once. A made-up cookie value
// finds no session and shows the neutral words.
func (p *Portal) signedOutText(w http.ResponseWriter, r *http.Request, neutral string) string {
	ck, err := p.env.Cookie(r, endedCookie)
	if err != nil || ck.Value == "" {
		return neutral
	}
	p.env.ClearCookie(w, r, endedCookie)
	name, err := session.TakeEnded(r.Context(), p.env.DB, web.TenantFrom(r.Context()).ID, ck.Value)
	if err != nil {
		p.env.Log.Warn("signed out: ended session", "err", err) // the neutral words still say why
		return neutral
	}
	if name == "" {
		return neutral
	}
	return endedCompanyText(r.Context(), name)
}

// endedCompanyText names the company whose access ended, isolated on right-to-left
// pages so a Latin name does not reorder the sentence.
func endedCompanyText(ctx context.Context, company string) string {
	return i18n.T(ctx, "signed_out.ended_company", map[string]any{"Company": web.IsolateName(ctx, company)})
}
