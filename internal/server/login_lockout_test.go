package server_test

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"pforte/internal/apptest"
	"pforte/internal/auth"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

const (
	wrongLogin = "E-Mail-Adresse oder Passwort ist nicht korrekt."
	tooMany    = "Zu viele fehlgeschlagene Anmeldeversuche"
)

// from is a client at address ip (the application trusts its proxy in these tests).
func from(env *apptest.Env, ip string) *apptest.Client {
	c := env.Client("")
	c.ForwardedFor = ip
	return c
}

// TestLoginLockoutPerClient: five wrong passwords for an address lock out the client
// that typed them — even with the right password — with the same answers for an
// unknown address; the owner signs in from elsewhere, for the portal and the back
// office alike. Only many failures from many clients lock the address everywhere,
// and then the reset link still signs its owner in and lifts the lock.
func TestLoginLockoutPerClient(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		env.App.Env.TrustProxy = true
		ten := env.Tenant("Service GmbH")
		if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, []string{tenant.FeaturePasswordReset}); err != nil {
			t.Fatal(err)
		}
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "felix@kunde.test", "felix-password-1", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")

		for _, tc := range []struct{ name, path, email, pw, landing, attacker string }{
			{"portal", "/login", "felix@kunde.test", "felix-password-1", "/", "198.51.100.7"},
			{"back office", "/admin/login", "agent@service.test", "agent-password-1", "/admin/", "198.51.100.8"},
		} {
			attacker := from(env, tc.attacker)
			post := func(c *apptest.Client, email, pw string) apptest.Response {
				return c.Post(tc.path, url.Values{"email": {email}, "password": {pw}})
			}
			for i := range auth.AccountLimit {
				known := post(attacker, tc.email, fmt.Sprintf("guess-%d-guess", i))
				unknown := post(attacker, "niemand@kunde.test", fmt.Sprintf("guess-%d-guess", i))
				if known.Status != 422 || !strings.Contains(known.Body, wrongLogin) ||
					unknown.Status != 422 || !strings.Contains(unknown.Body, wrongLogin) {
					t.Fatalf("%s: guess %d: %d / unknown %d", tc.name, i+1, known.Status, unknown.Status)
				}
			}
			for _, email := range []string{tc.email, "niemand@kunde.test"} {
				if r := post(attacker, email, tc.pw); r.Status != 422 || !strings.Contains(r.Body, tooMany) {
					t.Errorf("%s: sixth attempt for %s from the guessing client: %d", tc.name, email, r.Status)
				}
			}
			// The owner, elsewhere, is not locked out by the stranger's guesses.
			if r := post(from(env, "203.0.113.9"), tc.email, tc.pw); r.Status != 303 || r.Location != tc.landing {
				t.Errorf("%s: owner from another client: %d %q %.300s", tc.name, r.Status, r.Location, r.Body)
			}
		}

		// Many clients together lock the address everywhere.
		for i := 0; i*auth.AccountLimit < auth.AccountIPsLimit; i++ {
			c := from(env, fmt.Sprintf("192.0.2.%d", i+1))
			for range auth.AccountLimit {
				c.Post("/login", url.Values{"email": {"felix@kunde.test"}, "password": {"botnet-guess"}})
			}
		}
		owner := from(env, "203.0.113.10")
		if r := owner.Post("/login", url.Values{"email": {"felix@kunde.test"}, "password": {"felix-password-1"}}); r.Status != 422 || !strings.Contains(r.Body, tooMany) {
			t.Errorf("%d failures from many clients do not lock the address: %d", auth.AccountIPsLimit, r.Status)
		}
		// The reset link still works, signs in and lifts the lock.
		owner.Post("/password/forgot", url.Values{"email": {"felix@kunde.test"}})
		_, text := lastMailTo(t, env, "felix@kunde.test")
		link := strings.TrimPrefix(mustRE(`https?://\S+/password/reset/\S+`).FindString(text), env.Srv.URL)
		if r := owner.Post(link, url.Values{"password": {"felix-password-2"}, "password_confirm": {"felix-password-2"}}); r.Status != 303 {
			t.Fatalf("reset while locked: %d %.300s", r.Status, r.Body)
		}
		if owner.Get("/").Status != 200 {
			t.Errorf("not signed in after the reset")
		}
		from(env, "192.0.2.1").Login("felix@kunde.test", "felix-password-2")
	})
}
