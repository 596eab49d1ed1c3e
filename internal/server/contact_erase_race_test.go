package server_test

import (
	"context"
	"net/url"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"pforte/internal/access"
	"pforte/internal/apptest"
	"pforte/internal/contact"
	"pforte/internal/db"
	"pforte/internal/passkey/passkeytest"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

// raceClock sets the application's clock to one that runs meanwhile once, on the
// call-th time the service method named fn reads the clock itself: a moment between
// that method's checks and its write transaction, where another request (an erasure,
// an address change) may commit. meanwhile runs on a copy of the service with the
// real clock. The clock is back to normal when the test ends.
func raceClock(t *testing.T, env *apptest.Env, fn string, call int, meanwhile func(svc *access.Service)) {
	t.Helper()
	other := *env.App.Access
	other.Now = time.Now
	var mu sync.Mutex
	calls := 0
	env.App.Access.Now = func() time.Time {
		pc, _, _, _ := runtime.Caller(1)
		if f := runtime.FuncForPC(pc); f != nil && strings.HasSuffix(f.Name(), ")."+fn) {
			mu.Lock()
			calls++
			run := calls == call
			mu.Unlock()
			if run {
				meanwhile(&other)
			}
		}
		return time.Now()
	}
	t.Cleanup(func() { env.App.Access.Now = time.Now })
}

// raceWorld is a tenant with one company and the contact Ron in it.
type raceWorld struct {
	env *apptest.Env
	ron contact.Contact
}

func newRaceWorld(t *testing.T, e db.Engine) raceWorld {
	env := apptest.Start(t, e)
	ten := env.Tenant("Service GmbH", pkHost)
	co := env.Company(ten, "Kunde AG")
	return raceWorld{env: env, ron: env.Contact(ten, "ron@kunde.test", "ron-password-1", "user", co)}
}

// erase erases Ron on an admin's behalf through svc.
func (w raceWorld) erase(t *testing.T, svc *access.Service) {
	t.Helper()
	ten, err := tenant.Get(context.Background(), w.env.DB, w.ron.TenantID)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := contact.Get(context.Background(), w.env.DB, w.ron.TenantID, w.ron.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.EraseContact(context.Background(), ten, access.Actor{Label: "staff:1 admin@desk.test"}, ct, "Anruf"); err != nil {
		t.Fatalf("erase meanwhile: %v", err)
	}
}

// leftovers fails when Ron kept a session or his address is back in his audit log.
func (w raceWorld) leftovers(t *testing.T, when string) {
	t.Helper()
	if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, w.ron.ID); n != 0 {
		t.Errorf("%s: %d sessions of the erased contact", when, n)
	}
	// A failed attempt with the address is logged as one for an unknown address (no
	// contact); nothing ties it to Ron again, and no sign-in is recorded.
	if n := count(t, w.env, `SELECT COUNT(*) FROM audit_log WHERE (contact_id = ? OR action = 'login_ok')
		AND (actor LIKE '%ron@kunde.test%' OR target LIKE '%ron@kunde.test%')`, w.ron.ID); n != 0 {
		t.Errorf("%s: the erased address is back in the audit log (%d entries)", when, n)
	}
}

// TestSignInRacingErasure: an admin erases Ron after his password was checked but
// before his session opens; the sign-in ends as for a wrong password, without a
// session and without writing his address into the audit log again.
func TestSignInRacingErasure(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newRaceWorld(t, e)
		raceClock(t, w.env, "ContactLogin", 1, func(svc *access.Service) { w.erase(t, svc) })
		c := w.env.Client(pkHost)
		r := c.Post("/login", url.Values{"email": {"ron@kunde.test"}, "password": {"ron-password-1"}})
		if r.Status != 422 || !strings.Contains(r.Body, "E-Mail-Adresse oder Passwort ist nicht korrekt") {
			t.Errorf("login racing the erasure: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		w.leftovers(t, "password")
	})
}

// TestPasskeySignInRacingErasure: the same for a passkey sign-in; the failure is
// logged without the contact or his address.
func TestPasskeySignInRacingErasure(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newRaceWorld(t, e)
		a := &passkeytest.Authenticator{Origin: "http://" + pkHost}
		c := w.env.Client(pkHost)
		c.Login("ron@kunde.test", "ron-password-1")
		k, res := addPasskey(t, c, a, "Laptop")
		if res.Status != 200 {
			t.Fatalf("add passkey: %d %s", res.Status, res.Body)
		}
		c.Post("/logout", url.Values{})
		// Erasure deletes the passkey; what it cannot stop is a ceremony verified just before.
		raceClock(t, w.env, "PasskeyLogin", 2, func(svc *access.Service) { w.erase(t, svc) })
		fresh := w.env.Client(pkHost)
		if r, _ := passkeyLogin(t, fresh, a, k, "/"); r.Status == 200 && strings.Contains(r.Body, "redirect") {
			t.Errorf("passkey login racing the erasure signed in: %d %s", r.Status, r.Body)
		}
		w.leftovers(t, "passkey")
	})
}

// TestSecondFactorRacingAddressChange: staff give Ron another address while he types
// his code; the code step sends him back to the password, no session opens.
func TestSecondFactorRacingAddressChange(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newRaceWorld(t, e)
		c := w.env.Client(pkHost)
		c.Login("ron@kunde.test", "ron-password-1")
		secret, _ := enableTOTP(t, c)
		c.Post("/logout", url.Values{})
		before := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, w.ron.ID)
		fresh := w.env.Client(pkHost)
		passwordStep(t, fresh, "ron@kunde.test", "ron-password-1")
		raceClock(t, w.env, "SecondFactor", 2, func(svc *access.Service) {
			ten, _ := tenant.Get(context.Background(), w.env.DB, w.ron.TenantID)
			in := w.ron
			in.Email = "ron.neu@kunde.test"
			if err := svc.UpdateContact(context.Background(), ten, access.Actor{Label: "staff:1 admin@desk.test"}, in, "http://"+pkHost); err != nil {
				t.Fatalf("change address meanwhile: %v", err)
			}
		})
		r := fresh.Post("/login/code", url.Values{"code": {nextCode(t, secret)}})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/login") {
			t.Errorf("code step racing the address change: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if n := count(t, w.env, `SELECT COUNT(*) FROM sessions WHERE contact_id = ?`, w.ron.ID); n != before {
			t.Errorf("a session opened for the old address: %d sessions, had %d", n, before)
		}
	})
}

// TestDeleteOwnAccountRacingErasure: an admin erases Ron while he deletes his own
// account; he is told the account is deleted (it is), not shown an error page.
func TestDeleteOwnAccountRacingErasure(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		w := newRaceWorld(t, e)
		c := w.env.Client(pkHost)
		c.Login("ron@kunde.test", "ron-password-1")
		raceClock(t, w.env, "DeleteOwnAccount", 1, func(svc *access.Service) { w.erase(t, svc) })
		r := c.Post("/account/delete", url.Values{"delete_password": {"ron-password-1"}})
		if r.Status != 303 || r.Location != "/login#main" {
			t.Fatalf("delete racing the erasure: %d %q %.300s", r.Status, r.Location, r.Body)
		}
		if page := c.Get("/login").Body; !strings.Contains(page, "Ihr Konto wurde gelöscht") {
			t.Errorf("no 'deleted' message after the race:\n%.1500s", page)
		}
		w.leftovers(t, "delete")
	})
}
