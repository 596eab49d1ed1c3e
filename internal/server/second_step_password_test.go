package server_test

import (
	"context"
	"net/url"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// TestPasswordChangeEndsSecondStep: a sign-in that got past the password and waits for
// its code dies when the contact changes or resets the password, as a session does.
// Whoever typed the old password (stolen, phished) cannot finish it with a code they
// lure out of the owner afterwards; staff sign-ins end the same way
// (twofactor.EndStaffChallenges).
func TestPasswordChangeEndsSecondStep(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "owner@kunde.test", "first-password-1", "user", co)
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		owner := env.Client("")
		owner.Login("owner@kunde.test", "first-password-1")
		secret, _ := enableTOTP(t, owner)

		// refused checks that a sign-in waiting at the code step no longer takes the
		// right code: back to the password, no session.
		refused := func(what string, c *apptest.Client) {
			t.Helper()
			r := c.Post("/login/code", url.Values{"code": {nextCode(t, secret)}})
			if r.Status != 303 || r.Location != "/login" || c.Cookie(web.PortalCookie) != "" {
				t.Errorf("%s: the old password's second step still signs in: %d %q", what, r.Status, r.Location)
			}
		}

		// A change of password on the account page.
		thief := env.Client("")
		passwordStep(t, thief, "owner@kunde.test", "first-password-1")
		if r := owner.Post("/account/password", url.Values{"current": {"first-password-1"}, "password": {"second-password-2"},
			"password_confirm": {"second-password-2"}}); r.Status != 303 {
			t.Fatalf("change password: %d %.300s", r.Status, r.Body)
		}
		refused("after a password change", thief)

		// A reset from the mailbox, with the code on its form, signs in directly.
		thief = env.Client("")
		passwordStep(t, thief, "owner@kunde.test", "second-password-2")
		reset := env.Client("")
		reset.Post("/password/forgot", url.Values{"email": {"owner@kunde.test"}})
		var text string
		for deadline := time.Now().Add(10 * time.Second); text == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			env.DB.QueryRow(context.Background(), `SELECT text_body FROM mails WHERE to_addr = ? AND text_body LIKE '%/password/reset/%'`,
				"owner@kunde.test").Scan(&text)
		}
		link := mustRE(`/password/reset/\S+`).FindString(text)
		if link == "" {
			t.Fatalf("no reset link:\n%s", text)
		}
		if r := reset.Post(link, url.Values{"password": {"third-password-3"}, "password_confirm": {"third-password-3"},
			"code": {nextCode(t, secret)}}); r.Status != 303 || r.Location != "/" {
			t.Fatalf("reset: %d %q", r.Status, r.Location)
		}
		if reset.Get("/").Status != 200 {
			t.Errorf("the reset with its code did not sign in")
		}
		refused("after a reset", thief)
	})
}
