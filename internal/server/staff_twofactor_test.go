package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
	"pforte/internal/web"
)

// staffSetupTOTP switches two-factor sign-in on for a signed-in staff client and
// returns the key and the recovery codes.
func staffSetupTOTP(t *testing.T, c *apptest.Client) (string, []string) {
	t.Helper()
	if r := c.Post("/admin/account/twofactor/setup", nil); r.Status != 303 || r.Location != "/admin/account/twofactor/setup" {
		t.Fatalf("start setup: %d %q", r.Status, r.Location)
	}
	page := c.Get("/admin/account/twofactor/setup")
	m, q := secretRE.FindStringSubmatch(page.Body), qrRE.FindStringSubmatch(page.Body)
	if m == nil || q == nil {
		t.Fatalf("setup page without key or QR code: %d\n%.1000s", page.Status, page.Body)
	}
	if got := decodeQR(t, q[1]); !strings.Contains(got, "secret="+m[1]) {
		t.Errorf("QR code holds %q, not the key", got)
	}
	for _, bad := range []string{"", "12345", "abcdef", "000000"} {
		if r := c.Post("/admin/account/twofactor/confirm", url.Values{"code": {bad}}); r.Status != 422 {
			t.Errorf("confirm with %q: %d, want 422", bad, r.Status)
		}
	}
	r := c.Post("/admin/account/twofactor/confirm", url.Values{"code": {code(t, m[1], 0)}})
	codes := recoveryRE.FindAllStringSubmatch(r.Body, -1)
	if r.Status != 200 || len(codes) != 10 {
		t.Fatalf("confirm: %d, %d codes", r.Status, len(codes))
	}
	var out []string
	for _, c := range codes {
		out = append(out, c[1])
	}
	return m[1], out
}

// TestStaffTwoFactor: a staff member sets up TOTP (QR code, recovery codes); admins see
// it in the staff list; sign-in then asks for the code after the password, refuses a
// wrong or reused code, takes a recovery code once (with a notice); a reset link alone
// sets no password (its form asks for the code); switching off needs the password.
func TestStaffTwoFactor(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "chefin@service.test", "admin-password-1")
		env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		agent := env.Client("")
		agent.AdminLogin("agent@service.test", "agent-password-1")
		secret, codes := staffSetupTOTP(t, agent)
		if r := agent.Get("/admin/account"); !strings.Contains(r.Body, "Unbenutzte Wiederherstellungscodes: 10") {
			t.Errorf("account page does not show two-factor on")
		}
		admin := env.Client("")
		admin.AdminLogin("chefin@service.test", "admin-password-1")
		list := admin.Get("/admin/staff").Body
		row := list[strings.Index(list, "agent@service.test"):]
		if !strings.Contains(row[:strings.Index(row, "</tr>")], `badge ok">Ein<`) {
			t.Errorf("staff list does not show the agent's two-factor sign-in")
		}

		c := env.Client("")
		r := c.Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}, "next": {"/admin/tickets"}})
		if r.Status != 303 || !strings.HasPrefix(r.Location, "/admin/login/code") {
			t.Fatalf("password step: %d %q", r.Status, r.Location)
		}
		if c.Cookie(web.AdminCookie) != "" || c.Get("/admin/").Status != 303 {
			t.Fatalf("signed in with the password alone")
		}
		if r := c.Get(r.Location); r.Status != 200 || !strings.Contains(r.Body, `name="next" value="/admin/tickets"`) {
			t.Errorf("code form: %d", r.Status)
		}
		for _, bad := range []struct{ in, want string }{{"", "Bitte füllen"}, {"000000", "Dieser Code stimmt nicht"}, {"zzz", "Wiederherstellungscode"}} {
			if r := c.Post("/admin/login/code", url.Values{"code": {bad.in}}); r.Status != 422 || !strings.Contains(r.Body, bad.want) {
				t.Errorf("code %q: %d, want 422 with %q", bad.in, r.Status, bad.want)
			}
		}
		good := nextCode(t, secret)
		if r := c.Post("/admin/login/code", url.Values{"code": {good}, "next": {"/admin/tickets"}}); r.Status != 303 || r.Location != "/admin/tickets" {
			t.Fatalf("code step: %d %q", r.Status, r.Location)
		}
		if c.Get("/admin/").Status != 200 {
			t.Errorf("not signed in after the code")
		}
		// The same code again, in a new sign-in, is refused.
		c2 := env.Client("")
		c2.Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}})
		if r := c2.Post("/admin/login/code", url.Values{"code": {good}}); r.Status != 422 {
			t.Errorf("reused code: %d", r.Status)
		}
		// A recovery code works once and mails a notice.
		if r := c2.Post("/admin/login/code", url.Values{"code": {strings.ToUpper(codes[0])}}); r.Status != 303 {
			t.Fatalf("recovery code: %d", r.Status)
		}
		smtp.WaitFor(t, 2, 10*time.Second) // switched on, recovery code used
		if last := smtp.Messages()[len(smtp.Messages())-1]; !strings.Contains(last.Text, "9") || last.To[0] != "agent@service.test" {
			t.Errorf("recovery notice: %q", last.Text)
		}
		c3 := env.Client("")
		c3.Post("/admin/login", url.Values{"email": {"agent@service.test"}, "password": {"agent-password-1"}})
		if r := c3.Post("/admin/login/code", url.Values{"code": {codes[0]}}); r.Status != 422 {
			t.Errorf("recovery code used twice: %d", r.Status)
		}
		// A cookie of the second step is no session, and the portal's step does not take it.
		c3.SetCookie("pforte_login_step", c3.Cookie("pforte_admin_login_step"))
		if r := c3.Post("/login/code", url.Values{"code": {codes[1]}}); r.Status == 303 && r.Location != "/login" {
			t.Errorf("staff challenge finished on the portal: %d %q", r.Status, r.Location)
		}
		// A reset link alone sets no password; with the code on its form it signs in.
		c3.Post("/admin/password/forgot", url.Values{"email": {"agent@service.test"}})
		msgs := smtp.WaitFor(t, 3, 10*time.Second)
		link := strings.TrimPrefix(mustRE(`https?://\S+/admin/password/reset/\S+`).FindString(msgs[len(msgs)-1].Text), env.Srv.URL)
		n := env.Client("")
		if r := n.Post(link, url.Values{"password": {"new-password-22"}, "password_confirm": {"new-password-22"}}); r.Status != 422 {
			t.Fatalf("reset with two factors but no code: %d %q", r.Status, r.Location)
		}
		if n.Get("/admin/").Status != 303 {
			t.Errorf("reset link signed in without the code")
		}
		if r := n.Post(link, url.Values{"password": {"new-password-22"}, "password_confirm": {"new-password-22"}, "code": {codes[1]}}); r.Status != 303 || r.Location != "/admin/" {
			t.Errorf("reset with a recovery code: %d %q", r.Status, r.Location)
		}
		// Renewing codes and switching off need proof.
		for _, bad := range []struct{ path, field, val string }{
			{"/admin/account/twofactor/recovery", "proof", ""},
			{"/admin/account/twofactor/recovery", "proof", "falsch-falsch"},
			{"/admin/account/twofactor/disable", "password", ""},
			{"/admin/account/twofactor/disable", "password", "falsch-falsch"},
		} {
			if r := n.Post(bad.path, url.Values{bad.field: {bad.val}}); r.Status != 422 {
				t.Errorf("%s with %q: %d, want 422", bad.path, bad.val, r.Status)
			}
		}
		if r := n.Post("/admin/account/twofactor/recovery", url.Values{"proof": {"new-password-22"}}); r.Status != 200 || len(recoveryRE.FindAllString(r.Body, -1)) != 10 {
			t.Errorf("renew codes: %d", r.Status)
		}
		if r := n.Post("/admin/account/twofactor/disable", url.Values{"password": {"new-password-22"}}); r.Status != 303 {
			t.Fatalf("switch off: %d", r.Status)
		}
		env.Client("").AdminLogin("agent@service.test", "new-password-22")
		for _, action := range []string{"twofactor_enabled", "twofactor_disabled", "recovery_code_used", "twofactor_failed"} {
			if count(t, env, `SELECT COUNT(*) FROM audit_log WHERE action = ? AND actor LIKE 'staff:%'`, action) == 0 {
				t.Errorf("no audit entry %s", action)
			}
		}
	})
}

// TestStaffAccountIsolation: nothing of the staff account crosses tenants: a session,
// a second-step cookie or a reset link of tenant A is nothing on tenant B's host, and a
// tenant B member with the same address is not touched by tenant A's forms.
func TestStaffAccountIsolation(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		env := apptest.Start(t, e)
		ta, tb := env.Tenant("A GmbH", "a.test"), env.Tenant("B GmbH", "b.test")
		env.Staff(ta, "agent", "same@staff.test", "password-of-a-1")
		mb := env.Staff(tb, "agent", "same@staff.test", "password-of-b-1")
		a := env.Client("a.test")
		a.AdminLogin("same@staff.test", "password-of-a-1")
		staffSetupTOTP(t, a)
		a.Post("/admin/account/details", url.Values{"name": {"Changed"}, "language": {"en"}})
		if r := a.Post("/admin/account/password", url.Values{"current": {"password-of-a-1"}, "password": {"new-password-a"}, "password_confirm": {"new-password-a"}}); r.Status != 303 {
			t.Fatalf("change in A: %d", r.Status)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM staff WHERE id = ? AND name = 'same@staff.test' AND language = ''`, mb.ID); n != 1 {
			t.Errorf("tenant B's member changed by A's form")
		}
		if n := count(t, env, `SELECT COUNT(*) FROM staff_totp WHERE staff_id = ?`, mb.ID); n != 0 {
			t.Errorf("tenant B's member got A's second factor")
		}
		env.Client("b.test").AdminLogin("same@staff.test", "password-of-b-1") // B: no code, old password
		b := env.Client("b.test")
		b.SetCookie(web.AdminCookie, a.Cookie(web.AdminCookie))
		if r := b.Get("/admin/account"); r.Status != 303 {
			t.Errorf("tenant A's session on B: %d", r.Status)
		}
		step := env.Client("a.test")
		step.Post("/admin/login", url.Values{"email": {"same@staff.test"}, "password": {"new-password-a"}})
		b.SetCookie("pforte_admin_login_step", step.Cookie("pforte_admin_login_step"))
		if r := b.Get("/admin/login/code"); r.Status != 303 || r.Location != "/admin/login" {
			t.Errorf("tenant A's second step on B: %d %q", r.Status, r.Location)
		}
		env.Client("a.test").Post("/admin/password/forgot", url.Values{"email": {"same@staff.test"}})
		var text string
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline) && !strings.Contains(text, "/admin/password/reset/"); time.Sleep(20 * time.Millisecond) {
			env.DB.QueryRow(t.Context(), `SELECT text_body FROM mails WHERE tenant_id = ? ORDER BY id DESC LIMIT 1`, ta.ID).Scan(&text)
		}
		link := mustRE(`/admin/password/reset/\S+`).FindString(text)
		if link == "" {
			t.Fatalf("no reset link for A")
		}
		if r := env.Client("b.test").Get(link); r.Status != 410 {
			t.Errorf("tenant A's reset link on B: %d", r.Status)
		}
		if r := env.Client("b.test").Post(link, url.Values{"password": {"x-new-password"}, "password_confirm": {"x-new-password"}}); r.Status != 410 {
			t.Errorf("tenant A's reset link used on B: %d", r.Status)
		}
	})
}
