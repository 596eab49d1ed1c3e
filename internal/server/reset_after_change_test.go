package server_test

import (
	"context"
	"net/url"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// TestPasswordChangeEndsResetLinks: a reset link asked for earlier stops working once
// the password is changed on the account page, for a contact and for staff: a link in
// a mailbox someone else reads would otherwise undo the change.
func TestPasswordChangeEndsResetLinks(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "anna@kunde.test", "first-password-1", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		set := url.Values{"password": {"taken-over-1"}, "password_confirm": {"taken-over-1"}}

		link := newResetLink(t, env, "/password/forgot", "anna@kunde.test")
		anna := env.Client("")
		anna.Login("anna@kunde.test", "first-password-1")
		if r := anna.Post("/account/password", url.Values{"current": {"first-password-1"}, "password": {"second-password-1"},
			"password_confirm": {"second-password-1"}}); r.Status != 303 {
			t.Fatalf("contact's password change: %d", r.Status)
		}
		if r := env.Client("").Post(link, set); r.Status != 410 {
			t.Errorf("contact's reset link after the change: %d, want 410", r.Status)
		}

		link = newResetLink(t, env, "/admin/password/forgot", "agent@service.test")
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		if r := agent.Post("/admin/account/password", url.Values{"current": {"agent-password-1"}, "password": {"second-password-2"},
			"password_confirm": {"second-password-2"}}); r.Status != 303 {
			t.Fatalf("staff password change: %d", r.Status)
		}
		if r := env.Client("").Post(link, set); r.Status != 410 {
			t.Errorf("staff reset link after the change: %d, want 410", r.Status)
		}
		env.Client("").AdminLogin("agent@service.test", "second-password-2")
	})
}
