package server_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"pforte/internal/apptest"
	"pforte/internal/db"
	"pforte/internal/testutil"
)

// TestStaffAccount: every staff member reaches "My account" from the header, changes
// name and language (bad input is refused next to the field and kept), and changes the
// password: the current one is required and checked, the rules are the contacts', the
// member's other sessions end, a notice goes out over SMTP and the audit log has it.
func TestStaffAccount(t *testing.T) {
	testutil.ForEngines(t, func(t *testing.T, e db.Engine) {
		smtp := testutil.StartSMTP(t)
		env := apptest.Start(t, e, apptest.Options{SMTPURL: smtp.URL()})
		ten := env.Tenant("Service GmbH")
		env.Staff(ten, "admin", "chefin@service.test", "admin-password-1")
		m := env.Staff(ten, "agent", "agent@service.test", "agent-password-1")
		c := env.Client("")
		c.AdminLogin("agent@service.test", "agent-password-1")
		other := env.Client("")
		other.AdminLogin("agent@service.test", "agent-password-1")

		if r := c.Get("/admin/"); !strings.Contains(r.Body, `href="/admin/account"`) {
			t.Fatalf("no account link in the header of an agent")
		}
		if r := c.Get("/admin/account"); r.Status != 200 || !strings.Contains(r.Body, "agent@service.test") {
			t.Fatalf("account page: %d", r.Status)
		}
		details := []struct {
			name, lang, want string
		}{
			{"", "en", "Bitte füllen Sie dieses Feld aus."},
			{strings.Repeat("x", 101), "", "höchstens 100"},
			{"Anna Agent", "xx", "name=\"language\""},
		}
		for _, d := range details {
			r := c.Post("/admin/account/details", url.Values{"name": {d.name}, "language": {d.lang}})
			if r.Status != 422 || !strings.Contains(r.Body, d.want) {
				t.Errorf("details %q/%q: %d, want 422 with %q\n%.300s", d.name, d.lang, r.Status, d.want, r.Body)
			}
		}
		if r := c.Post("/admin/account/details", url.Values{"name": {""}, "language": {"fr"}}); !strings.Contains(r.Body, `value="fr" selected`) {
			t.Errorf("the chosen language is lost on error")
		}
		if r := c.Post("/admin/account/details", url.Values{"name": {"Anna Agent"}, "language": {"en"}}); r.Status != 303 {
			t.Fatalf("details: %d", r.Status)
		}
		if r := c.Get("/admin/account"); !strings.Contains(r.Body, "Anna Agent") || !strings.Contains(r.Body, "My account") {
			t.Errorf("name or language not saved:\n%.500s", r.Body)
		}

		pw := func(cur, p, confirm string) apptest.Response {
			return c.Post("/admin/account/password", url.Values{"current": {cur}, "password": {p}, "password_confirm": {confirm}})
		}
		bad := []struct{ name, cur, pw, confirm, want string }{
			{"empty", "", "", "", "Please fill in this field."},
			{"no current", "", "new-password-22", "new-password-22", "Please fill in this field."},
			{"wrong current", "falsch-falsch", "new-password-22", "new-password-22", "current password is not correct"},
			{"mismatch", "agent-password-1", "new-password-22", "new-password-23", "do not match"},
			{"short", "agent-password-1", "kurz", "kurz", "at least"},
			{"same", "agent-password-1", "agent-password-1", "agent-password-1", "same as"},
		}
		for _, b := range bad {
			if r := pw(b.cur, b.pw, b.confirm); r.Status != 422 || !strings.Contains(r.Body, b.want) {
				t.Errorf("%s: %d, want 422 with %q", b.name, r.Status, b.want)
			}
		}
		if r := pw("agent-password-1", "new-password-22", "new-password-22"); r.Status != 303 {
			t.Fatalf("change password: %d", r.Status)
		}
		if r := c.Get("/admin/"); r.Status != 200 {
			t.Errorf("own session ended: %d", r.Status)
		}
		if r := other.Get("/admin/"); r.Status != 303 {
			t.Errorf("other session survived the change: %d", r.Status)
		}
		msgs := smtp.WaitFor(t, 1, 10*time.Second)
		last := msgs[len(msgs)-1]
		if last.To[0] != "agent@service.test" || !strings.Contains(last.Subject, "back office was changed") {
			t.Errorf("notice: to %v subject %q", last.To, last.Subject)
		}
		env.Client("").AdminLogin("agent@service.test", "new-password-22")
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'password_changed' AND actor LIKE ?`,
			ten.ID, "staff:"+id(m.ID)+" %"); n != 1 {
			t.Errorf("%d audit entries for the change", n)
		}
		if n := count(t, env, `SELECT COUNT(*) FROM audit_log WHERE tenant_id = ? AND action = 'password_change_failed'`, ten.ID); n != 1 {
			t.Errorf("%d audit entries for the wrong current password", n)
		}
	})
}
