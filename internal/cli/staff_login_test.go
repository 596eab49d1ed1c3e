package cli

import (
	"bytes"
	"context"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"pforte/internal/apptest"
	"pforte/internal/audit"
	"pforte/internal/db"
	"pforte/internal/principal"
	"pforte/internal/staff"
	"pforte/internal/tenant"
	"pforte/internal/testutil"
)

var resetLinkRE = regexp.MustCompile(`(?m)^  (\S+)(/admin/password/reset/\S+)$`)

// TestStaffLogin runs `pforte staff-login` against the database of a running portal and
// uses the printed link in the back office. Without --reset-2fa a member with two-factor
// sign-in needs the code on the link's form to set a password; with it, an admin who lost the
// authenticator signs in with the new password alone and, as the portal requires two
// factors of staff, is led to set them up again rather than locked out. Their sessions
// end, earlier links die, the audit log names the command line, and an unknown or
// deactivated member is refused.
func TestStaffLogin(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ctx := context.Background()
		ten := env.Tenant("Service GmbH", "portal.service.test")
		chefin := env.Staff(ten, "admin", "chefin@service.test", "alt-passwort-chefin")
		agent := env.Staff(ten, "agent", "agent@service.test", "alt-passwort-agent")
		chefinKey, agentKey := staffTOTP(t, env, ten, chefin), staffTOTP(t, env, ten, agent)
		t.Setenv("PFORTE_DATABASE_URL", env.DSN)
		t.Setenv("PFORTE_BASE_URL", env.Srv.URL)
		run := func(args ...string) (int, string, string) {
			var out, errOut bytes.Buffer
			code := Run(append([]string{"pforte", "staff-login", "--data", env.Data}, args...), &out, &errOut)
			return code, out.String(), errOut.String()
		}
		link := func(args ...string) (string, string) {
			t.Helper()
			code, out, errOut := run(args...)
			m := resetLinkRE.FindStringSubmatch(out)
			if code != 0 || m == nil || m[1] != env.Srv.URL {
				t.Fatalf("staff-login %v: %d\n%s%s", args, code, out, errOut)
			}
			return m[2], out
		}

		// Without --reset-2fa: the agent's sessions end, the password is set, the code stays.
		old := env.Client("")
		signInWithCode(t, old, "agent@service.test", "alt-passwort-agent", code(t, agentKey, 0))
		first, _ := link("agent@service.test")
		path, out := link("--tenant", "portal.service.test", "agent@service.test") // flags before or after the address
		if !strings.Contains(out, "Two-factor sign-in stays on") || !strings.Contains(out, "the password changes only with the right one") {
			t.Errorf("output does not say the second factor stays:\n%s", out)
		}
		if r := old.Get("/admin/"); r.Status != 303 {
			t.Errorf("the agent's session survived: %d", r.Status)
		}
		c := env.Client("")
		if r := c.Get(first); r.Status != 410 {
			t.Errorf("the earlier link still works: %d", r.Status)
		}
		if r := c.Get(path); r.Status != 200 || !strings.Contains(r.Body, `name="code"`) {
			t.Fatalf("reset form with two-factor sign-in on: %d, no code field", r.Status)
		}
		r := c.Post(path, url.Values{"password": {"neu-passwort-agent"}, "password_confirm": {"neu-passwort-agent"}})
		if r.Status != 422 {
			t.Fatalf("reset with two-factor sign-in on, without the code: %d %q", r.Status, r.Location)
		}
		r = c.Post(path, url.Values{"password": {"neu-passwort-agent"}, "password_confirm": {"neu-passwort-agent"},
			"code": {code(t, agentKey, 30*time.Second)}})
		if r.Status != 303 || r.Location != "/admin/" || c.Get("/admin/").Status != 200 {
			t.Fatalf("reset with two-factor sign-in on and the code: %d %q", r.Status, r.Location)
		}
		// The new password opens the code step (both codes around now are spent).
		if r := env.Client("").Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"neu-passwort-agent"}}); r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
			t.Errorf("new password: %d %q", r.Status, r.Location)
		}

		// With --reset-2fa, where two factors are required of staff.
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, []string{tenant.FeatureStaffTwoFactor}); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		old = env.Client("")
		signInWithCode(t, old, "chefin@service.test", "alt-passwort-chefin", code(t, chefinKey, 0))
		path, out = link("chefin@service.test", "--reset-2fa")
		if !strings.Contains(out, "Two-factor sign-in removed") || !strings.Contains(out, "led to set it up") {
			t.Errorf("output does not say the second factor went:\n%s", out)
		}
		if old.Get("/admin/").Status != 303 {
			t.Errorf("the admin's session survived")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM staff_totp WHERE staff_id = ?`, chefin.ID) +
			count(t, env, `SELECT COUNT(*) FROM staff_recovery_codes WHERE staff_id = ?`, chefin.ID); n != 0 {
			t.Errorf("%d rows of the second factor left", n)
		}
		c = env.Client("")
		if r := c.Get(path); r.Status != 200 || !strings.Contains(r.Body, "chefin@service.test") {
			t.Fatalf("reset form: %d", r.Status)
		}
		r = c.Post(path, url.Values{"password": {"neu-passwort-chefin"}, "password_confirm": {"neu-passwort-chefin"}})
		if r.Status != 303 || r.Location != "/admin/" {
			t.Fatalf("reset without a second factor: %d %q", r.Status, r.Location)
		}
		if r := c.Get("/admin/"); r.Status != 303 || r.Location != "/admin/account/twofactor/setup" {
			t.Errorf("not led to the two-factor setup: %d %q", r.Status, r.Location)
		}
		if r := c.Get("/admin/account/twofactor/setup"); r.Status != 200 {
			t.Errorf("setup page: %d", r.Status)
		}
		if r := env.Client("").Post(path, url.Values{"password": {"noch-ein-passwort"}, "password_confirm": {"noch-ein-passwort"}}); r.Status != 410 {
			t.Errorf("link used twice: %d", r.Status)
		}
		env.Client("").AdminLogin("chefin@service.test", "neu-passwort-chefin") // no code asked

		// The audit log names the command line, in the back office too.
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE actor LIKE 'cli:%' AND action = ? AND target = ?`,
			audit.StaffTwoFactorReset, "chefin@service.test"); n != 1 {
			t.Errorf("%d two-factor reset entries", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE actor LIKE 'cli:%' AND action = ?`, audit.StaffLoginLinkIssued); n != 3 {
			t.Errorf("%d link entries, want 3", n)
		}
		if err := tenant.SetFeatures(ctx, env.DB, ten.ID, nil); err != nil {
			t.Fatal(err)
		}
		env.App.Env.ForgetTenants()
		page := c.Get("/admin/audit").Body
		for _, want := range []string{"Kommandozeile", "Serveradministration", "Zwei-Faktor-Anmeldung von Mitarbeitenden auf der Kommandozeile zurückgesetzt"} {
			if !strings.Contains(page, want) {
				t.Errorf("audit page without %q", want)
			}
		}

		// Help and refusals.
		if code, out, _ := run("-h"); code != 0 || !strings.Contains(out, "--reset-2fa") {
			t.Errorf("staff-login -h: %d %q", code, out)
		}
		var help bytes.Buffer
		if Run([]string{"pforte", "help"}, &help, &help); !strings.Contains(help.String(), "staff-login EMAIL [--reset-2fa]") {
			t.Errorf("pforte help does not name staff-login:\n%s", help.String())
		}
		if code, _, errOut := run("niemand@service.test"); code != 1 || !strings.Contains(errOut, "has no staff member niemand@service.test") {
			t.Errorf("unknown address: %d %q", code, errOut)
		}
		if code, _, errOut := run(); code != 1 || !strings.Contains(errOut, "name the staff member's email address") {
			t.Errorf("no address: %d %q", code, errOut)
		}
		if code, _, errOut := run("--tenant", "fremd.test", "agent@service.test"); code != 1 || !strings.Contains(errOut, `no portal answers on host "fremd.test"`) {
			t.Errorf("unknown host: %d %q", code, errOut)
		}
		agent.Active = false
		if err := staff.Update(ctx, env.DB, agent); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := run("agent@service.test"); code != 1 || !strings.Contains(errOut, "--reactivate") {
			t.Errorf("deactivated member: %d %q", code, errOut)
		}
		if _, out := link("agent@service.test", "--reactivate"); !strings.Contains(out, "active again") {
			t.Errorf("reactivation not reported:\n%s", out)
		}
		if m, _ := staff.Get(ctx, env.DB, ten.ID, agent.ID); !m.Active {
			t.Errorf("not reactivated")
		}
	})
}

// staffTOTP switches two-factor sign-in on for m and returns the key.
func staffTOTP(t *testing.T, env *apptest.Env, ten tenant.Tenant, m staff.Member) string {
	t.Helper()
	ctx, svc := context.Background(), env.App.Access
	p := principal.Staff{TenantID: ten.ID, StaffID: m.ID, Role: m.Role}
	if err := svc.StartStaffTOTP(ctx, ten, p); err != nil {
		t.Fatal(err)
	}
	setup, err := svc.PendingStaffTOTP(ctx, ten, p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.ConfirmStaffTOTP(ctx, ten, p, code(t, setup.Secret, -30*time.Second), "127.0.0.1", env.Srv.URL); err != nil {
		t.Fatal(err)
	}
	return setup.Secret
}

// code is the TOTP code of secret for the period at now+offset (one period either side
// is accepted; a used period is not, so each sign-in takes the next one).
func code(t *testing.T, secret string, offset time.Duration) string {
	t.Helper()
	c, err := totp.GenerateCode(secret, time.Now().Add(offset))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// signInWithCode signs c in to the back office with the password and the code.
func signInWithCode(t *testing.T, c *apptest.Client, email, pw, code string) {
	t.Helper()
	r := c.Post("/admin/login", url.Values{"email": {email}, "password": {pw}})
	if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
		t.Fatalf("password step %s: %d %q", email, r.Status, r.Location)
	}
	if r := c.Post("/admin/login/code", url.Values{"code": {code}}); r.Status != 303 || r.Location != "/admin/" {
		t.Fatalf("code step %s: %d %q %.300s", email, r.Status, r.Location, r.Body)
	}
	if c.Get("/admin/").Status != 200 {
		t.Fatalf("%s not signed in", email)
	}
}

func count(t *testing.T, env *apptest.Env, q string, args ...any) int {
	t.Helper()
	var n int
	if err := env.DB.QueryRow(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
