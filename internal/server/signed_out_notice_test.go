package server_test

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestSignedOutNoticeAfterRevoke: a colleague working in one of her two companies
// loses her access there; her next click leads to the login page, which now says why
// she has to sign in again (it was bare), naming the company whose access ended, once,
// and the dead session's cookie is gone. Signing in again takes her to the company she
// still has. A visitor without a cookie gets the bare login page, and one with a
// made-up cookie (or a made-up proof of an ended session) the same neutral words,
// naming no company and no person; so does a session that idled out.
func TestSignedOutNoticeAfterRevoke(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		mueller, baecker := env.Company(ten, "Müller Haustechnik GmbH"), env.Company(ten, "Bäckerei Schneider KG")
		env.Contact(ten, "anna@mueller.test", "anna-password-1", "main", mueller)
		ursula := env.Contact(ten, "ursula@baecker.test", "ursula-password-1", "user", baecker, mueller)
		notice := deMsg("signed_out.ended_notice")

		u := env.Client("")
		u.Login("ursula@baecker.test", "ursula-password-1")
		if r := u.Post("/company", url.Values{"company_id": {id(mueller.ID)}}); r.Status != 303 {
			t.Fatalf("switch to Müller: %d", r.Status)
		}
		anna := env.Client("")
		anna.Login("anna@mueller.test", "anna-password-1")
		ms, err := contact.MembershipsOfCompany(context.Background(), env.DB, ten.ID, mueller.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.ContactID == ursula.ID {
				if r := anna.Post("/colleagues/"+id(m.ID)+"/revoke", nil); r.Status != 303 {
					t.Fatalf("revoke: %d", r.Status)
				}
			}
		}

		r := u.Get("/tickets")
		if r.Status != 303 || r.Location != "/login?next=%2Ftickets" {
			t.Fatalf("next click after the revoke: %d %q, want the login page", r.Status, r.Location)
		}
		if u.Cookie(web.PortalCookie) != "" {
			t.Errorf("the dead session's cookie is kept")
		}
		login := u.Get(r.Location)
		named := deMsg("signed_out.ended_company", map[string]any{"Company": "Müller Haustechnik GmbH"})
		if login.Status != 200 || !strings.Contains(login.Body, `<div class="flash info" role="status">`+named+`</div>`) {
			t.Errorf("login page after the revoke does not say why, naming the company: %d\n%.1500s", login.Status, login.Body)
		}
		if again := u.Get("/login").Body; strings.Contains(again, notice) || strings.Contains(again, named) {
			t.Errorf("the notice is shown again")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ? AND company_id = ?`, ursula.ID, mueller.ID); n != 0 {
			t.Errorf("the ended session is kept after the login page named its company: %d", n)
		}
		u.Login("ursula@baecker.test", "ursula-password-1")
		if home := u.Get("/"); home.Status != 200 || !strings.Contains(home.Body, "Bäckerei Schneider KG") || strings.Contains(home.Body, notice) {
			t.Errorf("signing in again: %d, want Bäckerei's home without the notice", home.Status)
		}

		stranger := env.Client("")
		if r := stranger.Get("/tickets"); r.Status != 303 || strings.Contains(stranger.Get(r.Location).Body, notice) {
			t.Errorf("a visitor without a session is told of a sign-out: %d", r.Status)
		}
		stranger.SetCookie(web.PortalCookie, "made-up-session-token")
		r = stranger.Get("/tickets")
		page := stranger.Get(r.Location).Body
		if r.Status != 303 || !strings.Contains(page, notice) {
			t.Errorf("a made-up cookie: %d, want the neutral notice", r.Status)
		}
		for _, secret := range []string{"Müller", "Ursula", "ursula@"} {
			if strings.Contains(page, secret) {
				t.Errorf("the login page after a made-up cookie names %q", secret)
			}
		}
		// A made-up proof of an ended session, with the flash it comes with, names nothing.
		stranger.SetCookie("pforte_ended", "made-up-session-token")
		stranger.SetCookie("pforte_flash", "signed_out.ended_notice")
		if page := stranger.Get("/login").Body; !strings.Contains(page, notice) || strings.Contains(page, "Müller") {
			t.Errorf("a made-up ended session: want the neutral notice naming nothing")
		}
		// A session that idled out while its company is still the contact's: the
		// neutral words, no company.
		if _, err := env.DB.Exec(context.Background(), `UPDATE sessions SET expires_at = 1 WHERE contact_id = ?`, ursula.ID); err != nil {
			t.Fatal(err)
		}
		r = u.Get("/tickets")
		if page := u.Get(r.Location).Body; r.Status != 303 || !strings.Contains(page, notice) || strings.Contains(page, "Bäckerei") {
			t.Errorf("a session that idled out: %d, want the neutral notice", r.Status)
		}
	})
}
