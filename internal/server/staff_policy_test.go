package server_test

import (
	"net/url"
	"strings"
	"testing"

	"pforte/internal/admin"
	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

const staffSetupPath = "/admin/account/twofactor/setup"

// staffPolicySave posts the settings form with the rule "two-factor sign-in for staff"
// on or off (the other settings as a fresh tenant has them); the save leads back to the
// settings.
func staffPolicySave(t *testing.T, c *apptest.Client, on bool) {
	t.Helper()
	staffPolicySaveTo(t, c, on, "/admin/settings")
}

// staffPolicySaveTo is staffPolicySave leading to the page to.
func staffPolicySaveTo(t *testing.T, c *apptest.Client, on bool, to string) {
	t.Helper()
	feats := []string{tenant.FeaturePasswordReset}
	if on {
		feats = append(feats, tenant.FeatureStaffTwoFactor)
	}
	r := c.Post("/admin/settings", url.Values{"name": {"Service GmbH"}, "language": {"de"}, "modules": {"helpdesk"},
		"features": feats, "time_zone": {"Europe/Berlin"}})
	if r.Status != 303 || r.Location != to {
		t.Fatalf("save settings (rule %v): %d %q %.500s", on, r.Status, r.Location, r.Body)
	}
}

// heldOnEveryRoute checks that every back-office route behind sign-in, but the setup's
// own page and form and the language switch, sends c to the setup.
func heldOnEveryRoute(t *testing.T, env *apptest.Env, c *apptest.Client) {
	t.Helper()
	open := map[string]bool{"GET " + staffSetupPath: true, "POST /admin/account/twofactor/confirm": true, "POST /admin/language": true}
	fill := strings.NewReplacer("{id}", "1", "{token}", "x", "{name}", "invitation", "{lang}", "de", "{n}", "0", "{$}", "", "{path...}", "x")
	checked := 0
	for _, rt := range admin.Routes(env.App.Env, env.App.Access) {
		method, path, ok := strings.Cut(rt.Pattern, " ")
		if !ok { // the catch-all "/admin/"
			method, path = "GET", "/admin/unknown-page"
		}
		// Routes without a session (sign-in, its second step, reset, setup and
		// invitation links, logout) are not behind the gate.
		public := path == "/admin/logout" || strings.HasPrefix(path, "/admin/login") || strings.HasPrefix(path, "/admin/password/") ||
			strings.HasPrefix(path, "/admin/setup/") || strings.HasPrefix(path, "/admin/invitation/")
		if public || open[rt.Pattern] {
			continue
		}
		var form url.Values
		if method != "GET" {
			form = url.Values{"name": {"x"}}
		}
		r := c.Do(method, fill.Replace(path), form)
		if rt.Pattern == "POST /admin/tickets/{id}/presence" {
			// The ticket page's heartbeat answers a held member with nothing at all (204,
			// ticket_presence_visit.go): no page, no presence written, and no redirect for
			// htmx to follow in the background.
			if r.Status != 204 || r.Body != "" || count(t, env, `SELECT COUNT(*) FROM ticket_presence`) != 0 {
				t.Errorf("%s while the setup is owed: %d %q, want an empty 204 that writes nothing", rt.Pattern, r.Status, r.Body)
			}
			checked++
			continue
		}
		if r.Status != 303 || r.Location != staffSetupPath {
			t.Errorf("%s while the setup is owed: %d %q, want 303 to the setup", rt.Pattern, r.Status, r.Location)
		}
		checked++
	}
	if checked < 40 {
		t.Errorf("only %d routes checked", checked)
	}
}

// TestStaffTwoFactorRequired: an admin requires two-factor sign-in of all staff (logged,
// allowed while she has none herself). From the next request on every back-office page
// sends a member without it to the setup, which starts by itself and has no way around
// it; logout still works; once the code is confirmed the back office opens, and
// switching TOTP off is refused while the rule stands. Switching the rule off is logged
// and frees the others.
func TestStaffTwoFactorRequired(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "chefin@service.test", "admin-password-1")
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		adm := env.Client("")
		adm.AdminLogin("chefin@service.test", "admin-password-1")
		page := adm.Get("/admin/settings").Body
		if !strings.Contains(page, `value="staff_two_factor"`) || strings.Contains(page, `value="staff_two_factor" checked`) {
			t.Fatalf("settings page without the rule, or with it on:\n%.3000s", page)
		}
		// She has no second factor herself: the save takes her to her setup, saying both
		// that it was saved and why she is there.
		staffPolicySaveTo(t, adm, true, staffSetupPath)
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'staff_twofactor_required'
			AND target = 'on' AND actor LIKE 'staff:%chefin@service.test'`, ten.ID); n != 1 {
			t.Errorf("%d audit entries for switching the rule on, want 1", n)
		}
		if r := adm.Get(staffSetupPath); r.Status != 200 || !strings.Contains(r.Body, "Die Einstellungen wurden gespeichert. Mitarbeitende melden sich jetzt") {
			t.Errorf("setup after saving the rule: %d %.2000s", r.Status, r.Body)
		}

		// The admin herself has no second factor: she is held from the next request on.
		if r := adm.Get("/admin/settings"); r.Status != 303 || r.Location != staffSetupPath {
			t.Fatalf("admin after switching the rule on: %d %q", r.Status, r.Location)
		}
		heldOnEveryRoute(t, env, adm)

		// A member signing in with the right password lands at the setup.
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		if r := agent.Get("/admin/"); r.Status != 303 || r.Location != staffSetupPath {
			t.Fatalf("agent after sign-in: %d %q", r.Status, r.Location)
		}
		setup := agent.Get(staffSetupPath)
		key, qr := secretRE.FindStringSubmatch(setup.Body), qrRE.FindStringSubmatch(setup.Body)
		if setup.Status != 200 || key == nil || qr == nil || !strings.Contains(setup.Body, "Für Mitarbeitende ist die Zwei-Faktor-Anmeldung vorgeschrieben") {
			t.Fatalf("setup page: %d\n%.3000s", setup.Status, setup.Body)
		}
		if strings.Contains(setup.Body, `href="/admin/account"`) && strings.Contains(setup.Body, "Abbrechen") {
			t.Errorf("the setup offers a way around it")
		}
		if again := agent.Get(staffSetupPath); !strings.Contains(again.Body, key[1]) {
			t.Errorf("a reload replaced the pending key")
		}
		// Logout is not behind the gate.
		if r := agent.Post("/admin/logout", nil); r.Status != 303 || r.Location != "/admin/login" {
			t.Errorf("logout while held: %d %q", r.Status, r.Location)
		}
		if r := agent.Get("/admin/"); r.Status != 303 || r.Location != "/admin/login" {
			t.Errorf("still signed in after logout: %d %q", r.Status, r.Location)
		}

		// The admin finishes the setup: the back office opens again.
		secret, _ := staffSetupTOTP(t, adm)
		for _, p := range []string{"/admin/", "/admin/settings", "/admin/staff", "/admin/account"} {
			if r := adm.Get(p); r.Status != 200 {
				t.Errorf("%s after the setup: %d", p, r.Status)
			}
		}
		if page := adm.Get("/admin/settings").Body; !strings.Contains(page, `value="staff_two_factor" checked`) {
			t.Errorf("settings page does not show the rule on")
		}
		staffPolicySave(t, adm, true) // saving without a change logs nothing more
		list := adm.Get("/admin/staff").Body
		row := func(email string) string {
			s := list[strings.Index(list, "<tbody"):]
			s = s[strings.Index(s, email):]
			return s[:strings.Index(s, "</tr>")]
		}
		if !strings.Contains(row("chefin@service.test"), `badge ok">Ein<`) || strings.Contains(row("agent@service.test"), `badge ok">Ein<`) {
			t.Errorf("staff list does not show who has two-factor sign-in")
		}
		// While the rule stands, TOTP cannot be switched off, not even with the password.
		account := adm.Get("/admin/account").Body
		if strings.Contains(account, `action="/admin/account/twofactor/disable"`) || !strings.Contains(account, "kann nicht ausgeschaltet werden") {
			t.Errorf("account page offers switching off under the rule")
		}
		if r := adm.Post("/admin/account/twofactor/disable", url.Values{"password": {"admin-password-1"}}); r.Status != 422 ||
			!strings.Contains(r.Body, "kann nicht ausgeschaltet werden") {
			t.Errorf("switching off under the rule: %d", r.Status)
		}
		if on := count(t, env, `SELECT COUNT(*) FROM staff_totp WHERE tenant_id = ? AND enabled_at IS NOT NULL`, ten.ID); on != 1 {
			t.Errorf("%d members with TOTP on, want 1", on)
		}
		// Her next sign-in asks for the code as usual.
		c := env.Client("")
		if r := c.Post("/admin/login", url.Values{"email": {"chefin@service.test"}, "password": {"admin-password-1"}}); r.Status != 303 || r.Location != "/admin/login/code" {
			t.Fatalf("sign-in with TOTP: %d %q", r.Status, r.Location)
		}
		if r := c.Post("/admin/login/code", url.Values{"code": {nextCode(t, secret)}}); r.Status != 303 || c.Get("/admin/settings").Status != 200 {
			t.Errorf("code step: %d", r.Status)
		}

		// Switching the rule off is logged and frees the agent.
		staffPolicySave(t, adm, false)
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'staff_twofactor_required'`, ten.ID); n != 2 {
			t.Errorf("%d audit entries for the rule, want 2 (on, off)", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'staff_twofactor_required' AND target = 'off'`, ten.ID); n != 1 {
			t.Errorf("switching off not logged")
		}
		agent.AdminLogin("agent@service.test", "agent-password-1")
		if r := agent.Get("/admin/"); r.Status != 200 {
			t.Errorf("agent after the rule went off: %d %q", r.Status, r.Location)
		}
		if page := adm.Get("/admin/audit").Body; !strings.Contains(page, "Zwei-Faktor-Anmeldung für Mitarbeitende") {
			t.Errorf("audit page does not name the rule's entries")
		}
	})
}

// TestStaffPolicyIsolation: one tenant's rule does not hold the staff of another.
func TestStaffPolicyIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ta, tb := env.Tenant("A GmbH", "a.test"), env.Tenant("B GmbH", "b.test")
		env.Staff(ta, "admin", "admin@a.test", "password-of-a-1")
		env.Staff(tb, "admin", "admin@b.test", "password-of-b-1")
		a := env.Client("a.test")
		a.AdminLogin("admin@a.test", "password-of-a-1")
		r := a.Post("/admin/settings", url.Values{"name": {"A GmbH"}, "language": {"de"}, "hosts": {"a.test"},
			"features": {tenant.FeatureStaffTwoFactor}, "time_zone": {"Europe/Berlin"}})
		if r.Status != 303 {
			t.Fatalf("save: %d %.500s", r.Status, r.Body)
		}
		if r := a.Get("/admin/"); r.Status != 303 || r.Location != staffSetupPath {
			t.Errorf("tenant A's admin not held: %d %q", r.Status, r.Location)
		}
		b := env.Client("b.test")
		b.AdminLogin("admin@b.test", "password-of-b-1")
		if r := b.Get("/admin/"); r.Status != 200 {
			t.Errorf("tenant B's admin held by A's rule: %d %q", r.Status, r.Location)
		}
	})
}
