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
// she has to sign in again (it was bare), once, and the dead session's cookie is gone.
// Signing in again takes her to the company she still has. A visitor without a cookie
// gets the bare login page, and one with a made-up cookie the same neutral words,
// naming no company and no person.
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
		if login.Status != 200 || !strings.Contains(login.Body, `<div class="flash info" role="status">`+notice+`</div>`) {
			t.Errorf("login page after the revoke does not say why: %d\n%.1500s", login.Status, login.Body)
		}
		if strings.Contains(u.Get("/login").Body, notice) {
			t.Errorf("the notice is shown again")
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
	})
}
