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

// codeUsed is the answer to a TOTP code whose time step was used already (German).
const codeUsed = "Dieser Code wurde gerade schon verwendet"

// TestReplayedCodeSaysUsed: a TOTP code that was right but is used a second time (in a
// new sign-in) is refused with "this code was just used; wait for the next one", not
// "this code is not right"; a wrong code keeps its own answer. Contacts and staff alike.
func TestReplayedCodeSaysUsed(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "zwei@kunde.test", "zwei-password-1", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")

		c := env.Client("")
		c.Login("zwei@kunde.test", "zwei-password-1")
		secret := setupTOTP(t, c)
		if r := c.Post("/account/twofactor/confirm", url.Values{"code": {code(t, secret, 0)}}); r.Status != 200 {
			t.Fatalf("switch on: %d", r.Status)
		}
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		staffSecret, _ := staffSetupTOTP(t, agent)

		for _, s := range []struct{ name, login, step, email, pw, secret string }{
			{"portal", "/login", "/login/code", "zwei@kunde.test", "zwei-password-1", secret},
			{"back office", "/admin/login", "/admin/login/code", "agent@service.test", "agent-password-1", staffSecret},
		} {
			good := nextCode(t, s.secret)
			first := env.Client("")
			first.Post(s.login, url.Values{"email": {s.email}, "password": {s.pw}})
			if r := first.Post(s.step, url.Values{"code": {good}}); r.Status != 303 {
				t.Fatalf("%s: right code: %d %.300s", s.name, r.Status, r.Body)
			}
			again := env.Client("")
			again.Post(s.login, url.Values{"email": {s.email}, "password": {s.pw}})
			r := again.Post(s.step, url.Values{"code": {good}})
			if r.Status != 422 || !strings.Contains(r.Body, codeUsed) || strings.Contains(r.Body, "Dieser Code stimmt nicht") {
				t.Errorf("%s: replayed code: %d %.500s", s.name, r.Status, r.Body)
			}
			wrong := "000000"
			if wrong == code(t, s.secret, 0) || wrong == good || wrong == code(t, s.secret, -30e9) {
				wrong = "111111"
			}
			if r := again.Post(s.step, url.Values{"code": {wrong}}); r.Status != 422 || !strings.Contains(r.Body, "Dieser Code stimmt nicht") {
				t.Errorf("%s: wrong code: %d", s.name, r.Status)
			}
		}
	})
}

// TestLockoutOffersReset: the lockout message says that "Forgot password?" works at
// once, on the portal when the tenant offers password reset (and not otherwise), and
// always in the back office, where staff can always reset.
func TestLockoutOffersReset(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		env.Contact(ten, "felix@kunde.test", "felix-password-1", "user", co)
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		setReset := func(on bool) {
			var fs []string
			if on {
				fs = []string{tenant.FeaturePasswordReset}
			}
			if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, fs); err != nil {
				t.Fatal(err)
			}
			env.App.Env.ForgetTenants()
		}
		const resetNow = "„Passwort vergessen?“ sofort"
		setReset(true)
		for _, s := range []struct{ path, email string }{{"/login", "felix@kunde.test"}, {"/admin/login", "agent@service.test"}} {
			c := env.Client("")
			for i := range auth.AccountLimit {
				c.Post(s.path, url.Values{"email": {s.email}, "password": {fmt.Sprintf("guess-%d-guess", i)}})
			}
			r := c.Post(s.path, url.Values{"email": {s.email}, "password": {"guess-last"}})
			if r.Status != 422 || !strings.Contains(r.Body, tooMany) || !strings.Contains(r.Body, resetNow) {
				t.Errorf("%s locked: %d %.800s", s.path, r.Status, r.Body)
			}
		}
		// Without password reset the portal does not offer it.
		setReset(false)
		r := env.Client("").Post("/login", url.Values{"email": {"felix@kunde.test"}, "password": {"guess-more"}})
		if r.Status != 422 || !strings.Contains(r.Body, tooMany) || strings.Contains(r.Body, resetNow) {
			t.Errorf("portal locked, no reset: %d %.800s", r.Status, r.Body)
		}
		r = env.Client("").Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"guess-more"}})
		if !strings.Contains(r.Body, resetNow) {
			t.Errorf("back office locked: %d %.800s", r.Status, r.Body)
		}
	})
}

// TestRegistrationWithAccessPage: someone who already has access and confirms a new
// registration is told so on the page (only the link's holder sees it): no "being
// checked", but the way to sign in and, where the tenant offers it, to a new password.
// A new person's confirmation still says it is being checked.
func TestRegistrationWithAccessPage(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		co := env.Company(ten, "Kunde AG")
		setDomains(t, env, co.ID, "kunde.test")
		env.Contact(ten, "chefin@kunde.test", "boss-password", "main", co)
		for _, reset := range []bool{true, false} {
			fs := []string{tenant.FeatureRegistration}
			if reset {
				fs = append(fs, tenant.FeaturePasswordReset)
			}
			if err := tenant.SetFeatures(context.Background(), env.DB, ten.ID, fs); err != nil {
				t.Fatal(err)
			}
			env.App.Env.ForgetTenants()
			c := env.Client("")
			r := c.Post(confirmLink(t, env, c, "chefin@kunde.test", "Kunde AG"), nil)
			if r.Status != 200 || !strings.Contains(r.Body, "Sie haben mit dieser Adresse bereits Zugang zu Kunde AG") ||
				!strings.Contains(r.Body, `href="/login"`) || strings.Contains(r.Body, "wird jetzt geprüft") {
				t.Errorf("reset %v: page: %d %.1500s", reset, r.Status, r.Body)
			}
			if got := strings.Contains(r.Body, `href="/password/forgot"`); got != reset {
				t.Errorf("reset %v: forgot link shown %v", reset, got)
			}
			if !reset && !strings.Contains(r.Body, "an den Hauptkontakt Ihrer Firma oder an Service GmbH") {
				t.Errorf("no reset: who to ask missing: %.1500s", r.Body)
			}
		}
		c := env.Client("")
		if r := c.Post(confirmLink(t, env, c, "neu@kunde.test", "Kunde AG"), nil); r.Status != 200 ||
			!strings.Contains(r.Body, "wird jetzt geprüft") || strings.Contains(r.Body, "bereits Zugang") {
			t.Errorf("new person: %d %.1000s", r.Status, r.Body)
		}
	})
}
